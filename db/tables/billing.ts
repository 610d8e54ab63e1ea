import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./auth";

export const PLANS = ["free", "pro", "trainer"] as const;
export type Plan = (typeof PLANS)[number];
/** Stripe's subscription statuses (https://docs.stripe.com/api/subscriptions/object#subscription_object-status). */
export const SUBSCRIPTION_STATUSES = ["active", "trialing", "past_due", "canceled", "unpaid", "incomplete", "incomplete_expired", "paused"] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];
/** Who set the row: the operator CLI / demo seed, or a sync from Stripe (or the local stand-in). */
export const SUBSCRIPTION_SOURCES = ["operator", "stripe"] as const;
export const BILLING_INTERVALS = ["month", "year"] as const;

/**
 * The user's plan state: one row per user, a missing row means the free plan. Rows with source
 * 'stripe' are written only by syncCustomer from the API's current state (never from an event's
 * payload), so the effective plan does not depend on the order webhooks arrive in.
 */
export const subscriptions = pgTable(
  "subscriptions",
  {
    userId: text("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    plan: text("plan", { enum: PLANS }).notNull().default("free"),
    status: text("status", { enum: SUBSCRIPTION_STATUSES }).notNull().default("active"),
    source: text("source", { enum: SUBSCRIPTION_SOURCES }).notNull().default("operator"),
    currentPeriodStart: timestamp("current_period_start", { withTimezone: true }),
    currentPeriodEnd: timestamp("current_period_end", { withTimezone: true }),
    cancelAtPeriodEnd: boolean("cancel_at_period_end").notNull().default(false),
    /** When the payment that made the subscription past_due failed (the 7-day grace starts here). */
    pastDueSince: timestamp("past_due_since", { withTimezone: true }),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    stripeSubscriptionId: text("stripe_subscription_id").unique(),
    stripeCustomerId: text("stripe_customer_id"),
    priceLookupKey: text("price_lookup_key"),
    billingInterval: text("billing_interval", { enum: BILLING_INTERVALS }),
    /** When the API state written here was read: an older read never overwrites a newer one. */
    stripeReadAt: timestamp("stripe_read_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("subscriptions_plan_check", sql`${t.plan} in ('free','pro','trainer')`),
    check(
      "subscriptions_status_check",
      sql`${t.status} in ('active','trialing','past_due','canceled','unpaid','incomplete','incomplete_expired','paused')`,
    ),
    check("subscriptions_source_check", sql`${t.source} in ('operator','stripe')`),
    check("subscriptions_interval_check", sql`${t.billingInterval} is null or ${t.billingInterval} in ('month','year')`),
  ],
);

/** The Stripe customer of a user, created before the first Checkout. */
export const billingCustomers = pgTable(
  "billing_customers",
  {
    userId: text("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    stripeCustomerId: text("stripe_customer_id").notNull().unique(),
    /** 'stripe' (api.stripe.com) or 'local' (the embedded stand-in): ids of one are unknown to the other. */
    mode: text("mode", { enum: ["stripe", "local"] }).notNull(),
    cardBrand: text("card_brand"),
    cardLast4: text("card_last4"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("billing_customers_mode_check", sql`${t.mode} in ('stripe','local')`)],
);

export const STRIPE_EVENT_STATES = ["processing", "completed", "failed"] as const;

/**
 * Webhook events claimed by id: a delivery inserts (or atomically re-acquires a failed or stuck
 * claim) before syncing, so parallel duplicates run the sync once. `payload` is the body exactly
 * as delivered.
 */
export const stripeEvents = pgTable(
  "stripe_events",
  {
    id: text("id").primaryKey(),
    type: text("type").notNull(),
    customerId: text("customer_id"),
    state: text("state", { enum: STRIPE_EVENT_STATES }).notNull(),
    attempts: integer("attempts").notNull().default(1),
    claimedAt: timestamp("claimed_at", { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    lastError: text("last_error"),
    payload: text("payload").notNull(),
    /** Stripe's `created` of the event (seconds → timestamp). */
    eventCreatedAt: timestamp("event_created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    check("stripe_events_state_check", sql`${t.state} in ('processing','completed','failed')`),
    index("stripe_events_customer_idx").on(t.customerId, t.eventCreatedAt),
  ],
);
