import "server-only";
import type Stripe from "stripe";
import type { Queryable } from "@/db/client";
import { ENTITLEMENTS } from "./entitlements";
import { billingMode, LOOKUP_KEYS, type LookupKey } from "./config";
import { ensureCustomer, customerForUser } from "./customers";
import { getSubscriptionRow } from "./plan";
import { getStripe } from "./stripe-client";

class BillingSetupError extends Error {
  constructor(key: string) {
    super(`No active Stripe price has the lookup key "${key}". Run \`npm run admin -- billing setup\` once with the Stripe keys set.`);
    this.name = "BillingSetupError";
  }
}

const PRODUCTS = {
  pro: { id: "spotter_pro", name: "Spotter Pro" },
  trainer: { id: "spotter_trainer", name: "Spotter Trainer" },
} as const;

/**
 * Creates the products and the four prices by lookup key, idempotently: an existing price with
 * the right amount and interval is kept; a wrong one loses its lookup key to a new price.
 */
export async function setupPrices(stripe: Stripe = getStripe()) {
  const out: { lookupKey: string; price: string; created: boolean }[] = [];
  for (const [plan, p] of Object.entries(PRODUCTS)) {
    try {
      await stripe.products.retrieve(p.id);
    } catch (error) {
      if ((error as { code?: string }).code !== "resource_missing") throw error;
      await stripe.products.create({ id: p.id, name: p.name, metadata: { plan } });
    }
  }
  for (const [key, spec] of Object.entries(LOOKUP_KEYS)) {
    const ent = ENTITLEMENTS[spec.plan];
    const amount = (spec.interval === "month" ? ent.priceUsdPerMonth : ent.priceUsdPerYear) * 100;
    const found = (await stripe.prices.list({ lookup_keys: [key], active: true, limit: 1 })).data[0];
    if (found && found.unit_amount === amount && found.recurring?.interval === spec.interval && found.product === PRODUCTS[spec.plan].id) {
      out.push({ lookupKey: key, price: found.id, created: false });
      continue;
    }
    const price = await stripe.prices.create({
      product: PRODUCTS[spec.plan].id,
      currency: "usd",
      unit_amount: amount,
      recurring: { interval: spec.interval },
      lookup_key: key,
      transfer_lookup_key: true,
      metadata: { plan: spec.plan },
    });
    out.push({ lookupKey: key, price: price.id, created: true });
  }
  return out;
}

async function priceFor(stripe: Stripe, key: LookupKey): Promise<string> {
  const found = (await stripe.prices.list({ lookup_keys: [key], active: true, limit: 1 })).data[0];
  if (found) return found.id;
  // The stand-in is set up on first use; real Stripe is set up by the operator (it costs nothing to check).
  if (billingMode() === "local") {
    await setupPrices(stripe);
    return priceFor(stripe, key);
  }
  throw new BillingSetupError(key);
}

export type CheckoutStart = { kind: "checkout"; url: string } | { kind: "portal"; url: string };

/**
 * Checkout for a plan (subscription mode, the customer made first, client_reference_id = user id,
 * an idempotency key so a double click opens one session). A user who already pays goes to the
 * portal instead, where plan changes are prorated, rather than into a second subscription.
 */
export async function startCheckout(
  db: Queryable,
  userId: string,
  key: LookupKey,
  appOrigin: string,
  stripe: Stripe = getStripe(),
): Promise<CheckoutStart> {
  const row = await getSubscriptionRow(db, userId);
  if (row?.source === "stripe" && row.stripeSubscriptionId && ["active", "trialing", "past_due"].includes(row.status)) {
    return { kind: "portal", url: await openPortal(db, userId, `${appOrigin}/settings/billing`, stripe) };
  }
  const customer = await ensureCustomer(db, userId);
  const price = await priceFor(stripe, key);
  const minute = Math.floor(Date.now() / 60_000);
  const session = await stripe.checkout.sessions.create(
    {
      mode: "subscription",
      customer,
      client_reference_id: userId,
      line_items: [{ price, quantity: 1 }],
      success_url: `${appOrigin}/settings/billing/return?session_id={CHECKOUT_SESSION_ID}`,
      cancel_url: `${appOrigin}/pricing?checkout=canceled`,
      subscription_data: { metadata: { userId } },
      metadata: { userId, lookupKey: key },
    },
    { idempotencyKey: `spotter-checkout-${userId}-${key}-${minute}` },
  );
  if (!session.url) throw new Error("Stripe returned a checkout session without a URL.");
  return { kind: "checkout", url: session.url };
}

export async function openPortal(db: Queryable, userId: string, returnUrl: string, stripe: Stripe = getStripe()): Promise<string> {
  const row = await customerForUser(db, userId);
  if (!row) throw new Error("You have no billing account yet: choose a plan on the pricing page first.");
  const session = await stripe.billingPortal.sessions.create({ customer: row.stripeCustomerId, return_url: returnUrl });
  return session.url;
}

/** After Checkout: the session must be this user's; then sync at once (the webhook may come later). */
export async function syncCheckoutSession(db: Queryable, userId: string, sessionId: string, stripe: Stripe = getStripe()) {
  const { syncCustomer } = await import("./sync");
  const session = await stripe.checkout.sessions.retrieve(sessionId);
  const mine = await customerForUser(db, userId);
  const customer = typeof session.customer === "string" ? session.customer : session.customer?.id;
  if (session.client_reference_id !== userId || !mine || mine.stripeCustomerId !== customer)
    return { ok: false as const, reason: "not_yours" as const };
  if (session.status !== "complete") return { ok: false as const, reason: "not_paid" as const };
  const r = await syncCustomer(db, customer!, stripe);
  return { ok: true as const, result: r };
}

/** Stripe's hosted pages live elsewhere; the stand-in's live in this app, so keep the browser on its origin. */
export function browserUrl(url: string): string {
  if (billingMode() !== "local") return url;
  const u = new URL(url);
  return `${u.pathname}${u.search}`;
}
