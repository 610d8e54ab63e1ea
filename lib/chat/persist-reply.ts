import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { conversations, MAX_VISUALIZATION_ROWS, messages, messageVisualizations, type MessageStatus } from "@/db/tables/chat";
import { partsForStorage, textOf } from "./messages";
import type { ChartPayload, ChatUIMessage, ChatUIPart } from "./types";

export interface ReplyRecord {
  userId: string;
  conversationId: string;
  messageId: string;
  parts: ChatUIPart[];
  status: Exclude<MessageStatus, "streaming">;
  errorMessage: string | null;
  usage: { inputTokens: number; outputTokens: number };
  /** The last query the coach ran while answering. */
  query: { sql: string; ms: number } | null;
  charts: ChartPayload[];
  modelLabel: string;
}

/** Streaming text parts carry state 'streaming'; a stored message is final. */
function finalizeParts(parts: ChatUIMessage["parts"]): ChatUIPart[] {
  return parts.map((p) => ("state" in p && (p.type === "text" || p.type === "reasoning") ? { ...p, state: "done" as const } : p));
}

/**
 * Decides the stored status of a reply: stopped by the user, failed (model/stream error, or
 * a tool failure with no answer), empty (error), or complete.
 */
export function replyOutcome(
  message: Pick<ChatUIMessage, "parts">,
  opts: { aborted: boolean; failure: string | null },
): { status: ReplyRecord["status"]; errorMessage: string | null } {
  if (opts.aborted) return { status: "stopped", errorMessage: null };
  if (opts.failure) return { status: "error", errorMessage: opts.failure };
  const text = textOf(message.parts).trim();
  if (!text) {
    const toolError = message.parts.find(
      (p): p is ChatUIPart & { errorText: string } => "state" in p && p.state === "output-error" && "errorText" in p,
    );
    if (toolError) return { status: "error", errorMessage: `A tool failed: ${String(toolError.errorText).slice(0, 500)}` };
    const hasOther = message.parts.some((p) => p.type === "data-chart" || p.type.startsWith("tool-"));
    if (!hasOther) return { status: "error", errorMessage: "The coach returned an empty answer. Retry, or rephrase the question." };
  }
  return { status: "complete", errorMessage: null };
}

export function toStoredParts(message: Pick<ChatUIMessage, "parts">): ChatUIPart[] {
  return partsForStorage(finalizeParts(message.parts));
}

/** Writes the finished (or stopped, or failed) reply and its charts in one transaction. */
export async function persistReply(db: Db, r: ReplyRecord): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(messages)
      .set({
        parts: r.parts,
        status: r.status,
        errorMessage: r.status === "error" ? (r.errorMessage ?? "The answer failed.").slice(0, 2000) : null,
        inputTokens: r.usage.inputTokens,
        outputTokens: r.usage.outputTokens,
        queryExecuted: r.query?.sql.slice(0, 20_000) ?? null,
        queryMs: r.query ? Math.max(0, Math.round(r.query.ms)) : null,
      })
      .where(and(eq(messages.id, r.messageId), eq(messages.userId, r.userId)));
    if (r.charts.length) {
      await tx.insert(messageVisualizations).values(
        r.charts.map((c, position) => ({
          id: c.visualizationId,
          messageId: r.messageId,
          userId: r.userId,
          position,
          chartType: c.chartType,
          option: c.option,
          sql: c.sql.slice(0, 20_000) || "(no query)",
          columns: c.columns,
          rows: c.rows.slice(0, MAX_VISUALIZATION_ROWS),
        })),
      );
    }
    await tx
      .update(conversations)
      .set({ lastMessageAt: new Date(), updatedAt: new Date(), modelLabel: r.modelLabel })
      .where(and(eq(conversations.id, r.conversationId), eq(conversations.userId, r.userId)));
  });
}

/** Last resort when persisting the reply itself failed: never leave it 'streaming'. */
export async function markReplyFailed(db: Db, userId: string, messageId: string, errorMessage: string): Promise<void> {
  await db
    .update(messages)
    .set({ status: "error", errorMessage: errorMessage.slice(0, 2000) })
    .where(and(eq(messages.id, messageId), eq(messages.userId, userId)));
}
