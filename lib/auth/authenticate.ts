import "server-only";
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { users } from "@/db/schema";
import { consumeRateLimit, refundRateLimit, resetRateLimit } from "@/lib/security/rate-limit";
import { normalizeEmail } from "@/lib/users/email";
import { verifyPassword } from "./password";

/** Failed-attempt budgets. An attempt counts up front (atomically) and is given back on success. */
export const LOGIN_LIMITS = {
  perEmail: { limit: 5, windowSeconds: 15 * 60 },
  perIp: { limit: 20, windowSeconds: 15 * 60 },
} as const;

type AuthenticatedUser = { id: string; email: string; name: string | null };

export type AuthenticateResult =
  { ok: true; user: AuthenticatedUser } | { ok: false; code: "invalid_credentials" } | { ok: false; code: "throttled"; retryAt: Date };

/** Rate-limit keys never contain the address itself. */
export function loginEmailKey(email: string) {
  return `login:email:${createHash("sha256").update(normalizeEmail(email)).digest("hex")}`;
}
function loginIpKey(ip: string) {
  return `login:ip:${ip}`;
}

/**
 * Email + password check behind the Credentials provider, free of Next.js so it is testable.
 * 1. Throttle: one atomic consume per account and per IP. Over budget → "throttled", and the
 *    password is not even looked at.
 * 2. Verify with argon2id; unknown emails and password-less accounts verify against a dummy hash
 *    so the timing is the same.
 * 3. Success forgets the account's failures and refunds the IP's unit.
 */
export async function authenticateWithPassword(
  db: Queryable,
  input: { email: string; password: string; ip?: string | null },
): Promise<AuthenticateResult> {
  const email = normalizeEmail(input.email);
  const emailKey = loginEmailKey(email);
  const ipKey = input.ip ? loginIpKey(input.ip) : null;

  const [byEmail, byIp] = await Promise.all([
    consumeRateLimit(db, emailKey, LOGIN_LIMITS.perEmail),
    ipKey ? consumeRateLimit(db, ipKey, LOGIN_LIMITS.perIp) : null,
  ]);
  const blocked = [byEmail, byIp].filter((r) => r && !r.allowed).map((r) => r!.resetAt);
  if (blocked.length) return { ok: false, code: "throttled", retryAt: new Date(Math.max(...blocked.map((d) => d.getTime()))) };

  const [row] = email
    ? await db
        .select({ id: users.id, email: users.email, name: users.name, passwordHash: users.passwordHash })
        .from(users)
        .where(eq(users.email, email))
        .limit(1)
    : [];
  const valid = await verifyPassword(input.password, row?.passwordHash ?? null);
  if (!row || !valid) return { ok: false, code: "invalid_credentials" };

  await Promise.all([resetRateLimit(db, emailKey), ipKey ? refundRateLimit(db, ipKey, { windowSeconds: LOGIN_LIMITS.perIp.windowSeconds }) : null]);
  return { ok: true, user: { id: row.id, email: row.email, name: row.name } };
}
