import "server-only";
import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import type Stripe from "stripe";
import type { Queryable } from "@/db/client";
import { billingCustomers, subscriptions, type SubscriptionStatus } from "@/db/schema";
import { isLookupKey, LOOKUP_KEYS } from "./config";
import { userForCustomer } from "./customers";
import { getStripe } from "./stripe-client";

/** Which of a customer's subscriptions decides the plan: the liveliest, then the newest. */
const STATUS_RANK: Record<string, number> = {
  active: 0,
  trialing: 1,
  past_due: 2,
  unpaid: 3,
  paused: 4,
  incomplete: 5,
  canceled: 6,
  incomplete_expired: 7,
};

export type SyncResult =
  | { synced: true; userId: string; plan: string; status: SubscriptionStatus | "none"; subscriptionId: string | null }
  | { synced: false; reason: "unknown_customer" | "stale_read" };

const ts = (s: number | null | undefined) => (s ? new Date(s * 1000) : null);

type Sub = Stripe.Subscription;

function pickSubscription(subs: Sub[]): Sub | null {
  return [...subs].sort((a, b) => (STATUS_RANK[a.status] ?? 9) - (STATUS_RANK[b.status] ?? 9) || b.created - a.created)[0] ?? null;
}

/** The plan and interval a subscription pays for, by the price's lookup key (metadata.plan as a fallback). */
function planOf(sub: Sub) {
  const price = sub.items.data[0]?.price;
  const key = price?.lookup_key;
  if (isLookupKey(key)) return { ...LOOKUP_KEYS[key], lookupKey: key };
  const plan = price?.metadata?.plan;
  if (plan === "pro" || plan === "trainer")
    return { plan, interval: price?.recurring?.interval === "year" ? "year" : "month", lookupKey: key ?? null } as const;
  return null;
}

/**
 * Re-reads a customer's subscriptions from the API (never from an event) and writes the one that
 * decides the plan. Event order therefore never matters; a read that started before the stored
 * one is discarded, so two concurrent syncs cannot leave the older state behind.
 */
export async function syncCustomer(db: Queryable, customerId: string, stripe: Stripe = getStripe()): Promise<SyncResult> {
  const readAt = new Date();
  const customer = await stripe.customers.retrieve(customerId, { expand: ["invoice_settings.default_payment_method"] });
  let userId = await userForCustomer(db, customerId);
  if (!userId && !customer.deleted) {
    // A customer made outside ensureCustomer (e.g. in the dashboard) that names one of our users.
    const claimed = customer.metadata?.userId;
    if (claimed) userId = claimed;
  }
  if (!userId) return { synced: false, reason: "unknown_customer" };

  const list = customer.deleted
    ? { data: [] as Sub[] }
    : await stripe.subscriptions.list({
        customer: customerId,
        status: "all",
        limit: 100,
        expand: ["data.default_payment_method", "data.latest_invoice"],
      });
  const sub = pickSubscription(list.data);

  const card = cardOf(sub, customer);
  if (!customer.deleted) {
    await db
      .update(billingCustomers)
      .set({ cardBrand: card?.brand ?? null, cardLast4: card?.last4 ?? null, updatedAt: sql`now()` })
      .where(eq(billingCustomers.stripeCustomerId, customerId));
  }

  const fresher = or(isNull(subscriptions.stripeReadAt), lt(subscriptions.stripeReadAt, readAt));
  if (!sub) {
    // No subscription any more: a Stripe-managed row falls back to free; an operator-set plan stays.
    const res = await db
      .update(subscriptions)
      .set({
        plan: "free",
        status: "canceled",
        cancelAtPeriodEnd: false,
        pastDueSince: null,
        stripeSubscriptionId: null,
        stripeReadAt: readAt,
        updatedAt: sql`now()`,
      })
      .where(and(eq(subscriptions.userId, userId), eq(subscriptions.source, "stripe"), fresher))
      .returning({ userId: subscriptions.userId });
    return res.length || !(await hasStripeRow(db, userId))
      ? { synced: true, userId, plan: "free", status: "none", subscriptionId: null }
      : { synced: false, reason: "stale_read" };
  }

  const plan = planOf(sub);
  const item = sub.items.data[0];
  // Newer API versions carry the period on the subscription item.
  const legacy = sub as unknown as { current_period_start?: number; current_period_end?: number };
  const periodStart = ts(item?.current_period_start ?? legacy.current_period_start);
  const periodEnd = ts(item?.current_period_end ?? legacy.current_period_end);
  const invoice = typeof sub.latest_invoice === "object" ? sub.latest_invoice : null;
  const pastDueSince = sub.status === "past_due" ? (ts(invoice?.status_transitions?.finalized_at ?? invoice?.created) ?? periodStart) : null;
  const values = {
    plan: plan?.plan ?? ("free" as const),
    status: sub.status as SubscriptionStatus,
    source: "stripe" as const,
    currentPeriodStart: periodStart,
    currentPeriodEnd: sub.cancel_at ? ts(sub.cancel_at) : periodEnd,
    cancelAtPeriodEnd: Boolean(sub.cancel_at_period_end || (sub.cancel_at && sub.status !== "canceled")),
    pastDueSince,
    endedAt: ts(sub.ended_at),
    stripeSubscriptionId: sub.id,
    stripeCustomerId: customerId,
    priceLookupKey: plan?.lookupKey ?? null,
    billingInterval: plan?.interval ?? null,
    stripeReadAt: readAt,
  };
  const written = await db
    .insert(subscriptions)
    .values({ userId, ...values })
    .onConflictDoUpdate({ target: subscriptions.userId, set: { ...values, updatedAt: sql`now()` }, setWhere: fresher })
    .returning({ userId: subscriptions.userId });
  if (!written.length) return { synced: false, reason: "stale_read" };
  return { synced: true, userId, plan: values.plan, status: values.status, subscriptionId: sub.id };
}

async function hasStripeRow(db: Queryable, userId: string) {
  const [row] = await db.select({ source: subscriptions.source }).from(subscriptions).where(eq(subscriptions.userId, userId));
  return row?.source === "stripe";
}

function cardOf(sub: Sub | null, customer: Stripe.Customer | Stripe.DeletedCustomer) {
  const fromSub = sub && typeof sub.default_payment_method === "object" ? sub.default_payment_method : null;
  const fromCustomer =
    !customer.deleted && typeof customer.invoice_settings?.default_payment_method === "object"
      ? customer.invoice_settings.default_payment_method
      : null;
  const pm = fromSub ?? fromCustomer;
  return pm?.card ? { brand: pm.card.brand, last4: pm.card.last4 } : null;
}
