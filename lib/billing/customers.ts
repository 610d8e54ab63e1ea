import "server-only";
import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { billingCustomers, subscriptions, users } from "@/db/schema";
import { billingMode } from "./config";
import { getStripe } from "./stripe-client";

export async function customerForUser(db: Queryable, userId: string) {
  const [row] = await db.select().from(billingCustomers).where(eq(billingCustomers.userId, userId));
  return row ?? null;
}

export async function userForCustomer(db: Queryable, customerId: string): Promise<string | null> {
  const [row] = await db.select({ userId: billingCustomers.userId }).from(billingCustomers).where(eq(billingCustomers.stripeCustomerId, customerId));
  return row?.userId ?? null;
}

/**
 * The user's Stripe customer, created before the first Checkout (metadata.userId). Two racing
 * calls may both create one at Stripe; the unique row decides, and the loser's customer is deleted.
 */
export async function ensureCustomer(db: Queryable, userId: string): Promise<string> {
  const existing = await customerForUser(db, userId);
  const mode = billingMode() === "stripe" ? "stripe" : "local";
  if (existing && existing.mode === mode) return existing.stripeCustomerId;
  const [user] = await db.select({ email: users.email, name: users.name }).from(users).where(eq(users.id, userId));
  if (!user) throw new Error("no such user");
  const stripe = getStripe();
  const customer = await stripe.customers.create(
    { email: user.email, name: user.name ?? undefined, metadata: { userId } },
    { idempotencyKey: `spotter-customer-${userId}-${mode}-${existing?.stripeCustomerId ?? "first"}` },
  );
  if (existing) {
    // The other mode's customer id means nothing here (keys changed from local to live or back).
    await db
      .update(billingCustomers)
      .set({ stripeCustomerId: customer.id, mode, cardBrand: null, cardLast4: null })
      .where(eq(billingCustomers.userId, userId));
    return customer.id;
  }
  const inserted = await db.insert(billingCustomers).values({ userId, stripeCustomerId: customer.id, mode }).onConflictDoNothing().returning();
  if (inserted.length) return customer.id;
  await stripe.customers.del(customer.id).catch(() => {});
  return (await customerForUser(db, userId))!.stripeCustomerId;
}

/**
 * For account deletion: cancels every subscription at once by deleting the Stripe customer, then
 * forgets the customer and the subscription state here. Safe to call twice or with no customer.
 */
export async function cancelAndForgetCustomer(db: Queryable, userId: string): Promise<{ deletedCustomer: string | null }> {
  const row = await customerForUser(db, userId);
  if (row && billingMode() !== "off") {
    try {
      await getStripe().customers.del(row.stripeCustomerId);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code !== "resource_missing") throw error;
    }
  }
  await db.delete(billingCustomers).where(eq(billingCustomers.userId, userId));
  await db.delete(subscriptions).where(eq(subscriptions.userId, userId));
  return { deletedCustomer: row?.stripeCustomerId ?? null };
}
