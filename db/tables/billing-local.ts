import { sql } from "drizzle-orm";
import { bigserial, check, index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * State of the local test-mode Stripe stand-in (billing's embedded default). Kept in Postgres so
 * several app instances agree. Objects are stored in Stripe's JSON shape, keyed by their id.
 */
export const stripeLocalObjects = pgTable(
  "stripe_local_objects",
  {
    id: text("id").primaryKey(),
    object: text("object").notNull(),
    customer: text("customer"),
    data: jsonb("data").$type<Record<string, unknown>>().notNull(),
    /** Stand-in clock seconds (like Stripe's `created`). */
    created: integer("created").notNull(),
    seq: bigserial("seq", { mode: "number" }).notNull(),
  },
  (t) => [index("stripe_local_objects_type_customer_idx").on(t.object, t.customer, t.seq)],
);

/** Events with their webhook delivery state (pending → delivered, retried with backoff). */
export const stripeLocalEvents = pgTable(
  "stripe_local_events",
  {
    seq: bigserial("seq", { mode: "number" }).primaryKey(),
    id: text("id").notNull().unique(),
    type: text("type").notNull(),
    customer: text("customer"),
    body: jsonb("body").$type<Record<string, unknown>>().notNull(),
    created: integer("created").notNull(),
    delivery: text("delivery", { enum: ["pending", "delivered", "failed"] })
      .notNull()
      .default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    lastStatus: integer("last_status"),
  },
  (t) => [
    index("stripe_local_events_customer_idx").on(t.customer, t.seq),
    index("stripe_local_events_delivery_idx").on(t.delivery, t.nextAttemptAt),
    check("stripe_local_events_delivery_check", sql`${t.delivery} in ('pending','delivered','failed')`),
  ],
);

/** Small named values: the test clock offset, the webhook endpoint URL. */
export const stripeLocalState = pgTable("stripe_local_state", {
  key: text("key").primaryKey(),
  value: jsonb("value").notNull(),
});
