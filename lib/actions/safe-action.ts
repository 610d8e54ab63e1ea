import { randomBytes } from "node:crypto";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { getCurrentUser, type SessionUser } from "@/lib/auth/session";
import { isUserError, UserError, type FieldErrors } from "@/lib/errors/user-error";
import { zodFieldErrors } from "@/lib/validation/field-errors";
import { logError } from "@/lib/log/redact";

/**
 * Server-action wrappers: input (object or FormData) → zod → (session) → handler → ActionResult.
 *
 * Compared with the usual `validatedAction(schema, fn)` pattern: results are typed and
 * discriminated (`ok`), every invalid field gets its messages (not just the first issue),
 * FormData keeps repeated keys and File values, handler failures never leak internals, and
 * Next.js control flow (redirect(), notFound()) passes through untouched. Any UserError thrown by
 * the handler (or the domain code it calls) becomes `{ ok: false, code, error, fieldErrors }`
 * automatically; everything else is an internal error with a log reference.
 */
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: string; fieldErrors?: FieldErrors; code?: ActionErrorCode };

/** The generic codes, plus whatever `code` a UserError subclass carries ("not_found", "plan_required"…). */
type ActionErrorCode = "validation" | "unauthenticated" | "rejected" | "internal" | (string & {});

/** Throw from an action for an expected failure that has no domain error class: shown as is. */
export class ActionError extends UserError {
  constructor(message: string, opts: { fieldErrors?: FieldErrors; code?: string } = {}) {
    super(message, { code: opts.code ?? "rejected", fieldErrors: opts.fieldErrors });
  }
}

export const UNAUTHENTICATED_MESSAGE = "Your session has ended. Please sign in again.";
const VALIDATION_MESSAGE = "Please check the highlighted fields.";
export const INTERNAL_MESSAGE = "Something went wrong on our side. Please try again.";

/**
 * Callable as `action(input)` / `action(formData)`, or directly as a `useActionState` action:
 * `action(previousState, formData)`.
 */
export interface SafeAction<Input, T> {
  (input: Input | FormData): Promise<ActionResult<T>>;
  (previous: ActionResult<T> | null | undefined, formData: FormData): Promise<ActionResult<T>>;
}

type AnySchema = z.ZodType;

/**
 * FormData → plain object for zod. Repeated keys (or keys ending in "[]") become arrays; File
 * values are kept (an empty, unnamed file — an untouched file input — is dropped); empty strings
 * become undefined so optional fields work; React's internal `$ACTION_…` fields are ignored.
 */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const rawKey of new Set(formData.keys())) {
    if (rawKey.startsWith("$ACTION")) continue;
    const isArray = rawKey.endsWith("[]");
    const key = isArray ? rawKey.slice(0, -2) : rawKey;
    const values = formData.getAll(rawKey).filter((v) => {
      if (typeof v === "string") return v !== "";
      return !(v.size === 0 && v.name === "");
    });
    if (isArray || values.length > 1) out[key] = values;
    else if (values.length === 1) out[key] = values[0];
  }
  return out;
}

/** Nicer wording than zod's default for a missing field. */
const errorMap: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === "invalid_type" && issue.input === undefined) return "This field is required.";
  return undefined;
};

function pickInput(args: unknown[]): unknown {
  // useActionState calls (previousState, formData); direct calls pass (input).
  return args.length >= 2 && args[1] instanceof FormData ? args[1] : args[0];
}

async function run<S extends AnySchema, T>(
  schema: S,
  args: unknown[],
  handler: (input: z.output<S>) => Promise<T>,
  name: string,
): Promise<ActionResult<T>> {
  const raw = pickInput(args);
  const input = raw instanceof FormData ? formDataToObject(raw) : raw;
  const parsed = await schema.safeParseAsync(input, { error: errorMap });
  if (!parsed.success) {
    const { formErrors, fieldErrors } = zodFieldErrors(parsed.error.issues);
    return { ok: false, code: "validation", error: formErrors[0] ?? VALIDATION_MESSAGE, fieldErrors };
  }
  try {
    return { ok: true, data: await handler(parsed.data) };
  } catch (error) {
    unstable_rethrow(error); // redirect(), notFound() and friends are not failures
    if (isUserError(error)) {
      return { ok: false, code: error.code, error: error.message, ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}) };
    }
    const ref = randomBytes(4).toString("hex");
    logError(`[action] ${name} failed (ref ${ref})`, error, { stack: true });
    return { ok: false, code: "internal", error: `${INTERNAL_MESSAGE} (ref ${ref})` };
  }
}

/** An action anyone may call (sign-up, magic links…). */
export function publicAction<S extends AnySchema, T>(schema: S, handler: (input: z.output<S>) => Promise<T>): SafeAction<z.input<S>, T> {
  const name = handler.name || "publicAction";
  return (async (...args: unknown[]) => run(schema, args, handler, name)) as SafeAction<z.input<S>, T>;
}

/**
 * An action for signed-in users: the session is checked first (a signed-out caller learns
 * nothing else), then the input is validated, then the handler runs with `{ user }`. Scope every
 * query by `user.id`; never trust ids from the input for ownership.
 */
export function authedAction<S extends AnySchema, T>(
  schema: S,
  handler: (input: z.output<S>, ctx: { user: SessionUser }) => Promise<T>,
): SafeAction<z.input<S>, T> {
  const name = handler.name || "authedAction";
  return (async (...args: unknown[]) => {
    let user: SessionUser | null;
    try {
      user = await getCurrentUser();
    } catch (error) {
      unstable_rethrow(error);
      const ref = randomBytes(4).toString("hex");
      logError(`[action] ${name}: session lookup failed (ref ${ref})`, error, { stack: true });
      return { ok: false, code: "internal", error: `${INTERNAL_MESSAGE} (ref ${ref})` };
    }
    if (!user) return { ok: false, code: "unauthenticated", error: UNAUTHENTICATED_MESSAGE };
    const signedIn = user;
    return run(schema, args, (input) => handler(input, { user: signedIn }), name);
  }) as SafeAction<z.input<S>, T>;
}
