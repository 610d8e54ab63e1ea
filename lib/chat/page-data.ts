import "server-only";
import type { Db } from "@/db/client";
import { resolveChatModel } from "./coach";
import { listConversations } from "./conversations";
import { peekChatQuota } from "./quota";

/** What both chat pages need besides the messages: sidebar page 1, quota, and the model label. */
export async function loadChatChrome(db: Db, userId: string) {
  const [conversations, quota] = await Promise.all([listConversations(db, userId), peekChatQuota(db, userId)]);
  const { label, offline } = await resolveChatModel(db);
  return {
    conversations,
    model: { label, offline },
    quota: { remaining: quota.remaining, limit: quota.limit, planLabel: quota.planLabel, resetAt: quota.resetAt.toISOString() },
  };
}
