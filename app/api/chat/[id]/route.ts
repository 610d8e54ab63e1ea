import { z } from "zod";
import { getDb } from "@/db/client";
import { userRoute } from "@/lib/api/route";
import { findConversation, isStale } from "@/lib/chat/conversations";
import { CONVERSATION_NOT_FOUND, conversationNotFound } from "@/lib/chat/errors";
import { loadConversationMessages } from "@/lib/chat/messages";

export const dynamic = "force-dynamic";

/** GET /api/chat/:id — the conversation and its messages (charts included). 404 unless it is yours. */
export const GET = userRoute(
  { name: "chat/[id]", params: z.object({ id: z.uuid() }), notFound: CONVERSATION_NOT_FOUND, unauthenticated: "Sign in to read conversations." },
  async ({ user, params }) => {
    const db = getDb();
    const conversation = await findConversation(db, user.id, params.id);
    if (!conversation) throw conversationNotFound();
    const messages = await loadConversationMessages(db, user.id, conversation.id);
    return {
      conversation: {
        id: conversation.id,
        title: conversation.title,
        status: isStale(conversation) ? "inactive" : "active",
        lastMessageAt: conversation.lastMessageAt.toISOString(),
        modelLabel: conversation.modelLabel,
      },
      messages,
    };
  },
);
