import { eq, sql } from "drizzle-orm";
import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { billingCustomers, stripeEvents, subscriptions } from "@/db/schema";
import { browserUrl, setupPrices, startCheckout, syncCheckoutSession } from "@/lib/billing/checkout";
import { lookupKeyFor } from "@/lib/billing/config";
import { cancelAndForgetCustomer, customerForUser } from "@/lib/billing/customers";
import { getEntitlements } from "@/lib/billing/entitlements";
import { claimEvent } from "@/lib/billing/events";
import * as engine from "@/lib/billing/local/engine";
import { nowSeconds } from "@/lib/billing/local/store";
import { signPayload } from "@/lib/billing/local/deliver";
import { syncCustomer } from "@/lib/billing/sync";
import { handleStripeWebhook } from "@/lib/billing/webhook";
import { createUser } from "@/lib/users/create-user";
import { useTestDatabase } from "./helpers/db";
import { recordedEvents, TEST_WEBHOOK_SECRET, useLocalStripe } from "./helpers/stripe-local";

const CARD_OK = { number: "4242 4242 4242 4242", exp: "12/34", cvc: "123" };
const DAY = 86_400;

describe("billing against the local test-mode Stripe, through the real SDK", () => {
  const t = useTestDatabase();
  const db = () => t().db;
  const stripe = useLocalStripe(db);
  let n = 0;
  const newUser = async () => createUser(db(), { email: `billing-${++n}-${Date.now()}@example.com`, name: `Lifter ${n}` });

  /** Sign up → checkout → pay on the hosted page → webhooks delivered. Returns ids. */
  async function subscribe(plan: "pro" | "trainer" = "pro", card = CARD_OK, interval: "month" | "year" = "month") {
    const user = await newUser();
    const start = await startCheckout(db(), user.id, lookupKeyFor(plan, interval), "http://app.test");
    expect(start.kind).toBe("checkout");
    const sessionId = start.url.split("/").pop()!;
    const paid = await engine.payCheckoutSession(db(), sessionId, card);
    await stripe().flush();
    const customer = (await customerForUser(db(), user.id))!.stripeCustomerId;
    return { user, sessionId, paid, customer };
  }

  async function row(userId: string) {
    const [r] = await db().select().from(subscriptions).where(eq(subscriptions.userId, userId));
    return r;
  }

  describe("the stand-in validates like Stripe", () => {
    it("rejects unknown parameters with a 400 in Stripe's error shape", async () => {
      const err = await stripe()
        .stripe.customers.create({ email: "x@example.com", colour: "red" } as Stripe.CustomerCreateParams)
        .catch((e) => e);
      expect(err).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
      expect(err).toMatchObject({ statusCode: 400, code: "parameter_unknown", param: "colour", message: "Received unknown parameter: colour" });
      const nested = await stripe()
        .stripe.checkout.sessions.create({
          mode: "subscription",
          customer: "cus_x",
          success_url: "http://x",
          line_items: [{ price: "p", quantity: 1, colour: "red" }],
        } as unknown as Stripe.Checkout.SessionCreateParams)
        .catch((e) => e);
      expect(nested).toMatchObject({ statusCode: 400, code: "parameter_unknown", param: "line_items[0][colour]" });
    });

    it("missing params, unknown ids and bad keys fail the way Stripe's do", async () => {
      await expect(stripe().stripe.prices.create({ currency: "usd", unit_amount: 100 } as Stripe.PriceCreateParams)).rejects.toMatchObject({
        statusCode: 400,
        code: "parameter_missing",
      });
      await expect(stripe().stripe.customers.retrieve("cus_doesnotexist")).rejects.toMatchObject({
        statusCode: 404,
        code: "resource_missing",
        message: "No such customer: 'cus_doesnotexist'",
      });
      const { stripeForOrigin } = await import("@/lib/billing/stripe-client");
      const wrongKey = stripeForOrigin(stripe().origin, "sk_test_local_wrong");
      await expect(wrongKey.customers.list?.() ?? wrongKey.customers.retrieve("cus_x")).rejects.toBeInstanceOf(
        Stripe.errors.StripeAuthenticationError,
      );
    });

    it("sets up products and prices idempotently, by lookup key", async () => {
      const first = await setupPrices(stripe().stripe);
      const second = await setupPrices(stripe().stripe);
      expect(second.every((p) => !p.created)).toBe(true);
      expect(second.map((p) => p.price).sort()).toEqual(first.map((p) => p.price).sort());
      const prices = await stripe().stripe.prices.list({ lookup_keys: ["spotter_pro_monthly", "spotter_trainer_yearly"] });
      expect(prices.data.map((p) => [p.lookup_key, p.unit_amount, p.recurring?.interval]).sort()).toEqual([
        ["spotter_pro_monthly", 1200, "month"],
        ["spotter_trainer_yearly", 39000, "year"],
      ]);
    });
  });

  describe("checkout", () => {
    it("4242 → Pro through the webhook; the card is remembered; hosted URLs stay on the app's origin", async () => {
      const { user, paid, customer } = await subscribe("pro");
      expect(paid.ok).toBe(true);
      expect(await getEntitlements(db(), user.id)).toMatchObject({ plan: "pro", status: "active", source: "stripe", notice: null });
      const [c] = await db().select().from(billingCustomers).where(eq(billingCustomers.userId, user.id));
      expect(c).toMatchObject({ stripeCustomerId: customer, mode: "local", cardBrand: "visa", cardLast4: "4242" });
      const r = await row(user.id);
      expect(r.currentPeriodEnd!.getTime() - r.currentPeriodStart!.getTime()).toBeGreaterThan(27 * DAY * 1000);
      expect(r.priceLookupKey).toBe("spotter_pro_monthly");
      expect(browserUrl("http://127.0.0.1:9/billing/local/checkout/cs_1?x=1")).toBe("/billing/local/checkout/cs_1?x=1");
      // The customer carries our user id, and events say what happened, in order.
      const cus = await stripe().stripe.customers.retrieve(customer);
      expect(!cus.deleted && cus.metadata.userId).toBe(user.id);
      const types = (await recordedEvents(db(), customer)).map((e) => JSON.parse(e).type);
      expect(types).toEqual(
        expect.arrayContaining(["customer.created", "customer.subscription.created", "invoice.paid", "checkout.session.completed"]),
      );
    });

    it("the success page syncs at once, before any webhook, and only for the session's own user", async () => {
      const user = await newUser();
      const start = await startCheckout(db(), user.id, "spotter_trainer_monthly", "http://app.test");
      const sessionId = start.url.split("/").pop()!;
      await engine.payCheckoutSession(db(), sessionId, CARD_OK);
      // No flush: the webhooks are still pending.
      const other = await newUser();
      expect(await syncCheckoutSession(db(), other.id, sessionId)).toEqual({ ok: false, reason: "not_yours" });
      expect((await getEntitlements(db(), user.id)).plan).toBe("free");
      const r = await syncCheckoutSession(db(), user.id, sessionId);
      expect(r.ok).toBe(true);
      expect((await getEntitlements(db(), user.id)).plan).toBe("trainer");
      await stripe().flush();
      expect((await getEntitlements(db(), user.id)).plan).toBe("trainer");
    });

    it("4000 0000 0000 0002 is declined with Stripe's message and changes nothing", async () => {
      const { user, paid, customer } = await subscribe("pro", { ...CARD_OK, number: "4000000000000002" });
      expect(paid).toMatchObject({ ok: false, message: "Your card was declined.", code: "card_declined" });
      expect((await getEntitlements(db(), user.id)).plan).toBe("free");
      expect((await stripe().stripe.subscriptions.list({ customer, status: "all" })).data).toHaveLength(0);
    });

    it("a user who already pays is sent to the portal, not into a second subscription", async () => {
      const { user } = await subscribe("pro");
      const again = await startCheckout(db(), user.id, "spotter_trainer_monthly", "http://app.test");
      expect(again.kind).toBe("portal");
      expect(again.url).toMatch(/\/billing\/local\/portal\/bps_/);
    });
  });

  describe("lifecycle through the test clock", () => {
    it("cancel at period end: Pro with 'ends on' until the end, Free after the clock passes it", async () => {
      const { user, customer } = await subscribe("pro");
      const sub = (await stripe().stripe.subscriptions.list({ customer })).data[0];
      await stripe().stripe.subscriptions.update(sub.id, { cancel_at_period_end: true });
      await stripe().flush();
      const e = await getEntitlements(db(), user.id);
      expect(e).toMatchObject({ plan: "pro", cancelAtPeriodEnd: true, notice: { kind: "canceling" } });
      expect(e.currentPeriodEnd!.getTime()).toBe(sub.items.data[0].current_period_end * 1000);
      await stripe().stripe.testHelpers.testClocks.advance("clock_spotter_local", { frozen_time: (await nowSeconds(db())) + 31 * DAY });
      await stripe().flush();
      expect(await getEntitlements(db(), user.id)).toMatchObject({ plan: "free", status: "canceled" });
    });

    it("resume clears the cancellation", async () => {
      const { user, customer } = await subscribe("pro");
      const sub = (await stripe().stripe.subscriptions.list({ customer })).data[0];
      await engine.updateSubscription(db(), sub.id, { cancel_at_period_end: true });
      await engine.updateSubscription(db(), sub.id, { cancel_at_period_end: false });
      await stripe().flush();
      expect(await getEntitlements(db(), user.id)).toMatchObject({ plan: "pro", cancelAtPeriodEnd: false, notice: null });
    });

    it("renewals charge the card and move the period; 0341's renewal fails → past_due with a 7-day grace", async () => {
      const ok = await subscribe("pro");
      const bad = await subscribe("pro", { ...CARD_OK, number: "4000000000000341" });
      expect(bad.paid.ok).toBe(true);
      expect((await getEntitlements(db(), bad.user.id)).plan).toBe("pro");
      const before = (await row(ok.user.id)).currentPeriodEnd!;
      await stripe().stripe.testHelpers.testClocks.advance("clock_spotter_local", { frozen_time: (await nowSeconds(db())) + 32 * DAY });
      await stripe().flush();
      expect((await row(ok.user.id)).currentPeriodEnd!.getTime()).toBeGreaterThan(before.getTime());
      expect((await getEntitlements(db(), ok.user.id)).plan).toBe("pro");
      const r = await row(bad.user.id);
      expect(r.status).toBe("past_due");
      expect(r.pastDueSince).not.toBeNull();
      const inGrace = await getEntitlements(db(), bad.user.id, new Date(r.pastDueSince!.getTime() + 3 * DAY * 1000));
      expect(inGrace).toMatchObject({ plan: "pro", notice: { kind: "past_due" } });
      expect((await getEntitlements(db(), bad.user.id, new Date(r.pastDueSince!.getTime() + 8 * DAY * 1000))).plan).toBe("free");
      const invoices = await stripe().stripe.invoices.list({ customer: bad.customer });
      expect(invoices.data[0]).toMatchObject({ status: "open", billing_reason: "subscription_cycle", attempt_count: 1 });
      // A good card in the portal pays the open invoice and the subscription recovers.
      expect(await engine.replaceCard(db(), bad.customer, CARD_OK)).toEqual({ ok: true });
      await stripe().flush();
      expect(await getEntitlements(db(), bad.user.id)).toMatchObject({ plan: "pro", status: "active", notice: null });
    });

    it("Pro → Trainer mid-period: a prorated invoice (credit + charge) and Trainer at once", async () => {
      const { user, customer } = await subscribe("pro");
      await stripe().stripe.testHelpers.testClocks.advance("clock_spotter_local", { frozen_time: (await nowSeconds(db())) + 10 * DAY });
      const sub = (await stripe().stripe.subscriptions.list({ customer })).data[0];
      const trainer = (await stripe().stripe.prices.list({ lookup_keys: ["spotter_trainer_monthly"] })).data[0];
      await stripe().stripe.subscriptions.update(sub.id, {
        items: [{ id: sub.items.data[0].id, price: trainer.id }],
        proration_behavior: "always_invoice",
      });
      await stripe().flush();
      expect((await getEntitlements(db(), user.id)).plan).toBe("trainer");
      const inv = (await stripe().stripe.invoices.list({ customer, limit: 1 })).data[0];
      expect(inv).toMatchObject({ billing_reason: "subscription_update", status: "paid" });
      const amounts = inv.lines.data.map((l) => l.amount);
      expect(amounts[0]).toBeLessThan(0);
      expect(amounts[1]).toBeGreaterThan(0);
      expect(amounts[1] + amounts[0]).toBe(inv.amount_due);
      expect(inv.amount_due).toBeGreaterThan(0);
      expect(inv.amount_due).toBeLessThan(3900 - 1200);
    });

    it("cancelAndForgetCustomer ends the subscription at Stripe and forgets the customer here", async () => {
      const { user, customer } = await subscribe("trainer");
      expect(await cancelAndForgetCustomer(db(), user.id)).toEqual({ deletedCustomer: customer });
      expect(await customerForUser(db(), user.id)).toBeNull();
      expect((await getEntitlements(db(), user.id)).plan).toBe("free");
      const subs = await stripe().stripe.subscriptions.list({ customer, status: "all" });
      expect(subs.data.every((s) => s.status === "canceled")).toBe(true);
      expect(await cancelAndForgetCustomer(db(), user.id)).toEqual({ deletedCustomer: null });
      await stripe().flush(); // the deletion events find no customer here: nothing breaks
    });
  });

  describe("webhook route", () => {
    async function deliver(payload: string, opts: Partial<Parameters<typeof handleStripeWebhook>[3]> = {}, secret = TEST_WEBHOOK_SECRET) {
      return handleStripeWebhook(db(), payload, signPayload(payload, secret), { secret: TEST_WEBHOOK_SECRET, stripe: stripe().stripe, ...opts });
    }

    it("a bad or missing signature → 400 and nothing recorded", async () => {
      const { customer } = await subscribe("pro");
      const [payload] = await recordedEvents(db(), customer);
      const id = JSON.parse(payload).id;
      await db().delete(stripeEvents).where(eq(stripeEvents.id, id));
      expect((await deliver(payload, {}, "whsec_someone_else")).status).toBe(400);
      const tampered = payload.replace('"livemode": false', '"livemode": true');
      expect((await handleStripeWebhook(db(), tampered, signPayload(payload, TEST_WEBHOOK_SECRET), { secret: TEST_WEBHOOK_SECRET })).status).toBe(
        400,
      );
      expect((await handleStripeWebhook(db(), payload, null, { secret: TEST_WEBHOOK_SECRET })).status).toBe(400);
      expect(await db().select().from(stripeEvents).where(eq(stripeEvents.id, id))).toHaveLength(0);
      expect((await deliver(payload)).status).toBe(200);
    });

    it("5 parallel deliveries of one event → exactly one sync", async () => {
      const { customer } = await subscribe("pro");
      const payload = (await recordedEvents(db(), customer)).at(-1)!;
      await db()
        .delete(stripeEvents)
        .where(eq(stripeEvents.id, JSON.parse(payload).id));
      let syncs = 0;
      const sync: typeof syncCustomer = async (...args) => {
        syncs++;
        await new Promise((r) => setTimeout(r, 50));
        return syncCustomer(...args);
      };
      const results = await Promise.all(Array.from({ length: 5 }, () => deliver(payload, { sync })));
      expect(syncs).toBe(1);
      expect(results.filter((r) => r.body.outcome === "synced")).toHaveLength(1);
      for (const r of results) expect([200, 409]).toContain(r.status);
      const [ev] = await db()
        .select()
        .from(stripeEvents)
        .where(eq(stripeEvents.id, JSON.parse(payload).id));
      expect(ev).toMatchObject({ state: "completed", attempts: 1, payload });
    });

    it("a failed sync → 500 and a failed claim; Stripe's retry re-acquires it and succeeds", async () => {
      const { user, customer } = await subscribe("pro");
      const payload = (await recordedEvents(db(), customer)).at(-1)!;
      const id = JSON.parse(payload).id;
      await db().delete(stripeEvents).where(eq(stripeEvents.id, id));
      await db().update(subscriptions).set({ plan: "free", stripeReadAt: null }).where(eq(subscriptions.userId, user.id));
      const failing = await deliver(payload, { sync: async () => Promise.reject(new Error("Stripe API timed out")) });
      expect(failing.status).toBe(500);
      const [ev] = await db().select().from(stripeEvents).where(eq(stripeEvents.id, id));
      expect(ev).toMatchObject({ state: "failed", lastError: "Stripe API timed out" });
      expect((await row(user.id)).plan).toBe("free");
      const retry = await deliver(payload);
      expect(retry).toMatchObject({ status: 200, body: { outcome: "synced" } });
      const [after] = await db().select().from(stripeEvents).where(eq(stripeEvents.id, id));
      expect(after).toMatchObject({ state: "completed", attempts: 2 });
      expect((await row(user.id)).plan).toBe("pro");
    });

    it("the stand-in retries a delivery the app failed (5xx) until it is accepted", async () => {
      const { customer } = await subscribe("pro");
      const sub = (await stripe().stripe.subscriptions.list({ customer })).data[0];
      let calls = 0;
      stripe().webhookOverride = async () => (++calls === 1 ? { status: 503, body: { error: "down" } } : null);
      await engine.updateSubscription(db(), sub.id, { cancel_at_period_end: true });
      expect(await stripe().flush()).toMatchObject({ failed: 1 });
      const pending = await db().execute<{ attempts: number; delivery: string }>(
        sql`select attempts, delivery from stripe_local_events where customer = ${customer} and delivery = 'pending'`,
      );
      expect(pending.rows).toHaveLength(1);
      expect(Number(pending.rows[0].attempts)).toBe(1);
      await db().execute(sql`update stripe_local_events set next_attempt_at = now() where customer = ${customer}`);
      expect(await stripe().flush()).toMatchObject({ delivered: 1, failed: 0 });
      stripe().webhookOverride = undefined;
    });

    it("a claim stuck in processing for over 5 minutes is re-acquired by exactly one caller", async () => {
      const e = { id: `evt_stuck_${Date.now()}`, type: "customer.updated", customerId: null, payload: "{}", created: 1 };
      const t0 = new Date("2030-01-01T00:00:00Z");
      expect(await claimEvent(db(), e, t0)).toEqual({ claimed: true, attempts: 1 });
      expect(await claimEvent(db(), e, new Date(t0.getTime() + 4 * 60_000))).toEqual({ claimed: false, state: "processing" });
      const late = new Date(t0.getTime() + 6 * 60_000);
      const racers = await Promise.all(Array.from({ length: 4 }, () => claimEvent(db(), e, late)));
      expect(racers.filter((r) => r.claimed)).toHaveLength(1);
    });

    it("order never matters: deleted before updated, and the older update last → the API's state", async () => {
      const { user, customer } = await subscribe("pro");
      const sub = (await stripe().stripe.subscriptions.list({ customer })).data[0];
      await engine.updateSubscription(db(), sub.id, { cancel_at_period_end: true });
      await engine.cancelSubscription(db(), sub.id);
      const events = (await recordedEvents(db(), customer)).map((p) => ({ p, e: JSON.parse(p) }));
      await db().delete(stripeEvents).where(eq(stripeEvents.customerId, customer));
      await db().update(subscriptions).set({ stripeReadAt: null }).where(eq(subscriptions.userId, user.id));
      const deleted = events.find((x) => x.e.type === "customer.subscription.deleted")!;
      const updates = events.filter((x) => x.e.type === "customer.subscription.updated");
      expect((await deliver(deleted.p)).status).toBe(200);
      for (const u of [...updates].reverse()) expect((await deliver(u.p)).status).toBe(200);
      expect(await getEntitlements(db(), user.id)).toMatchObject({ plan: "free", status: "canceled" });
    });

    it("replaying all of a customer's events, shuffled, three times changes nothing", async () => {
      const { user, customer } = await subscribe("pro", CARD_OK, "year");
      const sub = (await stripe().stripe.subscriptions.list({ customer })).data[0];
      await engine.updateSubscription(db(), sub.id, { cancel_at_period_end: true });
      await stripe().flush();
      const snapshot = async () => {
        const { updatedAt: _u, stripeReadAt: _r, createdAt: _c, ...rest } = await row(user.id);
        return rest;
      };
      const expected = await snapshot();
      expect(expected).toMatchObject({ plan: "pro", cancelAtPeriodEnd: true, billingInterval: "year" });
      const payloads = await recordedEvents(db(), customer);
      expect(payloads.length).toBeGreaterThan(6);
      for (let round = 0; round < 3; round++) {
        await db().delete(stripeEvents).where(eq(stripeEvents.customerId, customer));
        const shuffled = [...payloads].sort(() => Math.random() - 0.5);
        for (const p of shuffled) expect((await deliver(p)).status).toBe(200);
        expect(await snapshot()).toEqual(expected);
      }
    });
  });
});
