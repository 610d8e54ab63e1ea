import { randomBytes } from "node:crypto";
import type { z } from "zod";
import { getCurrentUser, type SessionUser } from "@/lib/auth/session";
import { isUserError, NotFoundError, UserError } from "@/lib/errors/user-error";
import { ValidationError } from "@/lib/validation/validation-error";
import { logError } from "@/lib/log/redact";

/**
 * The route-handler wrapper for app/api/*: session → entitlement → input (zod) → handler, with
 * every failure answered as JSON `{ error, code, fieldErrors?, ...details }` and the right status.
 *
 *   export const POST = userRoute({ input: schema, entitlement: requireFeature("liveWorkoutVoice") },
 *     async ({ user, input }) => ({ ok: true }));
 *
 * A handler returns a Response (streams, redirects) or a JSON-serialisable value (sent with
 * `cache-control: no-store`). It throws a UserError for expected failures; anything else is logged
 * with a reference and answered 500 without internals.
 */
export type EntitlementHook = (user: SessionUser) => Promise<void> | void;

export interface RouteContext<I, P> {
  request: Request;
  user: SessionUser;
  input: I;
  params: P;
}

type Schema = z.ZodType;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface RouteOptions<I extends Schema | undefined, P extends Schema | undefined> {
  /** Body (POST/PUT/PATCH/DELETE with a body) or query string (GET/HEAD) schema. */
  input?: I;
  /** Dynamic segment schema; a mismatch answers 404 (an id that cannot exist reveals nothing). */
  params?: P;
  /** Runs after the session check: throw PlanRequiredError (403) when the plan lacks the feature. */
  entitlement?: EntitlementHook;
  /** What a signed-out caller is told (401). */
  unauthenticated?: string;
  /** The 404 message for params that fail their schema. */
  notFound?: string;
  /** Overrides the session lookup (benchmarks run handlers outside Next.js). */
  getUser?: () => Promise<SessionUser | null>;
  /** For the log line of an internal error. */
  name?: string;
}

export const ROUTE_UNAUTHENTICATED = "Your session has ended. Sign in again to continue.";
const ROUTE_INTERNAL = "Something went wrong on our side. Please try again.";

type NextContext = { params?: Promise<Record<string, string | string[]>> };
type Handler<I, P> = (ctx: RouteContext<I, P>) => Promise<unknown> | unknown;

const NO_STORE = { "cache-control": "no-store" } as const;

/** `extra` fields come first, so they can never overwrite the message or the code. */
export function jsonError(status: number, error: string, code: string, extra: Record<string, unknown> = {}): Response {
  return Response.json({ ...extra, error, code }, { status, headers: NO_STORE });
}

/** A UserError (or anything else) as the JSON answer a client can act on. */
export function errorResponse(error: unknown, name = "route"): Response {
  if (isUserError(error)) {
    return jsonError(error.status, error.message, error.code, {
      ...error.details,
      ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}),
    });
  }
  const ref = randomBytes(4).toString("hex");
  logError(`[api] ${name} failed (ref ${ref})`, error, { stack: true });
  return jsonError(500, `${ROUTE_INTERNAL} (ref ${ref})`, "internal");
}

async function readInput(request: Request): Promise<unknown> {
  const method = request.method.toUpperCase();
  if (method === "GET" || method === "HEAD") return queryObject(new URL(request.url).searchParams);
  let text: string;
  try {
    text = await request.text();
  } catch (error) {
    // The client went away while sending (a reload, a closed tab): nothing to answer, nothing to log.
    if (request.signal.aborted || (error instanceof Error && /aborted/i.test(error.message)))
      throw new UserError("The request was cancelled before its body arrived.", { code: "client_closed", status: 400 });
    throw error;
  }
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new UserError("The request body must be JSON.", { code: "bad_request", status: 400 });
  }
}

/** Query string → object; a repeated key becomes an array, an empty value is treated as absent. */
export function queryObject(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key).filter((v) => v !== "");
    if (values.length > 1) out[key] = values;
    else if (values.length === 1) out[key] = values[0];
  }
  return out;
}

async function parse<S extends Schema>(schema: S, value: unknown): Promise<z.output<S>> {
  const parsed = await schema.safeParseAsync(value);
  if (!parsed.success) throw ValidationError.fromZod(parsed.error, "The request is not valid.");
  return parsed.data;
}

function toResponse(value: unknown): Response {
  if (value instanceof Response) return value;
  if (value === undefined) return new Response(null, { status: 204, headers: NO_STORE });
  return Response.json(value, { headers: NO_STORE });
}

/** A route for signed-in users. Scope every query by `user.id`; never trust ids from the input. */
export function userRoute<I extends Schema | undefined = undefined, P extends Schema | undefined = undefined>(
  options: RouteOptions<I, P>,
  handler: Handler<Out<I>, Out<P>>,
): (request: Request, context?: NextContext) => Promise<Response> {
  const name = options.name ?? (handler.name || "userRoute");
  const getUser = options.getUser ?? getCurrentUser;
  return async (request, context) => {
    try {
      const user = await getUser();
      if (!user) throw new UserError(options.unauthenticated ?? ROUTE_UNAUTHENTICATED, { code: "unauthorized", status: 401 });
      if (options.entitlement) await options.entitlement(user);
      const params = options.params ? await parseParams(options.params, context, options.notFound) : undefined;
      const input = options.input ? await parse(options.input, await readInput(request)) : undefined;
      return toResponse(await handler({ request, user, input: input as Out<I>, params: params as Out<P> }));
    } catch (error) {
      return errorResponse(error, name);
    }
  };
}

/** A route anyone may call (health checks, webhooks verify their own signatures). */
export function publicRoute<I extends Schema | undefined = undefined, P extends Schema | undefined = undefined>(
  options: Omit<RouteOptions<I, P>, "entitlement" | "unauthenticated" | "getUser">,
  handler: (ctx: Omit<RouteContext<Out<I>, Out<P>>, "user">) => Promise<unknown> | unknown,
): (request: Request, context?: NextContext) => Promise<Response> {
  const name = options.name ?? (handler.name || "publicRoute");
  return async (request, context) => {
    try {
      const params = options.params ? await parseParams(options.params, context, options.notFound) : undefined;
      const input = options.input ? await parse(options.input, await readInput(request)) : undefined;
      return toResponse(await handler({ request, input: input as Out<I>, params: params as Out<P> }));
    } catch (error) {
      return errorResponse(error, name);
    }
  };
}

async function parseParams<S extends Schema>(schema: S, context: NextContext | undefined, message?: string): Promise<z.output<S>> {
  const parsed = await schema.safeParseAsync((await context?.params) ?? {});
  if (!parsed.success) throw new NotFoundError(message);
  return parsed.data;
}
