import "server-only";
import type { Queryable } from "@/db/client";
import { checkAllowance, meterKey, refundAllowance } from "@/lib/billing/allowance";

/** The chat's view of the plan allowance (lib/billing/allowance owns the counting). */
export function chatQuotaKey(userId: string) {
  return meterKey("chatMessages", userId);
}

export interface ChatQuota {
  allowed: boolean;
  limit: number;
  remaining: number;
  resetAt: Date;
  planLabel: string;
  /** Set when not allowed. */
  message: string | null;
}

function toQuota(r: Awaited<ReturnType<typeof checkAllowance>>): ChatQuota {
  return { allowed: r.allowed, limit: r.limit, remaining: r.remaining, resetAt: r.resetAt!, planLabel: r.planLabel, message: r.message };
}

/**
 * Counts one chat message against the plan's daily allowance (UTC days, shared by every app
 * instance). Deleting conversations does not give messages back.
 */
export async function consumeChatQuota(db: Queryable, userId: string, now?: Date): Promise<ChatQuota> {
  return toQuota(await checkAllowance(db, userId, { meter: "chatMessages", now }));
}

export async function peekChatQuota(db: Queryable, userId: string, now?: Date): Promise<ChatQuota> {
  return toQuota(await checkAllowance(db, userId, { meter: "chatMessages", peek: true, now }));
}

/** The message was not stored: give its unit back. */
export async function refundChatQuota(db: Queryable, userId: string): Promise<void> {
  await refundAllowance(db, userId, "chatMessages");
}
