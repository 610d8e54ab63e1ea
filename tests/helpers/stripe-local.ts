import { afterAll, beforeAll } from "vitest";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { setStripeClient } from "@/lib/billing/stripe-client";
import { startLocalStripeServer, type LocalStripeServer } from "@/lib/billing/local/server";

const TEST_SECRET_KEY = "sk_test_local_vitest_0123456789abcdef0123456789";
export const TEST_WEBHOOK_SECRET = "whsec_vitest_0123456789abcdef0123456789abcdef";

/** The stand-in + the real webhook handler on a local HTTP server; the SDK seam points at it. */
export function useLocalStripe(db: () => Db) {
  let server: LocalStripeServer | undefined;
  beforeAll(async () => {
    server = await startLocalStripeServer({ db: db(), secretKey: TEST_SECRET_KEY, webhookSecret: TEST_WEBHOOK_SECRET });
    setStripeClient(server.stripe);
  });
  afterAll(async () => {
    setStripeClient(null);
    await server?.close();
  });
  return () => {
    if (!server) throw new Error("local stripe not started");
    return server;
  };
}

/** Webhook events the stand-in recorded for a customer, oldest first, as delivered (pretty JSON). */
export async function recordedEvents(db: Db, customer: string): Promise<string[]> {
  const r = await db.execute<{ body: unknown }>(sql`select body from stripe_local_events where customer = ${customer} order by seq`);
  return r.rows.map((row) => JSON.stringify(typeof row.body === "string" ? JSON.parse(row.body) : row.body, null, 2));
}
