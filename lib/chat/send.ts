import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { conversations, messages, type Conversation, type MessageRow } from "@/db/tables/chat";
import { buildConversationContext, type ConversationContext } from "./context";
import { createConversation, lockConversation, markStaleConversationsInactive } from "./conversations";
import { ChatRequestError, conversationNotFound } from "./errors";
import { deleteMessagesAfter, findMessage, hasLiveReply, latestMessage } from "./messages";

export interface PreparedTurn {
  conversation: Conversation;
  isNew: boolean;
  /** The conversation was inactive and this message woke it up. */
  resumed: boolean;
  /** Re-run of the latest stored user message (nothing new was stored). */
  retry: boolean;
  userMessage: MessageRow;
  context: ConversationContext;
  assistantMessageId: string;
}

/**
 * Everything that must be durable BEFORE the model is called, in one transaction: the
 * conversation (created, or locked after an ownership check), the user's message, the
 * bounded context, and a 'streaming' placeholder for the reply.
 */
export async function prepareTurn(
  db: Db,
  input: {
    userId: string;
    conversationId?: string;
    message: { id: string; text: string };
    assistantMessageId: string;
    modelLabel: string;
  },
): Promise<PreparedTurn> {
  const { userId, message } = input;
  return db.transaction(async (tx) => {
    let conversation: Conversation | null;
    let isNew = false;
    if (input.conversationId) {
      conversation = await lockConversation(tx, userId, input.conversationId);
      if (!conversation) throw conversationNotFound();
    } else {
      conversation = await createConversation(tx, userId, { modelLabel: input.modelLabel });
      isNew = true;
    }
    await markStaleConversationsInactive(tx, userId);
    const [fresh] = await tx.select({ status: conversations.status }).from(conversations).where(eq(conversations.id, conversation.id));
    const resumed = !isNew && fresh?.status === "inactive";

    if (!isNew && (await hasLiveReply(tx, conversation.id))) {
      throw new ChatRequestError(409, "The coach is still answering your previous message. Wait for it or press Stop.", "reply_in_progress");
    }

    const existing = await findMessage(tx, userId, message.id);
    let userMessage: MessageRow;
    let retry = false;
    if (existing) {
      if (existing.conversationId !== conversation.id || existing.role !== "user") {
        throw new ChatRequestError(409, "This message was already sent elsewhere. Reload the page and try again.", "message_conflict");
      }
      const latestUser = await latestMessage(tx, conversation.id, "user");
      if (latestUser?.id !== existing.id) {
        throw new ChatRequestError(409, "Only the latest message can be retried.", "retry_not_latest");
      }
      await deleteMessagesAfter(tx, conversation.id, existing.seq);
      userMessage = existing;
      retry = true;
    } else {
      const [row] = await tx
        .insert(messages)
        .values({
          id: message.id,
          conversationId: conversation.id,
          userId,
          role: "user",
          parts: [{ type: "text", text: message.text }],
          status: "complete",
          createdAt: new Date(),
        })
        .onConflictDoNothing()
        .returning();
      // The id exists but is not this user's: never reveal anything about it.
      if (!row) throw new ChatRequestError(409, "This message id is already taken. Reload the page and try again.", "message_conflict");
      userMessage = row;
    }

    const [updated] = await tx
      .update(conversations)
      .set({ status: "active", lastMessageAt: new Date(), updatedAt: new Date(), modelLabel: input.modelLabel })
      .where(and(eq(conversations.id, conversation.id), eq(conversations.userId, userId)))
      .returning();

    const context = await buildConversationContext(tx, updated);

    await tx.insert(messages).values({
      id: input.assistantMessageId,
      conversationId: conversation.id,
      userId,
      role: "assistant",
      parts: [],
      status: "streaming",
      createdAt: new Date(),
    });

    return { conversation: updated, isNew, resumed, retry, userMessage, context, assistantMessageId: input.assistantMessageId };
  });
}
