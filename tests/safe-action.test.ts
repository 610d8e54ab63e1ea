import { redirect } from "next/navigation";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";

const currentUser = vi.hoisted(() => ({ value: null as null | { id: string; email: string; name: string | null } }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: vi.fn(async () => currentUser.value) }));

const { ActionError, authedAction, formDataToObject, publicAction, INTERNAL_MESSAGE, UNAUTHENTICATED_MESSAGE } =
  await import("@/lib/actions/safe-action");
const { getCurrentUser } = await import("@/lib/auth/session");

const schema = z.object({
  title: z.string().trim().min(1, "Give it a title.").max(20),
  reps: z.coerce.number().int().min(1, "At least one rep."),
  tags: z.array(z.string()).default([]),
  note: z.string().optional(),
});

describe("publicAction", () => {
  let errorLog: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    errorLog = vi.spyOn(console, "error").mockImplementation(() => {});
  });
  afterEach(() => errorLog.mockRestore());

  it("passes parsed (coerced, defaulted) input to the handler and wraps the result", async () => {
    const handler = vi.fn(async (input: z.output<typeof schema>) => ({ echoed: input }));
    const action = publicAction(schema, handler);
    expect(await action({ title: " Squat ", reps: "5" as unknown as number })).toEqual({
      ok: true,
      data: { echoed: { title: "Squat", reps: 5, tags: [] } },
    });
  });

  it("returns every field's messages and never calls the handler on invalid input", async () => {
    const handler = vi.fn(async () => "nope");
    const result = await publicAction(schema, handler)({ title: "", reps: 0 });
    expect(result).toEqual({
      ok: false,
      code: "validation",
      error: "Please check the highlighted fields.",
      fieldErrors: { title: ["Give it a title."], reps: ["At least one rep."] },
    });
    expect(handler).not.toHaveBeenCalled();
  });

  it("says 'required' for missing fields instead of zod's type jargon", async () => {
    const result = await publicAction(schema, async () => 1)({} as never);
    expect(!result.ok && result.fieldErrors).toMatchObject({ title: ["This field is required."], reps: expect.any(Array) });
  });

  it("reports object-level refinements as the form error", async () => {
    const confirm = z.object({ a: z.string(), b: z.string() }).refine((v) => v.a === v.b, "The two values must match.");
    expect(await publicAction(confirm, async () => 1)({ a: "x", b: "y" })).toMatchObject({ ok: false, error: "The two values must match." });
  });

  it("accepts FormData directly and as useActionState's (previousState, formData)", async () => {
    const action = publicAction(schema, async (input) => input);
    const fd = new FormData();
    fd.set("title", "Bench");
    fd.set("reps", "8");
    fd.append("tags", "push");
    fd.append("tags", "chest");
    fd.set("note", "");
    fd.set("$ACTION_ID_abc", "");
    const expected = { ok: true, data: { title: "Bench", reps: 8, tags: ["push", "chest"] } };
    expect(await action(fd)).toEqual(expected);
    expect(await action(null, fd)).toEqual(expected);
    expect(await action({ ok: false, error: "previous" }, fd)).toEqual(expected);
  });

  it("keeps File values from FormData and drops untouched file inputs", async () => {
    const upload = z.object({ file: z.instanceof(File, { message: "Choose a file." }) });
    const action = publicAction(upload, async ({ file }) => ({ name: file.name, text: await file.text() }));
    const fd = new FormData();
    fd.set("file", new File(["Date,Exercise\n"], "strong.csv", { type: "text/csv" }));
    expect(await action(fd)).toEqual({ ok: true, data: { name: "strong.csv", text: "Date,Exercise\n" } });

    const empty = new FormData();
    empty.set("file", new File([], ""));
    expect(await action(empty)).toMatchObject({ ok: false, fieldErrors: { file: ["Choose a file."] } }); // the schema's own message wins
  });

  it("turns ActionError into a user-facing failure (message and field errors kept)", async () => {
    const action = publicAction(schema, async () => {
      throw new ActionError("That name is taken.", { fieldErrors: { title: ["Pick another title."] } });
    });
    expect(await action({ title: "x", reps: 1 })).toEqual({
      ok: false,
      code: "rejected",
      error: "That name is taken.",
      fieldErrors: { title: ["Pick another title."] },
    });
    expect(errorLog).not.toHaveBeenCalled();
  });

  it("hides unexpected errors behind a generic message with a reference, and logs them server-side", async () => {
    const action = publicAction(schema, async () => {
      throw new Error('duplicate key value violates unique constraint "users_email_unique" password=hunter2');
    });
    const result = await action({ title: "x", reps: 1 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe("internal");
    expect(result.error.startsWith(INTERNAL_MESSAGE)).toBe(true);
    expect(result.error).not.toMatch(/duplicate|constraint|hunter2/);
    const ref = /\(ref ([0-9a-f]{8})\)/.exec(result.error)?.[1];
    expect(ref).toBeTruthy();
    expect(String(errorLog.mock.calls[0][0])).toContain(ref);
  });

  it("lets Next.js redirects through instead of reporting them as failures", async () => {
    const action = publicAction(schema, async () => redirect("/workouts"));
    await expect(action({ title: "x", reps: 1 })).rejects.toMatchObject({ digest: expect.stringContaining("NEXT_REDIRECT") });
  });
});

describe("authedAction", () => {
  const user: { id: string; email: string; name: string | null } = { id: "user-1", email: "a@example.com", name: "A" };
  afterEach(() => {
    currentUser.value = null;
    vi.mocked(getCurrentUser).mockClear();
  });

  it("refuses signed-out callers before validating or running anything", async () => {
    const handler = vi.fn(async () => "secret");
    const result = await authedAction(schema, handler)({ title: "", reps: 0 });
    expect(result).toEqual({ ok: false, code: "unauthenticated", error: UNAUTHENTICATED_MESSAGE });
    expect(handler).not.toHaveBeenCalled();
  });

  it("gives the handler the session user and the parsed input", async () => {
    currentUser.value = user;
    const handler = vi.fn(async (input: z.output<typeof schema>, ctx: { user: typeof user }) => `${ctx.user.id}:${input.title}`);
    const fd = new FormData();
    fd.set("title", "Row");
    fd.set("reps", "10");
    expect(await authedAction(schema, handler)(null, fd)).toEqual({ ok: true, data: "user-1:Row" });
    expect(handler.mock.calls[0][1]).toEqual({ user });
  });

  it("validates for signed-in callers", async () => {
    currentUser.value = user;
    expect(await authedAction(schema, async () => 1)({ title: "x", reps: -1 })).toMatchObject({
      ok: false,
      code: "validation",
      fieldErrors: { reps: ["At least one rep."] },
    });
  });

  it("reports a failing session lookup as an internal error, not as signed out", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    vi.mocked(getCurrentUser).mockRejectedValueOnce(new Error("connection refused"));
    const result = await authedAction(schema, async () => 1)({ title: "x", reps: 1 });
    expect(result).toMatchObject({ ok: false, code: "internal" });
    expect(!result.ok && result.error).not.toContain("connection refused");
    log.mockRestore();
  });
});

describe("formDataToObject", () => {
  it("maps repeated keys and key[] to arrays, blanks to absent", () => {
    const fd = new FormData();
    fd.append("one", "1");
    fd.append("many", "a");
    fd.append("many", "b");
    fd.append("list[]", "only");
    fd.append("blank", "");
    expect(formDataToObject(fd)).toEqual({ one: "1", many: ["a", "b"], list: ["only"] });
  });
});
