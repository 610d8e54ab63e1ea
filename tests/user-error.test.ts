import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";

vi.mock("@/lib/auth/session", () => ({ getCurrentUser: vi.fn(async () => ({ id: "u1", email: "u@example.com", name: null })) }));

const { authedAction, publicAction, ActionError } = await import("@/lib/actions/safe-action");
const { userRoute } = await import("@/lib/api/route");
const { UserError, isUserError } = await import("@/lib/errors/user-error");
const { ValidationError } = await import("@/lib/validation/validation-error");
const { zodFieldErrors } = await import("@/lib/validation/field-errors");
const { ImportFormatError, ImportTooLargeError } = await import("@/lib/import/errors");
const { CoachLimitError } = await import("@/lib/coach/coaches");
const { CoachEditError } = await import("@/lib/coach/edit");
const { InterviewError } = await import("@/lib/coach/interviews");
const { DraftActionError } = await import("@/lib/chat/drafts");
const { ChatRequestError, conversationNotFound } = await import("@/lib/chat/errors");
const { EmailTakenError, UserInputError, UserNotFoundError } = await import("@/lib/users/errors");
const { WorkoutDraftError } = await import("@/lib/workout-text/save");

let errorLog: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  errorLog = vi.spyOn(console, "error").mockImplementation(() => {});
});
afterEach(() => errorLog.mockRestore());

const throwing = (error: unknown) => async () => {
  throw error;
};

describe("UserError", () => {
  it("carries message, code, status and field errors; defaults to 400 'rejected'", () => {
    const e = new UserError("Nope.");
    expect(e).toBeInstanceOf(Error);
    expect([e.message, e.code, e.status, e.fieldErrors]).toEqual(["Nope.", "rejected", 400, undefined]);
    expect(e.name).toBe("UserError");
    expect(isUserError(e)).toBe(true);
    expect(isUserError(new Error("x"))).toBe(false);
    expect(new ActionError("x")).toBeInstanceOf(UserError);
  });

  it("every domain's expected failure is a UserError (so nothing maps them by hand)", () => {
    const domainErrors = [
      new ImportFormatError("Unknown format."),
      new ImportTooLargeError(20 * 1024 * 1024, 10 * 1024 * 1024),
      new CoachLimitError(1),
      new CoachEditError({ avoid: ["Too long."] }),
      new InterviewError("Finished already."),
      new DraftActionError("Already saved."),
      new WorkoutDraftError("Bad draft."),
      new ChatRequestError(409, "Busy.", "reply_in_progress"),
      conversationNotFound(),
      new EmailTakenError("a@example.com"),
      new UserInputError("Bad.", { name: ["Bad."] }),
      new UserNotFoundError("with id x"),
    ];
    for (const e of domainErrors) expect(isUserError(e), e.constructor.name).toBe(true);
  });
});

describe("server actions map every UserError automatically", () => {
  it("keeps message, code and field errors", async () => {
    const schema = z.object({});
    expect(await authedAction(schema, throwing(new ImportFormatError("Not a CSV.")))({})).toEqual({
      ok: false,
      code: "import_format",
      error: "Not a CSV.",
      fieldErrors: { file: ["Not a CSV."] },
    });
    expect(await authedAction(schema, throwing(new CoachEditError({ avoid: ["At most 16 movements."] })))({})).toEqual({
      ok: false,
      code: "validation",
      error: "Please check the highlighted fields.",
      fieldErrors: { avoid: ["At most 16 movements."] },
    });
    expect(await publicAction(schema, throwing(new EmailTakenError("a@example.com")))({})).toMatchObject({
      ok: false,
      code: "email_taken",
      fieldErrors: { email: ["An account with this email already exists. Sign in instead."] },
    });
    expect(await authedAction(schema, throwing(new ActionError("Gone.")))({})).toEqual({ ok: false, code: "rejected", error: "Gone." });
    expect(errorLog).not.toHaveBeenCalled();
  });

  it("never shows a plain Error's message", async () => {
    const r = await authedAction(z.object({}), throwing(new Error("SELECT * FROM users failed")))({});
    expect(r).toMatchObject({ ok: false, code: "internal" });
    expect(JSON.stringify(r)).not.toContain("SELECT");
  });
});

describe("the same error answers a route and an action alike", () => {
  it("status for the route, code and message for both", async () => {
    const error = new CoachLimitError(1);
    const res = await userRoute({}, throwing(error))(new Request("http://app.test", { method: "POST" }));
    expect(res.status).toBe(403);
    const body = await res.json();
    const action = await authedAction(z.object({}), throwing(error))({});
    expect(action).toMatchObject({ ok: false, code: body.code, error: body.error });
  });
});

describe("zodFieldErrors / ValidationError.fromZod", () => {
  const schema = z
    .object({ name: z.string().min(1, "Name it."), sets: z.array(z.object({ reps: z.number().min(1, "At least one rep.") })) })
    .refine((v) => v.name !== "x", "Not x.");

  it("keys messages by dotted path, once each; object-level issues are form errors", () => {
    const r = schema.safeParse({ name: "", sets: [{ reps: 0 }, { reps: 0 }] });
    expect(r.success).toBe(false);
    const { fieldErrors, formErrors } = zodFieldErrors(r.error!.issues);
    expect(fieldErrors).toEqual({ name: ["Name it."], "sets.0.reps": ["At least one rep."], "sets.1.reps": ["At least one rep."] });
    expect(formErrors).toEqual([]);
    const refined = schema.safeParse({ name: "x", sets: [] });
    expect(zodFieldErrors(refined.error!.issues)).toEqual({ formErrors: ["Not x."], fieldErrors: {} });
  });

  it("fromZod builds the subclass it is called on, headlined by the first message", () => {
    const r = schema.safeParse({ name: "", sets: [] });
    const e = UserInputError.fromZod(r.error!);
    expect(e).toBeInstanceOf(UserInputError);
    expect(e).toBeInstanceOf(ValidationError);
    expect(e.message).toBe("Name it.");
    expect(e.fieldErrors).toEqual({ name: ["Name it."] });
    expect([e.code, e.status]).toEqual(["validation", 400]);
  });
});
