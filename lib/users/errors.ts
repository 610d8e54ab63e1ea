/** Expected failures of user operations; their messages are safe to show to the person. */
export class EmailTakenError extends Error {
  constructor(readonly email: string) {
    super(`An account with the email ${email} already exists.`);
    this.name = "EmailTakenError";
  }
}

export class UserInputError extends Error {
  constructor(
    message: string,
    readonly fieldErrors: Record<string, string[]> = {},
  ) {
    super(message);
    this.name = "UserInputError";
  }
}

export class UserNotFoundError extends Error {
  constructor(what: string) {
    super(`No user ${what}.`);
    this.name = "UserNotFoundError";
  }
}

/** The unique-violation on `constraint`, looking through drizzle's query-error wrapper. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  for (let e = error as { code?: string; constraint?: string; cause?: unknown } | undefined, i = 0; e && i < 5; e = e.cause as typeof e, i++) {
    if (e.code === "23505" && (!constraint || e.constraint === constraint || !e.constraint)) return true;
  }
  return false;
}

/** zod issues → { field: [messages] } for forms and CLI output. */
export function fieldErrorsOf(issues: { path: PropertyKey[]; message: string }[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const i of issues) (out[String(i.path[0] ?? "input")] ??= []).push(i.message);
  return out;
}
