import { sql } from "drizzle-orm";
import { check, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./auth";

export const PLANS = ["free", "pro", "trainer"] as const;
export type Plan = (typeof PLANS)[number];
export const SUBSCRIPTION_STATUSES = ["active", "trialing", "past_due", "canceled", "incomplete"] as const;

/** A missing row means the free plan. */
export const subscriptions = pgTable(
  "subscriptions",
  {
    userId: text("user_id").primaryKey().references(() => users.id, { onDelete: "cascade" }),
    plan: text("plan", { enum: PLANS }).notNull().default("free"),
    status: text("status", { enum: SUBSCRIPTION_STATUSES }).notNull().default("active"),
    currentPeriodEnd: timestamp("current_period_end", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("subscriptions_plan_check", sql`${t.plan} in ('free','pro','trainer')`),
    check("subscriptions_status_check", sql`${t.status} in ('active','trialing','past_due','canceled','incomplete')`),
  ],
);
