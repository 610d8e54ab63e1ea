import "server-only";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, Queryable } from "@/db/client";
import { privacySettings, RETENTION_MAX_DAYS, RETENTION_MIN_DAYS } from "@/db/schema";
import { consumeRateLimit } from "@/lib/security/rate-limit";
import { logError } from "@/lib/log/redact";

const DEFAULT_RETENTION_DAYS = RETENTION_MAX_DAYS;
/** How often the app runs the purge on its own (one instance per window; see maybePurgeHistory). */
export const PURGE_INTERVAL_SECONDS = 3600;

export const retentionDaysSchema = z.coerce
  .number({ error: "Enter a number of days." })
  .int("Use a whole number of days.")
  .min(RETENTION_MIN_DAYS, `Keep history at least ${RETENTION_MIN_DAYS} day.`)
  .max(RETENTION_MAX_DAYS, `History is kept at most ${RETENTION_MAX_DAYS} days.`);

export async function getRetentionDays(db: Queryable, userId: string): Promise<number> {
  const [row] = await db.select({ days: privacySettings.historyRetentionDays }).from(privacySettings).where(eq(privacySettings.userId, userId));
  return row?.days ?? DEFAULT_RETENTION_DAYS;
}

export async function setRetentionDays(db: Queryable, userId: string, days: number): Promise<number> {
  const d = retentionDaysSchema.parse(days);
  await db
    .insert(privacySettings)
    .values({ userId, historyRetentionDays: d })
    .onConflictDoUpdate({ target: privacySettings.userId, set: { historyRetentionDays: d, updatedAt: sql`now()` } });
  return d;
}

export type PurgeResult = { ran: false; reason: "locked" } | { ran: true; messages: number; conversations: number; cues: number };

/** One key for every instance: only one purge runs at a time anywhere. */
const LOCK_KEY = sql`hashtext('spotter:privacy:retention-purge')`;

/**
 * Deletes chat messages and live-workout cues older than each user's retention (default 180 days),
 * conversations left without messages, and conversation summaries that were built from purged turns
 * (a summary would otherwise keep what the purge removed). One transaction under a transaction-level
 * advisory lock: a second purger (another instance, the CLI) finds the lock taken and skips; the lock
 * is released by commit or rollback, also on PGlite.
 */
export async function purgeExpiredHistory(db: Db, now: Date = new Date()): Promise<PurgeResult> {
  return db.transaction(async (tx) => {
    const lock = await tx.execute<{ ok: boolean }>(sql`select pg_try_advisory_xact_lock(${LOCK_KEY}) as ok`);
    if (!lock.rows[0]?.ok) return { ran: false as const, reason: "locked" as const };
    const cutoff = sql`${now.toISOString()}::timestamptz - make_interval(days => coalesce(p.history_retention_days, ${DEFAULT_RETENTION_DAYS}))`;
    const purgedMessages = await tx.execute<{ conversation_id: string }>(sql`
      delete from messages m
       using users u left join privacy_settings p on p.user_id = u.id
       where m.user_id = u.id and m.created_at < ${cutoff}
      returning m.conversation_id`);
    const touched = [...new Set(purgedMessages.rows.map((r) => r.conversation_id))];
    let conversations = 0;
    if (touched.length) {
      const gone = await tx.execute(sql`
        delete from conversations c
         where c.id in (select unnest(${`{${touched.join(",")}}`}::uuid[]))
           and not exists (select 1 from messages m where m.conversation_id = c.id)
        returning c.id`);
      conversations = gone.rows.length;
      await tx.execute(sql`
        update conversations set context_summary = null, summary_through_message_id = null, updated_at = now()
         where id in (select unnest(${`{${touched.join(",")}}`}::uuid[])) and context_summary is not null`);
    }
    const emptyOld = await tx.execute(sql`
      delete from conversations c
       using users u left join privacy_settings p on p.user_id = u.id
       where c.user_id = u.id and c.last_message_at < ${cutoff}
         and not exists (select 1 from messages m where m.conversation_id = c.id)
      returning c.id`);
    conversations += emptyOld.rows.length;
    const cues = await tx.execute(sql`
      delete from live_cues l
       using users u left join privacy_settings p on p.user_id = u.id
       where l.user_id = u.id and l.created_at < ${cutoff}
      returning l.id`);
    return { ran: true as const, messages: purgedMessages.rows.length, conversations, cues: cues.rows.length };
  });
}

/**
 * The app's own schedule: at most one purge per PURGE_INTERVAL_SECONDS across all instances (a
 * shared counter in Postgres decides who runs), and the advisory lock covers any overlap with the
 * CLI. Never throws: a failed purge is logged and retried next window.
 */
export async function maybePurgeHistory(db: Db): Promise<PurgeResult | null> {
  try {
    const gate = await consumeRateLimit(db, "job:privacy-retention-purge", { limit: 1, windowSeconds: PURGE_INTERVAL_SECONDS });
    if (!gate.allowed) return null;
    return await purgeExpiredHistory(db);
  } catch (error) {
    logError("[privacy] retention purge failed", error);
    return null;
  }
}
