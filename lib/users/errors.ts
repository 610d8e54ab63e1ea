import { NotFoundError, UserError } from "@/lib/errors/user-error";
import { ValidationError } from "@/lib/validation/validation-error";

/** Expected failures of user operations; their messages are safe to show to the person. */
export class EmailTakenError extends UserError {
  constructor(readonly email: string) {
    super(`An account with the email ${email} already exists.`, {
      code: "email_taken",
      status: 409,
      fieldErrors: { email: ["An account with this email already exists. Sign in instead."] },
    });
  }
}

/** Invalid input to a user operation (profile, account), with messages per field. */
export class UserInputError extends ValidationError {}

export class UserNotFoundError extends NotFoundError {
  constructor(what: string) {
    super(`No user ${what}.`);
  }
}

/** The unique-violation on `constraint`, looking through drizzle's query-error wrapper. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  for (let e = error as { code?: string; constraint?: string; cause?: unknown } | undefined, i = 0; e && i < 5; e = e.cause as typeof e, i++) {
    if (e.code === "23505" && (!constraint || e.constraint === constraint || !e.constraint)) return true;
  }
  return false;
}
