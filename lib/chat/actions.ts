"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { ActionError, authedAction } from "@/lib/actions/safe-action";
import { deleteConversation, listConversations, renameConversation } from "@/lib/chat/conversations";
import { confirmDraft, discardDraft } from "@/lib/chat/drafts";
import { conversationIdSchema, listConversationsQuerySchema, renameConversationSchema } from "@/lib/chat/schemas";
import { workoutDraftSchema } from "@/lib/workout-text/types";

const NOT_FOUND = "This conversation does not exist.";

export const renameConversationAction = authedAction(renameConversationSchema, async ({ conversationId, title }, { user }) => {
  if (!(await renameConversation(getDb(), user.id, conversationId, title))) throw new ActionError(NOT_FOUND);
  return { conversationId, title };
});

export const deleteConversationAction = authedAction(conversationIdSchema, async ({ conversationId }, { user }) => {
  if (!(await deleteConversation(getDb(), user.id, conversationId))) throw new ActionError(NOT_FOUND);
  return { conversationId };
});

export const loadConversationsAction = authedAction(listConversationsQuerySchema, async ({ cursor, limit }, { user }) =>
  listConversations(getDb(), user.id, { cursor, limit }),
);

const draftRef = { messageId: z.uuid(), toolCallId: z.string().min(1).max(200) };

export const confirmWorkoutDraftAction = authedAction(
  z.object({ ...draftRef, draft: workoutDraftSchema }),
  async ({ messageId, toolCallId, draft }, { user }) => {
    const status = await confirmDraft(getDb(), user.id, { messageId, toolCallId, draft });
    revalidatePath("/workouts");
    return status;
  },
);

export const discardWorkoutDraftAction = authedAction(z.object(draftRef), async ({ messageId, toolCallId }, { user }) =>
  discardDraft(getDb(), user.id, { messageId, toolCallId }),
);
