import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { PLANS, subscriptions, type Plan } from "@/db/schema";

export type { Plan } from "@/db/schema";

function isPlan(value: unknown): value is Plan {
  return typeof value === "string" && (PLANS as readonly string[]).includes(value);
}

/** A past_due subscription keeps its plan this long after the failed payment, then falls to free. */
export const PAST_DUE_GRACE_MS = 7 * 86_400_000;

export type SubscriptionState = Pick<
  typeof subscriptions.$inferSelect,
  "plan" | "status" | "currentPeriodStart" | "currentPeriodEnd" | "cancelAtPeriodEnd" | "pastDueSince"
>;

/** Why the effective plan is what it is, for banners and the billing page. */
export type PlanNotice =
  { kind: "past_due"; graceEndsAt: Date } | { kind: "past_due_expired"; since: Date } | { kind: "canceling"; endsAt: Date } | null;

export interface EffectivePlan {
  plan: Plan;
  notice: PlanNotice;
}

/**
 * The rules, from stored dates only (no cron): active/trialing → the plan, until the period end
 * when it is set to cancel; past_due → the plan for 7 days from the failed payment, then free;
 * canceled, unpaid, incomplete, incomplete_expired, paused (or no row) → free.
 */
export function resolvePlan(row: SubscriptionState | null | undefined, now: Date = new Date()): EffectivePlan {
  if (!row) return { plan: "free", notice: null };
  switch (row.status) {
    case "active":
    case "trialing": {
      if (row.cancelAtPeriodEnd && row.currentPeriodEnd) {
        if (row.currentPeriodEnd <= now) return { plan: "free", notice: null };
        return { plan: row.plan, notice: row.plan === "free" ? null : { kind: "canceling", endsAt: row.currentPeriodEnd } };
      }
      return { plan: row.plan, notice: null };
    }
    case "past_due": {
      const since = row.pastDueSince ?? row.currentPeriodStart;
      if (!since) return { plan: row.plan, notice: null };
      const graceEndsAt = new Date(since.getTime() + PAST_DUE_GRACE_MS);
      if (now < graceEndsAt) return { plan: row.plan, notice: { kind: "past_due", graceEndsAt } };
      return { plan: "free", notice: { kind: "past_due_expired", since } };
    }
    default:
      return { plan: "free", notice: null };
  }
}

/** resolvePlan's plan alone. */
export function effectivePlan(row: SubscriptionState | null | undefined, now: Date = new Date()): Plan {
  return resolvePlan(row, now).plan;
}

export async function getSubscriptionRow(db: Queryable, userId: string) {
  const [row] = await db.select().from(subscriptions).where(eq(subscriptions.userId, userId)).limit(1);
  return row ?? null;
}

/** The plan whose entitlements apply now (see resolvePlan). */
export async function getPlan(db: Queryable, userId: string, now: Date = new Date()): Promise<Plan> {
  return effectivePlan(await getSubscriptionRow(db, userId), now);
}

/**
 * Sets the plan by hand (operator CLI, demo seed): an active row with no billing period that
 * never expires. A later sync from Stripe overwrites it when the user has a Stripe subscription.
 */
export async function setPlan(
  db: Queryable,
  userId: string,
  plan: Plan,
  opts: { status?: (typeof subscriptions.$inferInsert)["status"]; currentPeriodEnd?: Date | null } = {},
): Promise<void> {
  if (!isPlan(plan)) throw new Error(`unknown plan "${String(plan)}" (expected ${PLANS.join(", ")})`);
  const values = {
    plan,
    status: opts.status ?? "active",
    source: "operator" as const,
    currentPeriodStart: null,
    currentPeriodEnd: opts.currentPeriodEnd ?? null,
    cancelAtPeriodEnd: false,
    pastDueSince: null,
    endedAt: null,
  };
  await db
    .insert(subscriptions)
    .values({ userId, ...values })
    .onConflictDoUpdate({ target: subscriptions.userId, set: { ...values, updatedAt: sql`now()` } });
}
