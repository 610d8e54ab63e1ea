import "server-only";
import { sql } from "drizzle-orm";
import Stripe from "stripe";
import type { Queryable } from "@/db/client";

/**
 * Signed webhook delivery from the stand-in to the app's real webhook route, like Stripe's:
 * events go out in order, a non-2xx answer or a network error is retried with exponential
 * backoff (up to MAX_ATTEMPTS), and the state lives in Postgres so any instance can deliver.
 */
const MAX_ATTEMPTS = 12;
const LEASE_SECONDS = 30;

export interface DeliveryTarget {
  db: Queryable;
  secret: string;
  endpoint: string;
  /** Defaults to fetch; tests call the route handler in-process. */
  post?: (url: string, body: string, headers: Record<string, string>) => Promise<number>;
}

function backoffSeconds(attempts: number): number {
  return Math.min(3600, 2 ** Math.max(0, attempts - 1));
}

async function defaultPost(url: string, body: string, headers: Record<string, string>): Promise<number> {
  const res = await fetch(url, { method: "POST", body, headers, signal: AbortSignal.timeout(30_000) });
  await res.arrayBuffer().catch(() => {});
  return res.status;
}

export function signPayload(payload: string, secret: string, timestamp = Math.floor(Date.now() / 1000)): string {
  return Stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp });
}

/** Delivers every due event once; returns how many were delivered and how many failed. */
export async function flushDeliveries(target: DeliveryTarget): Promise<{ delivered: number; failed: number; retryInSeconds: number | null }> {
  const { db } = target;
  const post = target.post ?? defaultPost;
  let delivered = 0;
  let failed = 0;
  let retryIn: number | null = null;
  for (let round = 0; round < 20; round++) {
    const claimed = await db.execute<{ seq: number; id: string; body: unknown; attempts: number }>(sql`
      update stripe_local_events set next_attempt_at = now() + make_interval(secs => ${LEASE_SECONDS})
      where seq in (
        select seq from stripe_local_events where delivery = 'pending' and next_attempt_at <= now()
        order by seq limit 25 for update skip locked)
      returning seq, id, body, attempts`);
    const rows = [...claimed.rows].sort((a, b) => Number(a.seq) - Number(b.seq));
    if (rows.length === 0) break;
    for (const row of rows) {
      const payload = JSON.stringify(typeof row.body === "string" ? JSON.parse(row.body) : row.body, null, 2);
      let status = 0;
      try {
        status = await post(target.endpoint, payload, {
          "content-type": "application/json; charset=utf-8",
          "stripe-signature": signPayload(payload, target.secret),
          "user-agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks) spotter-local",
        });
      } catch {
        status = 0;
      }
      const attempts = Number(row.attempts) + 1;
      if (status >= 200 && status < 300) {
        delivered++;
        await db.execute(
          sql`update stripe_local_events set delivery = 'delivered', attempts = ${attempts}, last_status = ${status} where seq = ${row.seq}`,
        );
      } else {
        failed++;
        const wait = backoffSeconds(attempts);
        retryIn = retryIn === null ? wait : Math.min(retryIn, wait);
        await db.execute(sql`
          update stripe_local_events set attempts = ${attempts}, last_status = ${status || null},
            delivery = case when ${attempts} >= ${MAX_ATTEMPTS} then 'failed' else 'pending' end,
            next_attempt_at = now() + make_interval(secs => ${wait})
          where seq = ${row.seq}`);
      }
    }
  }
  return { delivered, failed, retryInSeconds: retryIn };
}
