import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db, Queryable } from "@/db/client";
import { conversations, messages, type Conversation, type MessageRow } from "@/db/tables/chat";
import { buildConversationContext, type ConversationContext } from "./context";
import { createConversation, createConversationWithId, isStale, lockConversation } from "./conversations";
import { ChatRequestError, conversationNotFound } from "./errors";
import { deleteMessagesAfter, STREAMING_STALE_AFTER_MS } from "./messages";

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
    /** The id the browser chose for a new conversation (see chatRequestSchema). */
    newConversationId?: string;
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
    } else if (input.newConversationId) {
      conversation = await createConversationWithId(tx, userId, input.newConversationId, { modelLabel: input.modelLabel });
      isNew = conversation !== null;
      // The id is taken: the user's own (the first message is being retried) continues it; anyone
      // else's looks exactly like a conflict, revealing nothing.
      conversation ??= await lockConversation(tx, userId, input.newConversationId);
      if (!conversation) throw new ChatRequestError(409, "This conversation id is already taken. Reload the page and try again.", "message_conflict");
    } else {
      conversation = await createConversation(tx, userId, { modelLabel: input.modelLabel });
      isNew = true;
    }
    // Resumed = it had gone quiet (inactive) before this message. (The user's other quiet
    // conversations are flipped to 'inactive' after the reply has started: not on the hot path.)
    const resumed = !isNew && isStale(conversation);

    let userMessage: MessageRow | null = null;
    let retry = false;
    if (!isNew) {
      const state = await turnState(tx, userId, conversation.id, message.id);
      if (state.live) {
        throw new ChatRequestError(409, "The coach is still answering your previous message. Wait for it or press Stop.", "reply_in_progress");
      }
      const existing = state.existing;
      if (existing) {
        if (existing.conversationId !== conversation.id || existing.role !== "user") {
          throw new ChatRequestError(409, "This message was already sent elsewhere. Reload the page and try again.", "message_conflict");
        }
        if (existing.seq !== state.latestUserSeq) {
          throw new ChatRequestError(409, "Only the latest message can be retried.", "retry_not_latest");
        }
        await deleteMessagesAfter(tx, conversation.id, existing.seq);
        userMessage = existing;
        retry = true;
      }
    }
    if (!userMessage) {
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
      // The id exists already (another conversation, or somebody else's): never reveal anything about it.
      if (!row) throw new ChatRequestError(409, "This message id is already taken. Reload the page and try again.", "message_conflict");
      userMessage = row;
    }

    const [updated] = await tx
      .update(conversations)
      .set({ status: "active", lastMessageAt: new Date(), updatedAt: new Date(), modelLabel: input.modelLabel })
      .where(and(eq(conversations.id, conversation.id), eq(conversations.userId, userId)))
      .returning();

    // A new conversation's context is just this message: no need to read it back.
    const context: ConversationContext = isNew ? { summary: null, window: [userMessage], folded: 0 } : await buildConversationContext(tx, updated);

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

/**
 * One round trip for the checks a follow-up needs: is a reply still streaming, does the message id
 * exist already (this user's only), and which is the latest user message (only it may be retried).
 */
async function turnState(tx: Queryable, userId: string, conversationId: string, messageId: string) {
  const staleSecs = STREAMING_STALE_AFTER_MS / 1000;
  const r = await tx.execute<{ live: boolean; existing_id: string | null; latest_user_seq: string | number | null }>(sql`
    select
      exists (select 1 from messages
              where conversation_id = ${conversationId} and status = 'streaming'
                and created_at > now() - make_interval(secs => ${staleSecs})) as live,
      (select id from messages where id = ${messageId} and user_id = ${userId}) as existing_id,
      (select max(seq) from messages where conversation_id = ${conversationId} and role = 'user') as latest_user_seq`);
  const row = r.rows[0];
  let existing: MessageRow | null = null;
  if (row.existing_id) {
    const [m] = await tx
      .select()
      .from(messages)
      .where(and(eq(messages.id, row.existing_id), eq(messages.userId, userId)));
    existing = m ?? null;
  }
  return { live: Boolean(row.live), existing, latestUserSeq: row.latest_user_seq === null ? null : Number(row.latest_user_seq) };
}
