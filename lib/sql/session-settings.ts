import { SANDBOX_LIMITS, SANDBOX_ROLE, SANDBOX_USER_SETTING } from "./limits";

/**
 * Transaction-local settings applied (in this order, in one statement) right before the model's
 * query: limits, a fixed search_path and output formats, the user's time zone, the RLS user id,
 * and finally the sandbox role. All are `set_config(..., true)`, so ROLLBACK undoes them.
 */
export const SANDBOX_SETTINGS_SQL = `SELECT
  set_config('statement_timeout', $1, true),
  set_config('lock_timeout', $2, true),
  set_config('idle_in_transaction_session_timeout', $3, true),
  set_config('search_path', 'pg_catalog, pg_temp', true),
  set_config('standard_conforming_strings', 'on', true),
  set_config('DateStyle', 'ISO, YMD', true),
  set_config('IntervalStyle', 'postgres', true),
  set_config('TimeZone', $4, true),
  set_config('${SANDBOX_USER_SETTING}', $5, true),
  set_config('role', '${SANDBOX_ROLE}', true)`;

export function sandboxSettingsValues(userId: string, timeZone: string): string[] {
  return [
    String(SANDBOX_LIMITS.statementTimeoutMs),
    String(SANDBOX_LIMITS.lockTimeoutMs),
    String(SANDBOX_LIMITS.idleInTransactionTimeoutMs),
    timeZone,
    userId,
  ];
}

export const USER_TIME_ZONE_SQL = "SELECT timezone FROM public.user_profiles WHERE user_id = $1";

/** IANA names only (what user_profiles stores); anything else falls back to UTC. */
export function safeTimeZone(tz: unknown): string {
  if (typeof tz !== "string" || !/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(tz)) return "UTC";
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return tz;
  } catch {
    return "UTC";
  }
}
