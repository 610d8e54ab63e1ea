import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { stripeEvents } from "@/db/schema";

/** A claim older than this is presumed dead (crashed instance) and may be re-acquired. */
const STUCK_CLAIM_SECONDS = 300;

export type ClaimOutcome = { claimed: true; attempts: number } | { claimed: false; state: "completed" | "processing" };

/**
 * Claims an event id atomically: a new id is inserted as processing; a failed one, or one stuck in
 * processing for over 5 minutes, is re-acquired by exactly one caller (the conditional upsert is a
 * single statement, so parallel deliveries cannot both win).
 */
export async function claimEvent(
  db: Queryable,
  e: { id: string; type: string; customerId: string | null; payload: string; created: number },
  now?: Date,
): Promise<ClaimOutcome> {
  const clock = now ? sql`${now.toISOString()}::timestamptz` : sql`now()`;
  const result = await db.execute<{ attempts: number }>(sql`
    insert into stripe_events (id, type, customer_id, state, attempts, claimed_at, payload, event_created_at)
    values (${e.id}, ${e.type}, ${e.customerId}, 'processing', 1, ${clock}, ${e.payload}, to_timestamp(${e.created}))
    on conflict (id) do update set state = 'processing', attempts = stripe_events.attempts + 1, claimed_at = ${clock}, last_error = null
      where stripe_events.state = 'failed'
         or (stripe_events.state = 'processing' and stripe_events.claimed_at < ${clock} - make_interval(secs => ${STUCK_CLAIM_SECONDS}))
    returning attempts`);
  if (result.rows.length === 1) return { claimed: true, attempts: Number(result.rows[0].attempts) };
  const [row] = await db.select({ state: stripeEvents.state }).from(stripeEvents).where(eq(stripeEvents.id, e.id));
  return { claimed: false, state: row?.state === "completed" ? "completed" : "processing" };
}

export async function completeEvent(db: Queryable, id: string) {
  await db
    .update(stripeEvents)
    .set({ state: "completed", completedAt: sql`now()`, lastError: null })
    .where(eq(stripeEvents.id, id));
}

export async function failEvent(db: Queryable, id: string, error: string) {
  await db
    .update(stripeEvents)
    .set({ state: "failed", lastError: error.slice(0, 500) })
    .where(eq(stripeEvents.id, id));
}
