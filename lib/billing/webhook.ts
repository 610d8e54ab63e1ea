import Stripe from "stripe";
import type { Queryable } from "@/db/client";
import { claimEvent, completeEvent, failEvent } from "./events";
import { syncCustomer } from "./sync";
import { redactSecrets } from "@/lib/log/redact";

export interface WebhookResult {
  status: number;
  body: { received: boolean; outcome: string; error?: string };
}

/** The customer an event is about, from its object (customer id, or the customer itself). */
export function customerOfEvent(event: { data: { object: unknown } }): string | null {
  const o = event.data.object as { object?: string; id?: string; customer?: unknown };
  if (o.object === "customer" && typeof o.id === "string") return o.id;
  if (typeof o.customer === "string") return o.customer;
  if (o.customer && typeof o.customer === "object" && typeof (o.customer as { id?: unknown }).id === "string")
    return (o.customer as { id: string }).id;
  return null;
}

/**
 * POST /api/stripe/webhook's work: verify the signature on the raw body (400, nothing changes),
 * claim the event id (a duplicate that completed → 200; one in flight → 409 so Stripe retries
 * later), then sync the customer from the API. Any failure → the claim is marked failed and 500,
 * so Stripe retries and the retry re-acquires the claim.
 */
export async function handleStripeWebhook(
  db: Queryable,
  rawBody: string,
  signature: string | null,
  opts: { secret: string; stripe?: Stripe; sync?: typeof syncCustomer },
): Promise<WebhookResult> {
  let event: Stripe.Event;
  try {
    if (!signature) throw new Error("missing Stripe-Signature header");
    event = Stripe.webhooks.constructEvent(rawBody, signature, opts.secret);
  } catch {
    return { status: 400, body: { received: false, outcome: "bad_signature", error: "Webhook signature verification failed." } };
  }
  const customerId = customerOfEvent(event);
  const claim = await claimEvent(db, { id: event.id, type: event.type, customerId, payload: rawBody, created: event.created });
  if (!claim.claimed) {
    return claim.state === "completed"
      ? { status: 200, body: { received: true, outcome: "duplicate" } }
      : { status: 409, body: { received: false, outcome: "in_progress", error: "This event is being processed; retry later." } };
  }
  try {
    let outcome = "ignored";
    if (customerId) {
      const r = await (opts.sync ?? syncCustomer)(db, customerId, opts.stripe);
      outcome = r.synced ? "synced" : r.reason;
    }
    await completeEvent(db, event.id);
    return { status: 200, body: { received: true, outcome } };
  } catch (error) {
    const message = redactSecrets(error instanceof Error ? error.message : String(error));
    await failEvent(db, event.id, message).catch(() => {});
    console.error(`[billing] webhook ${event.type} ${event.id} failed: ${message}`);
    return { status: 500, body: { received: false, outcome: "failed", error: "Processing failed; Stripe will retry." } };
  }
}
