import "server-only";
import { SANDBOX_LIMITS, SANDBOX_ROLE, SANDBOX_USER_SETTING } from "./limits";

/**
 * Transaction-local settings applied (in this order, in one statement) right before the model's
 * query: limits (time, locks, and one core — no parallel workers), a fixed search_path and output
 * formats, the user's time zone (from their profile when it looks like an IANA name, else UTC;
 * $4 = 'UTC' forces UTC; read through a function so this also works when the connection is logged
 * in as the sandbox role, see sandbox-pool.ts), the RLS user id, and finally the sandbox role. All are
 * `set_config(..., true)`, so ROLLBACK undoes them.
 */
export const SANDBOX_SETTINGS_SQL = `SELECT
  set_config('statement_timeout', $1, true),
  set_config('lock_timeout', $2, true),
  set_config('idle_in_transaction_session_timeout', $3, true),
  set_config('max_parallel_workers_per_gather', '0', true),
  set_config('search_path', 'pg_catalog, pg_temp', true),
  set_config('standard_conforming_strings', 'on', true),
  set_config('DateStyle', 'ISO, YMD', true),
  set_config('IntervalStyle', 'postgres', true),
  set_config('TimeZone', CASE WHEN $4::text = 'UTC' THEN 'UTC' ELSE COALESCE((
    SELECT z FROM public.spotter_sandbox_timezone($5::text) AS z
    WHERE z ~ '^[A-Za-z][A-Za-z0-9_+/-]{0,63}$'), 'UTC') END, true),
  set_config('${SANDBOX_USER_SETTING}', $5::text, true),
  set_config('role', '${SANDBOX_ROLE}', true)`;

/** timeZone: "profile" (the user's own) or "UTC" (after the profile's zone was refused). */
export function sandboxSettingsValues(userId: string, timeZone: "profile" | "UTC"): string[] {
  return [
    String(SANDBOX_LIMITS.statementTimeoutMs),
    String(SANDBOX_LIMITS.lockTimeoutMs),
    String(SANDBOX_LIMITS.idleInTransactionTimeoutMs),
    timeZone,
    userId,
  ];
}

/** PostgreSQL refused the profile's time zone name (run again with "UTC"). */
export function isTimeZoneError(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return e?.code === "22023" && /TimeZone|time zone/i.test(e.message ?? "");
}
