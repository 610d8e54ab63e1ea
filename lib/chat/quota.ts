import type { Queryable } from "@/db/client";
import { entitlementsFor } from "@/lib/billing/entitlements";
import { consumeRateLimit, peekRateLimit } from "@/lib/security/rate-limit";
import { getPlan } from "@/lib/users/plan";

const DAY_SECONDS = 86_400;

export function chatQuotaKey(userId: string) {
  return `chat:user:${userId}`;
}

export interface ChatQuota {
  allowed: boolean;
  limit: number;
  remaining: number;
  resetAt: Date;
  planLabel: string;
}

/**
 * Counts one chat message against the plan's daily allowance (UTC days, shared by every app
 * instance through rate_limit_buckets). Deleting conversations does not give messages back.
 */
export async function consumeChatQuota(db: Queryable, userId: string, now?: Date): Promise<ChatQuota> {
  const plan = await getPlan(db, userId);
  const ent = entitlementsFor(plan);
  const r = await consumeRateLimit(db, chatQuotaKey(userId), { limit: ent.chatMessagesPerDay, windowSeconds: DAY_SECONDS, now });
  return { allowed: r.allowed, limit: ent.chatMessagesPerDay, remaining: r.remaining, resetAt: r.resetAt, planLabel: ent.label };
}

export async function peekChatQuota(db: Queryable, userId: string, now?: Date): Promise<ChatQuota> {
  const plan = await getPlan(db, userId);
  const ent = entitlementsFor(plan);
  const r = await peekRateLimit(db, chatQuotaKey(userId), { limit: ent.chatMessagesPerDay, windowSeconds: DAY_SECONDS, now });
  return { allowed: r.allowed, limit: ent.chatMessagesPerDay, remaining: r.remaining, resetAt: r.resetAt, planLabel: ent.label };
}

export function quotaExceededMessage(q: Pick<ChatQuota, "limit" | "resetAt" | "planLabel">, now = new Date()): string {
  const hours = Math.max(0, (q.resetAt.getTime() - now.getTime()) / 3_600_000);
  const when = hours >= 1 ? `in about ${Math.round(hours)} h` : `in ${Math.max(1, Math.ceil(hours * 60))} min`;
  return (
    `You've used all ${q.limit} chat messages for today on the ${q.planLabel} plan. ` +
    `The allowance resets at 00:00 UTC (${when}). Upgrade your plan for more messages per day.`
  );
}
