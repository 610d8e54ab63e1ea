import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { billingCustomers, stripeEvents, subscriptions } from "@/db/schema";
import { getEntitlements } from "@/lib/billing/entitlements";
import { signPayload } from "@/lib/billing/local/deliver";
import { customerOfEvent, handleStripeWebhook } from "@/lib/billing/webhook";
import { createUser } from "@/lib/users/create-user";
import { useTestDatabase } from "./helpers/db";

const SECRET = "whsec_fixture_0123456789abcdef0123456789abcdef";
const dir = path.resolve(import.meta.dirname, "fixtures/stripe");
const fixture = (name: string) => fs.readFileSync(path.join(dir, `${name}.json`), "utf8");

/** Stripe's API as the fixtures describe it: what syncCustomer reads back after the event. */
function fakeStripe(state: { subscriptions: unknown[]; customerDeleted?: boolean }) {
  return {
    customers: {
      retrieve: async (id: string) =>
        state.customerDeleted
          ? { id, object: "customer", deleted: true }
          : {
              id,
              object: "customer",
              metadata: {},
              invoice_settings: { default_payment_method: { id: "pm_1", card: { brand: "mastercard", last4: "4444" } } },
            },
    },
    subscriptions: { list: async () => ({ object: "list", data: state.subscriptions, has_more: false }) },
  } as unknown as Stripe;
}

describe("webhooks with recorded Stripe event payloads", () => {
  const t = useTestDatabase();
  const db = () => t().db;

  async function userWithCustomer(customer: string) {
    const u = await createUser(db(), { email: `${customer.toLowerCase()}@example.com` });
    await db().insert(billingCustomers).values({ userId: u.id, stripeCustomerId: customer, mode: "stripe" });
    return u;
  }

  const deliver = (payload: string, stripe: Stripe) => handleStripeWebhook(db(), payload, signPayload(payload, SECRET), { secret: SECRET, stripe });

  it("finds the customer in every shape (subscription, invoice, checkout session)", () => {
    for (const name of ["customer.subscription.updated", "customer.subscription.deleted", "checkout.session.completed", "invoice.payment_failed"])
      expect(customerOfEvent(JSON.parse(fixture(name))), name).toBe("cus_TfRealShape0001");
    expect(customerOfEvent(JSON.parse(fixture("legacy-customer.subscription.created")))).toBe("cus_QfLegacyShape01");
  });

  it("current API: cancel_at on a subscription whose period lives on the item → Pro until 2026-02-01, then the deletion → Free", async () => {
    const u = await userWithCustomer("cus_TfRealShape0001");
    const updated = fixture("customer.subscription.updated");
    const sub = JSON.parse(updated).data.object;
    const api = { subscriptions: [sub] as unknown[] };
    expect(await deliver(fixture("checkout.session.completed"), fakeStripe(api))).toMatchObject({ status: 200, body: { outcome: "synced" } });
    expect(await deliver(updated, fakeStripe(api))).toMatchObject({ status: 200, body: { outcome: "synced" } });
    const [row] = await db().select().from(subscriptions).where(eq(subscriptions.userId, u.id));
    expect(row).toMatchObject({
      plan: "pro",
      status: "active",
      cancelAtPeriodEnd: true,
      billingInterval: "month",
      priceLookupKey: "spotter_pro_monthly",
      stripeSubscriptionId: "sub_1QfX2aKq3y8Zr0AaSUBpro01",
    });
    expect(row.currentPeriodEnd!.toISOString()).toBe("2026-02-01T00:00:00.000Z");
    expect(row.currentPeriodStart!.toISOString()).toBe("2026-01-01T00:00:00.000Z");
    const [customer] = await db().select().from(billingCustomers).where(eq(billingCustomers.userId, u.id));
    expect(customer).toMatchObject({ cardBrand: "mastercard", cardLast4: "4444" });
    expect(await getEntitlements(db(), u.id, new Date("2026-01-15T00:00:00Z"))).toMatchObject({ plan: "pro", notice: { kind: "canceling" } });

    const deleted = fixture("customer.subscription.deleted");
    api.subscriptions = [JSON.parse(deleted).data.object];
    expect((await deliver(deleted, fakeStripe(api))).status).toBe(200);
    expect(await getEntitlements(db(), u.id, new Date("2026-01-15T00:00:00Z"))).toMatchObject({ plan: "free", status: "canceled" });
    // The raw body is kept exactly as delivered.
    const [ev] = await db().select().from(stripeEvents).where(eq(stripeEvents.id, "evt_1QfX9cKq3y8Zr0AaDELETED1"));
    expect(ev.payload).toBe(deleted);
    // A duplicate delivery is acknowledged without work.
    expect(await deliver(deleted, fakeStripe({ subscriptions: [] }))).toMatchObject({ status: 200, body: { outcome: "duplicate" } });
  });

  it("past_due from a failed renewal: the grace counts from the invoice's finalisation", async () => {
    const u = await userWithCustomer("cus_TfRealShape0001b");
    const failed = JSON.parse(fixture("invoice.payment_failed"));
    failed.id = "evt_pastdue_variant";
    failed.data.object.customer = "cus_TfRealShape0001b";
    const sub = JSON.parse(fixture("customer.subscription.updated")).data.object;
    Object.assign(sub, {
      id: "sub_pastdue_variant",
      customer: "cus_TfRealShape0001b",
      status: "past_due",
      cancel_at: null,
      cancel_at_period_end: false,
      latest_invoice: failed.data.object,
    });
    const payload = JSON.stringify(failed, null, 2);
    expect((await deliver(payload, fakeStripe({ subscriptions: [sub] }))).status).toBe(200);
    const [row] = await db().select().from(subscriptions).where(eq(subscriptions.userId, u.id));
    expect(row).toMatchObject({ status: "past_due", plan: "pro" });
    expect(row.pastDueSince!.toISOString()).toBe(new Date(1767229200 * 1000).toISOString());
    expect((await getEntitlements(db(), u.id, new Date((1767229200 + 6 * 86400) * 1000))).plan).toBe("pro");
    expect((await getEntitlements(db(), u.id, new Date((1767229200 + 7 * 86400) * 1000))).plan).toBe("free");
  });

  it("legacy API shape (period on the subscription): trialing Trainer yearly", async () => {
    const u = await userWithCustomer("cus_QfLegacyShape01");
    const created = fixture("legacy-customer.subscription.created");
    const sub = JSON.parse(created).data.object;
    expect((await deliver(created, fakeStripe({ subscriptions: [sub] }))).status).toBe(200);
    const [row] = await db().select().from(subscriptions).where(eq(subscriptions.userId, u.id));
    expect(row).toMatchObject({ plan: "trainer", status: "trialing", billingInterval: "year" });
    expect(row.currentPeriodEnd!.getTime()).toBe(1750536000 * 1000);
  });

  it("an event for a customer that is not ours is acknowledged and changes nothing", async () => {
    const other = JSON.parse(fixture("customer.subscription.updated"));
    other.id = "evt_not_ours";
    other.data.object.customer = "cus_SomeoneElse";
    const r = await deliver(JSON.stringify(other), fakeStripe({ subscriptions: [] }));
    expect(r).toMatchObject({ status: 200, body: { outcome: "unknown_customer" } });
  });
});
