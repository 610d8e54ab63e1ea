import "server-only";
import { randomUUID } from "node:crypto";
import { consumeStream, convertToModelMessages, createUIMessageStream, createUIMessageStreamResponse, stepCountIs, streamText } from "ai";
import { getDb, type Db } from "@/db/client";
import { jsonError, userRoute } from "@/lib/api/route";
import type { SessionUser } from "@/lib/auth/session";
import { isUserError, UserError } from "@/lib/errors/user-error";
import { createReplyTools, loadCoachSettings, systemPromptFor, type ChatModelInfo } from "./coach";
import { dataPartForModel, windowToUIMessages } from "./context";
import { describeModelError } from "./errors";
import { textOf } from "./messages";
import { markReplyFailed, persistReply, replyOutcome, toStoredParts } from "./persist-reply";
import { consumeChatQuota, refundChatQuota } from "./quota";
import { chatRequestSchema, type ChatRequest } from "./schemas";
import { prepareTurn } from "./send";
import { generateTitle } from "./title";
import { markStaleConversationsInactive, renameConversation } from "./conversations";
import type { ChartPayload, ChatUIMessage } from "./types";
import { logError } from "@/lib/log/redact";

/** Tool-calling steps per reply (query → chart → answer, with room for one correction). */
export const MAX_STEPS = 5;

export interface ChatHandlerDeps {
  getUser: () => Promise<SessionUser | null>;
  getModel: (db: Db) => ChatModelInfo | Promise<ChatModelInfo>;
}

/**
 * POST /api/chat. Order matters: session → validate → quota → store the user's message (and a
 * 'streaming' placeholder) → rebuild bounded history from the database → stream the model →
 * store the reply on finish, stop or failure. The client sends only the new message.
 * (Dependencies are injected so the TTFB bench can run it outside Next.js.)
 */
export function createChatHandler(deps: ChatHandlerDeps) {
  return userRoute(
    {
      name: "chat",
      input: chatRequestSchema,
      getUser: deps.getUser,
      unauthenticated: "Your session has ended. Sign in again to keep chatting.",
    },
    ({ request, user, input }) => handleChat(request, user, input, deps),
  );
}

async function handleChat(request: Request, user: SessionUser, input: ChatRequest, deps: ChatHandlerDeps): Promise<Response> {
  const db = getDb();
  const { conversationId, newConversationId, message } = input;

  const quota = await consumeChatQuota(db, user.id);
  if (!quota.allowed) {
    throw new UserError(quota.message ?? "Daily chat allowance used up.", {
      code: "quota_exceeded",
      status: 429,
      details: { limit: quota.limit, resetAt: quota.resetAt.toISOString() },
    });
  }

  const chatModel = await deps.getModel(db);
  let turn;
  try {
    turn = await prepareTurn(db, {
      userId: user.id,
      conversationId,
      newConversationId,
      message,
      assistantMessageId: randomUUID(),
      modelLabel: chatModel.label,
    });
  } catch (error) {
    // Nothing was stored (the transaction rolled back): give the quota unit back and let the
    // client put the text back into the composer.
    await refundChatQuota(db, user.id).catch(() => {});
    if (isUserError(error)) throw error;
    logError("[chat] could not store the message", error);
    return jsonError(500, "Your message could not be saved just now. Nothing was sent; please try again.", "internal");
  }

  const { conversation, assistantMessageId } = turn;
  const startedAt = new Date().toISOString();
  const charts: ChartPayload[] = [];
  let lastQuery: { sql: string; ms: number } | null = null;
  let failure: string | null = null;
  const usage = { inputTokens: 0, outputTokens: 0 };
  const history = windowToUIMessages(turn.context.window);

  const stream = createUIMessageStream<ChatUIMessage>({
    originalMessages: history,
    generateId: () => assistantMessageId,
    onError: (error) => {
      failure ??= describeModelError(error);
      logError("[chat] reply failed", error);
      return failure;
    },
    execute: async ({ writer }) => {
      writer.write({
        type: "start",
        messageId: assistantMessageId,
        messageMetadata: { status: "streaming", model: chatModel.label, createdAt: startedAt },
      });
      writer.write({
        type: "data-conversation",
        transient: true,
        data: {
          id: conversation.id,
          title: conversation.title,
          model: chatModel.label,
          offline: chatModel.offline,
          isNew: turn.isNew,
          resumed: turn.resumed,
        },
      });

      void markStaleConversationsInactive(db, user.id).catch((e) => logError("[chat] inactive sweep", e));

      const titleTask = turn.isNew
        ? generateTitle(textOf(turn.userMessage.parts) || message.text, {
            model: chatModel.model,
            offline: chatModel.offline,
          })
            .then(async (title) => {
              await renameConversation(db, user.id, conversation.id, title);
              writer.write({ type: "data-title", transient: true, data: { title } });
            })
            .catch((e) => logError("[chat] title", e))
        : null;

      const settings = await loadCoachSettings(db, user.id);
      const tools = createReplyTools({
        db,
        userId: user.id,
        settings,
        onQuery: (q) => {
          lastQuery = q;
        },
        onChart: (chart) => {
          charts.push(chart);
          writer.write({ type: "data-chart", id: chart.visualizationId, data: chart });
        },
      });
      const system = systemPromptFor(settings, turn.context.summary);
      const modelMessages = await convertToModelMessages(history, {
        tools,
        ignoreIncompleteToolCalls: true,
        convertDataPart: dataPartForModel,
      });

      const result = streamText({
        model: chatModel.model,
        system,
        messages: modelMessages,
        tools,
        stopWhen: stepCountIs(MAX_STEPS),
        abortSignal: request.signal,
        onStepFinish: (step) => {
          usage.inputTokens += step.usage.inputTokens ?? 0;
          usage.outputTokens += step.usage.outputTokens ?? 0;
        },
        onError: ({ error }) => {
          failure ??= describeModelError(error);
          logError("[chat] model error", error);
        },
      });
      writer.merge(
        result.toUIMessageStream<ChatUIMessage>({
          sendStart: false,
          onError: (error) => (failure ??= describeModelError(error)),
          messageMetadata: ({ part }) => (part.type === "finish" ? { status: failure ? "error" : "complete", errorMessage: failure } : undefined),
        }),
      );
      await titleTask;
    },
    onFinish: async ({ responseMessage, isAborted }) => {
      const outcome = replyOutcome(responseMessage, { aborted: isAborted || request.signal.aborted, failure });
      const parts = toStoredParts(responseMessage);
      const shown = new Set(parts.filter((p) => p.type === "data-chart").map((p) => p.id));
      try {
        await persistReply(db, {
          userId: user.id,
          conversationId: conversation.id,
          messageId: assistantMessageId,
          parts,
          status: outcome.status,
          errorMessage: outcome.errorMessage,
          usage,
          query: lastQuery,
          charts: charts.filter((c) => shown.has(c.visualizationId)),
          modelLabel: chatModel.label,
        });
      } catch (error) {
        logError("[chat] could not store the reply", error);
        await markReplyFailed(db, user.id, assistantMessageId, "The answer could not be saved.").catch(() => {});
      }
    },
  });

  return createUIMessageStreamResponse({
    stream,
    // Consumes a copy of the stream server-side so onFinish runs even when the client stops
    // or disconnects: the partial reply is stored with status 'stopped'.
    consumeSseStream: consumeStream,
    headers: {
      "cache-control": "no-store",
      "x-spotter-conversation-id": conversation.id,
      "x-spotter-model": encodeURIComponent(chatModel.label),
    },
  });
}
