/**
 * The one base class for expected, user-facing failures. Its message is safe to show as is; `code`
 * is a stable machine-readable name; `status` is the HTTP status a route answers with. Server
 * actions (lib/actions/safe-action.ts) and route handlers (lib/api/route.ts) map every UserError
 * automatically — domain modules throw a subclass and never translate errors by hand. Anything
 * that is not a UserError is an internal error: logged with a reference, never shown.
 */
export type FieldErrors = Record<string, string[]>;

export interface UserErrorOptions {
  code?: string;
  status?: UserErrorStatus;
  fieldErrors?: FieldErrors;
  /** Extra JSON fields a route answer carries (e.g. `{ limit, resetAt }`); never secrets. */
  details?: Record<string, unknown>;
  cause?: unknown;
}

/** The statuses an expected failure may carry (5xx are never expected). */
export type UserErrorStatus = 400 | 401 | 402 | 403 | 404 | 409 | 410 | 413 | 422 | 429;

export class UserError extends Error {
  readonly code: string;
  readonly status: UserErrorStatus;
  readonly fieldErrors?: FieldErrors;
  readonly details?: Record<string, unknown>;

  constructor(message: string, opts: UserErrorOptions = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = new.target.name;
    this.code = opts.code ?? "rejected";
    this.status = opts.status ?? 400;
    if (opts.fieldErrors) this.fieldErrors = opts.fieldErrors;
    if (opts.details) this.details = opts.details;
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}

/** A record that does not exist, or is not the caller's: the same words either way. */
export class NotFoundError extends UserError {
  constructor(message = "This page or record does not exist.") {
    super(message, { code: "not_found", status: 404 });
  }
}

/** The caller's plan does not include the feature (the entitlement hook throws this). */
export class PlanRequiredError extends UserError {
  constructor(message: string, opts: { code?: string } = {}) {
    super(message, { code: opts.code ?? "plan_required", status: 403 });
  }
}

/** A per-user or per-IP limit was hit; `retryAt` says when it lifts. */
export class RateLimitedError extends UserError {
  constructor(
    message: string,
    readonly retryAt?: Date,
  ) {
    super(message, { code: "rate_limited", status: 429, ...(retryAt ? { details: { retryAt: retryAt.toISOString() } } : {}) });
  }
}
