import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";

const currentUser = vi.hoisted(() => ({ value: null as null | { id: string; email: string; name: string | null } }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: vi.fn(async () => currentUser.value) }));

const { userRoute, publicRoute, errorResponse, queryObject, ROUTE_UNAUTHENTICATED } = await import("@/lib/api/route");
const { UserError, NotFoundError, PlanRequiredError, RateLimitedError } = await import("@/lib/errors/user-error");
const { ValidationError } = await import("@/lib/validation/validation-error");

const alice: { id: string; email: string; name: string | null } = {
  id: "11111111-1111-4111-8111-111111111111",
  email: "alice@example.com",
  name: "Alice",
};

function post(body: unknown, url = "http://app.test/api/x") {
  return new Request(url, {
    method: "POST",
    body: typeof body === "string" ? body : JSON.stringify(body),
    headers: { "content-type": "application/json" },
  });
}
const params = (p: Record<string, string>) => ({ params: Promise.resolve(p) });

let errorLog: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  currentUser.value = alice;
  errorLog = vi.spyOn(console, "error").mockImplementation(() => {});
});
afterEach(() => errorLog.mockRestore());

describe("userRoute", () => {
  const schema = z.object({ reps: z.coerce.number().int().min(1, "At least one rep."), note: z.string().max(5).optional() });

  it("runs session → input → handler and answers JSON, uncached", async () => {
    const handler = vi.fn(async ({ user, input }: { user: typeof alice; input: z.output<typeof schema> }) => ({ who: user.id, reps: input.reps }));
    const res = await userRoute({ input: schema }, handler)(post({ reps: "5" }));
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toEqual({ who: alice.id, reps: 5 });
  });

  it("answers 401 to a signed-out caller before reading the body or calling the handler", async () => {
    currentUser.value = null;
    const handler = vi.fn();
    const entitlement = vi.fn();
    const res = await userRoute({ input: schema, entitlement }, handler)(post("{not json"));
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: ROUTE_UNAUTHENTICATED, code: "unauthorized" });
    expect(handler).not.toHaveBeenCalled();
    expect(entitlement).not.toHaveBeenCalled();
  });

  it("runs the entitlement hook with the user; a PlanRequiredError is a 403 and the handler never runs", async () => {
    const handler = vi.fn();
    const entitlement = vi.fn(async () => {
      throw new PlanRequiredError("Live workout mode is part of Pro.");
    });
    const res = await userRoute({ entitlement }, handler)(post({}));
    expect(entitlement).toHaveBeenCalledWith(alice);
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: "Live workout mode is part of Pro.", code: "plan_required" });
    expect(handler).not.toHaveBeenCalled();
  });

  it("answers 400 with every field's messages for invalid input, and 400 for a body that is not JSON", async () => {
    const handler = vi.fn();
    const bad = await userRoute({ input: schema }, handler)(post({ reps: 0, note: "far too long" }));
    expect(bad.status).toBe(400);
    const body = await bad.json();
    expect(body).toMatchObject({ code: "validation", error: "At least one rep." });
    expect(Object.keys(body.fieldErrors).sort()).toEqual(["note", "reps"]);
    const notJson = await userRoute({ input: schema }, handler)(post("{oops"));
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ code: "bad_request", error: "The request body must be JSON." });
    expect(handler).not.toHaveBeenCalled();
  });

  it("a body cut off by the client (reload, closed tab) is answered 400 (client_closed) and not logged as our failure", async () => {
    const handler = vi.fn();
    const cut = new Request("http://app.test/api/x", {
      method: "POST",
      body: new ReadableStream({ start: (c) => c.error(new Error("aborted")) }),
      duplex: "half",
    } as RequestInit);
    const res = await userRoute({ input: schema }, handler)(cut);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: "client_closed" });
    expect(handler).not.toHaveBeenCalled();
    expect(errorLog).not.toHaveBeenCalled();
    // Any other failure to read the body is still ours, logged with a reference.
    const broken = new Request("http://app.test/api/x", {
      method: "POST",
      body: new ReadableStream({ start: (c) => c.error(new Error("socket hang up")) }),
      duplex: "half",
    } as RequestInit);
    expect((await userRoute({ input: schema }, handler)(broken)).status).toBe(500);
    expect(errorLog).toHaveBeenCalledOnce();
  });

  it("reads GET input from the query string (repeated keys → arrays, empty → absent)", async () => {
    const q = z.object({ cursor: z.string().optional(), tag: z.array(z.string()).optional(), limit: z.coerce.number().default(20) });
    const route = userRoute({ input: q }, async ({ input }) => input);
    const res = await route(new Request("http://app.test/api/x?cursor=&tag=a&tag=b&limit=5"));
    expect(await res.json()).toEqual({ tag: ["a", "b"], limit: 5 });
    expect(queryObject(new URLSearchParams("a=1"))).toEqual({ a: "1" });
  });

  it("answers 404 when route params fail their schema (an impossible id reveals nothing)", async () => {
    const handler = vi.fn();
    const route = userRoute({ params: z.object({ id: z.uuid() }), notFound: "This conversation does not exist." }, handler);
    const res = await route(new Request("http://app.test/api/x/nope"), params({ id: "nope" }));
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: "This conversation does not exist.", code: "not_found" });
    expect(handler).not.toHaveBeenCalled();
    const ok = await userRoute({ params: z.object({ id: z.uuid() }) }, async ({ params: p }) => p)(
      new Request("http://app.test"),
      params({ id: alice.id }),
    );
    expect(await ok.json()).toEqual({ id: alice.id });
  });

  it("maps any UserError thrown by domain code to its status, code, field errors and details", async () => {
    class QuotaError extends UserError {
      constructor() {
        super("You've used today's 30 messages.", { code: "quota_exceeded", status: 429, details: { limit: 30 } });
      }
    }
    const cases: [Error, number, Record<string, unknown>][] = [
      [new NotFoundError("No such coach."), 404, { error: "No such coach.", code: "not_found" }],
      [new QuotaError(), 429, { error: "You've used today's 30 messages.", code: "quota_exceeded", limit: 30 }],
      [new RateLimitedError("Slow down.", new Date("2030-01-01T00:00:00Z")), 429, { code: "rate_limited", retryAt: "2030-01-01T00:00:00.000Z" }],
      [new ValidationError("Check the name.", { name: ["Too long."] }), 400, { code: "validation", fieldErrors: { name: ["Too long."] } }],
      [new UserError("Already confirmed.", { code: "conflict", status: 409 }), 409, { code: "conflict" }],
    ];
    for (const [error, status, body] of cases) {
      const res = await userRoute({}, async () => {
        throw error;
      })(post({}));
      expect(res.status).toBe(status);
      expect(await res.json()).toMatchObject(body);
    }
  });

  it("a UserError's details cannot overwrite its message or code", async () => {
    const res = errorResponse(new UserError("Real message.", { code: "real", details: { error: "spoofed", code: "spoofed" } }));
    expect(await res.json()).toMatchObject({ error: "Real message.", code: "real" });
  });

  it("answers 500 with a reference and no internals for anything else, and logs it", async () => {
    const res = await userRoute({ name: "explode" }, async () => {
      throw new Error("connection string postgres://u:secret@db/x");
    })(post({}));
    expect(res.status).toBe(500);
    const body = await res.json();
    expect(body.code).toBe("internal");
    expect(body.error).toMatch(/^Something went wrong on our side\. Please try again\. \(ref [0-9a-f]{8}\)$/);
    expect(JSON.stringify(body)).not.toContain("secret");
    expect(errorLog).toHaveBeenCalledTimes(1);
    const line = String(errorLog.mock.calls[0][0]);
    expect(line).toContain("[api] explode failed (ref ");
    // the stack is logged for the operator, with the password in the URL masked
    expect(line).toContain("postgres://u:***@db/x");
    expect(line).not.toContain("secret");
  });

  it("passes a Response from the handler through untouched (streams), and undefined becomes 204", async () => {
    const stream = new Response("data: hi\n\n", { headers: { "content-type": "text/event-stream" } });
    expect(await userRoute({}, async () => stream)(post({}))).toBe(stream);
    expect((await userRoute({}, async () => undefined)(post({}))).status).toBe(204);
  });

  it("uses an injected session lookup (benchmarks run outside Next.js)", async () => {
    currentUser.value = null;
    const res = await userRoute({ getUser: async () => alice }, async ({ user }) => user.email)(post({}));
    expect(await res.json()).toBe(alice.email);
  });
});

describe("publicRoute", () => {
  it("needs no session and still validates and maps errors", async () => {
    currentUser.value = null;
    const route = publicRoute({ input: z.object({ n: z.number() }) }, async ({ input }) => ({ twice: input.n * 2 }));
    expect(await (await route(post({ n: 2 }))).json()).toEqual({ twice: 4 });
    expect((await route(post({ n: "x" }))).status).toBe(400);
  });
});
