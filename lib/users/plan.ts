import { eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { PLANS, subscriptions, type Plan } from "@/db/schema";

export type { Plan } from "@/db/schema";
export { PLANS } from "@/db/schema";

export function isPlan(value: unknown): value is Plan {
  return typeof value === "string" && (PLANS as readonly string[]).includes(value);
}

/**
 * The plan whose entitlements apply now. No row means free. A canceled or incomplete
 * subscription falls back to free once its paid period (if any) has ended; past_due keeps the
 * plan during the payment provider's retry window.
 */
export async function getPlan(db: Queryable, userId: string, now: Date = new Date()): Promise<Plan> {
  const [row] = await db
    .select({ plan: subscriptions.plan, status: subscriptions.status, currentPeriodEnd: subscriptions.currentPeriodEnd })
    .from(subscriptions)
    .where(eq(subscriptions.userId, userId))
    .limit(1);
  return effectivePlan(row, now);
}

type SubscriptionState = Pick<typeof subscriptions.$inferSelect, "plan" | "status" | "currentPeriodEnd">;

/** getPlan's rule for a subscription row already loaded (null/undefined = no row = free). */
export function effectivePlan(row: SubscriptionState | null | undefined, now: Date = new Date()): Plan {
  if (!row) return "free";
  if (row.status === "active" || row.status === "trialing" || row.status === "past_due") return row.plan;
  if (row.status === "canceled" && row.currentPeriodEnd && row.currentPeriodEnd > now) return row.plan;
  return "free";
}

/** Sets the plan (operator action / billing webhook); the subscription becomes active. */
export async function setPlan(
  db: Queryable,
  userId: string,
  plan: Plan,
  opts: { status?: (typeof subscriptions.$inferInsert)["status"]; currentPeriodEnd?: Date | null } = {},
): Promise<void> {
  if (!isPlan(plan)) throw new Error(`unknown plan "${String(plan)}" (expected ${PLANS.join(", ")})`);
  const status = opts.status ?? "active";
  const currentPeriodEnd = opts.currentPeriodEnd ?? null;
  await db
    .insert(subscriptions)
    .values({ userId, plan, status, currentPeriodEnd })
    .onConflictDoUpdate({
      target: subscriptions.userId,
      set: { plan, status, currentPeriodEnd, updatedAt: sql`now()` },
    });
}
