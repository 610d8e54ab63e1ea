import "server-only";
import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";

/**
 * Fixed-window rate limiting backed by `rate_limit_buckets`, so every app instance shares the
 * same counters. Consuming is one atomic `insert … on conflict do update … returning`: under
 * any concurrency, exactly `limit` units of a window are granted.
 */
export interface RateLimitOptions {
  limit: number;
  windowSeconds: number;
  /** Units this call consumes (default 1). */
  cost?: number;
  /** Clock override for tests; defaults to the database's now(). */
  now?: Date;
}

export interface RateLimitResult {
  allowed: boolean;
  /** Units left in the current window after this call. */
  remaining: number;
  /** When the current window ends. */
  resetAt: Date;
  /** Units used in the current window (including this call, and denied calls). */
  count: number;
}

/** How often consume also deletes expired buckets (keeps the table small without a cron). */
const PURGE_PROBABILITY = 0.01;

function validate({ limit, windowSeconds, cost = 1 }: RateLimitOptions) {
  if (!Number.isInteger(limit) || limit < 0) throw new RangeError("rate limit: limit must be a non-negative integer");
  if (!Number.isInteger(windowSeconds) || windowSeconds < 1) throw new RangeError("rate limit: windowSeconds must be a positive integer");
  if (!Number.isInteger(cost) || cost < 0) throw new RangeError("rate limit: cost must be a non-negative integer");
}

/** SQL for the start of the window containing `now` (database clock unless overridden). */
function windowStartSql(windowSeconds: number, now?: Date) {
  const clock = now ? sql`${now.toISOString()}::timestamptz` : sql`now()`;
  return sql`to_timestamp(floor(extract(epoch from ${clock}) / ${windowSeconds}) * ${windowSeconds})`;
}

function toResult(row: { count: unknown; window_start: unknown }, opts: RateLimitOptions): RateLimitResult {
  const count = Number(row.count);
  const start = new Date(row.window_start as string | Date);
  return {
    allowed: count <= opts.limit,
    remaining: Math.max(0, opts.limit - count),
    resetAt: new Date(start.getTime() + opts.windowSeconds * 1000),
    count,
  };
}

export async function consumeRateLimit(db: Queryable, key: string, opts: RateLimitOptions): Promise<RateLimitResult> {
  validate(opts);
  const cost = opts.cost ?? 1;
  const start = windowStartSql(opts.windowSeconds, opts.now);
  const result = await db.execute<{ count: number; window_start: string }>(sql`
    insert into rate_limit_buckets (key, window_start, count, expires_at)
    values (${key}, ${start}, ${cost}, ${start} + make_interval(secs => ${opts.windowSeconds}))
    on conflict (key, window_start) do update set count = rate_limit_buckets.count + excluded.count
    returning count, window_start`);
  // Not with a clock override: the purge uses the database's clock and would delete windows that
  // are still current on the caller's clock (a 1-in-100 flake in the tests that pin `now`).
  if (!opts.now && Math.random() < PURGE_PROBABILITY) await purgeExpiredRateLimits(db);
  return toResult(result.rows[0], opts);
}

/** The current window's state without consuming anything. */
export async function peekRateLimit(db: Queryable, key: string, opts: Omit<RateLimitOptions, "cost">): Promise<RateLimitResult> {
  validate(opts);
  const start = windowStartSql(opts.windowSeconds, opts.now);
  const result = await db.execute<{ count: number; window_start: string }>(sql`
    select coalesce((select count from rate_limit_buckets where key = ${key} and window_start = ${start}), 0) as count,
           ${start} as window_start`);
  const r = toResult(result.rows[0], opts);
  // Peeking asks "would the next unit be allowed?"
  return { ...r, allowed: r.count < opts.limit };
}

/** Gives back units of the current window (e.g. a login attempt that turned out to be valid). */
export async function refundRateLimit(db: Queryable, key: string, opts: Omit<RateLimitOptions, "limit">): Promise<void> {
  validate({ ...opts, limit: 0 });
  const start = windowStartSql(opts.windowSeconds, opts.now);
  await db.execute(sql`
    update rate_limit_buckets set count = greatest(count - ${opts.cost ?? 1}, 0)
    where key = ${key} and window_start = ${start}`);
}

/** Forgets every window of a key (e.g. after a successful sign-in for the per-account counter). */
export async function resetRateLimit(db: Queryable, key: string): Promise<void> {
  await db.execute(sql`delete from rate_limit_buckets where key = ${key}`);
}

export async function purgeExpiredRateLimits(db: Queryable): Promise<number> {
  const result = await db.execute(sql`delete from rate_limit_buckets where expires_at < now()`);
  return Number((result as { rowCount?: number; affectedRows?: number }).rowCount ?? (result as { affectedRows?: number }).affectedRows ?? 0);
}

/** Whole minutes until `resetAt`, at least 1 (for "try again in N minutes"). */
export function minutesUntil(resetAt: Date, now = new Date()): number {
  return Math.max(1, Math.ceil((resetAt.getTime() - now.getTime()) / 60_000));
}
