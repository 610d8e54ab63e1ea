import { z } from "zod";

export const MAX_MESSAGE_CHARS = 4000;
const MAX_TITLE_CHARS = 120;

/**
 * The chat endpoint accepts only the NEW user message; history always comes from the
 * database (anything else in the body, e.g. a forged `messages` array, is dropped).
 * Re-sending the id of the latest stored user message means "retry".
 * A first message may carry the id the browser chose for the new conversation, so the page can
 * show /chat/<id> at once: a Stop or a reload right after sending still finds the message.
 */
export const chatRequestSchema = z
  .object({
    conversationId: z.uuid("conversationId must be a UUID").optional(),
    newConversationId: z.uuid("newConversationId must be a UUID").optional(),
    message: z.object({
      id: z.uuid("message.id must be a UUID"),
      text: z.string().trim().min(1, "Type a message first.").max(MAX_MESSAGE_CHARS, `Messages can be at most ${MAX_MESSAGE_CHARS} characters.`),
    }),
  })
  .refine((b) => !(b.conversationId && b.newConversationId), { message: "Send conversationId or newConversationId, not both." });
export type ChatRequest = z.infer<typeof chatRequestSchema>;

export const conversationIdSchema = z.object({ conversationId: z.uuid() });

export const renameConversationSchema = z.object({
  conversationId: z.uuid(),
  title: z.string().trim().min(1, "Give the conversation a name.").max(MAX_TITLE_CHARS, `Names can be at most ${MAX_TITLE_CHARS} characters.`),
});

export const listConversationsQuerySchema = z.object({
  /** Opaque cursor from the previous page. */
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
