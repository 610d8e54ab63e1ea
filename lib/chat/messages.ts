import "server-only";
import { and, asc, desc, eq, gt, inArray } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { MAX_VISUALIZATION_ROWS, messages, messageVisualizations, type MessageRow, type MessageVisualization } from "@/db/tables/chat";
import { workoutSessions } from "@/db/tables/training";
import type { ChartPayload, ChatMessageMetadata, ChatUIMessage, ChatUIPart } from "./types";

/** A reply still marked 'streaming' after this long was cut off (server restart, crash). */
export const STREAMING_STALE_AFTER_MS = 5 * 60_000;
/** Messages shown when a conversation is opened (the model context is bounded separately). */
const DISPLAY_MESSAGE_LIMIT = 200;

const INTERRUPTED_MESSAGE = "This answer was interrupted before it finished.";

/**
 * Charts are stored in message_visualizations; the message keeps only a reference, and the
 * show_chart tool result drops its copy of the option and rows.
 */
export function partsForStorage(parts: ChatUIPart[]): ChatUIPart[] {
  return parts.map((part) => {
    if (part.type === "data-chart") {
      return { type: "data-chart", id: part.id, data: { visualizationId: part.data.visualizationId } } as unknown as ChatUIPart;
    }
    if (part.type === "tool-show_chart" && "output" in part && part.output && typeof part.output === "object" && !("error" in part.output)) {
      const { option: _option, rows, ...rest } = part.output as { option?: unknown; rows?: unknown[] };
      return { ...part, output: { ...rest, points: Array.isArray(rows) ? rows.length : 0 } } as ChatUIPart;
    }
    return part;
  });
}

export function textOf(parts: unknown): string {
  if (!Array.isArray(parts)) return "";
  return parts
    .filter((p): p is { type: "text"; text: string } => !!p && typeof p === "object" && p.type === "text" && typeof p.text === "string")
    .map((p) => p.text)
    .join("");
}

function effectiveStatus(row: Pick<MessageRow, "status" | "createdAt">, now: number): MessageRow["status"] {
  if (row.status === "streaming" && now - row.createdAt.getTime() > STREAMING_STALE_AFTER_MS) return "error";
  return row.status;
}

function visualizationPayload(v: MessageVisualization): ChartPayload {
  const rows = (v.rows as Record<string, unknown>[]) ?? [];
  return {
    visualizationId: v.id,
    chartType: v.chartType,
    option: v.option as Record<string, unknown>,
    sql: v.sql,
    columns: (v.columns as string[]) ?? [],
    rows,
    // Rows are stored up to the cap; a full table means the query returned at least that many.
    rowsTruncated: rows.length >= MAX_VISUALIZATION_ROWS,
  };
}

export function toUIMessage(row: MessageRow, charts: Map<string, ChartPayload>, now = Date.now()): ChatUIMessage {
  const status = effectiveStatus(row, now);
  const metadata: ChatMessageMetadata = {
    status,
    createdAt: row.createdAt.toISOString(),
    errorMessage: status === "error" ? (row.errorMessage ?? INTERRUPTED_MESSAGE) : null,
  };
  const parts = ((row.parts as ChatUIPart[]) ?? []).flatMap((part): ChatUIPart[] => {
    if (part.type !== "data-chart") return [part];
    const id = (part.data as { visualizationId?: string })?.visualizationId;
    const chart = id ? charts.get(id) : undefined;
    return chart ? [{ type: "data-chart", id: chart.visualizationId, data: chart }] : [];
  });
  return { id: row.id, role: row.role, parts, metadata };
}

/** The conversation as the user sees it: the latest messages, charts rehydrated from their table. */
export async function loadConversationMessages(
  db: Queryable,
  userId: string,
  conversationId: string,
  limit = DISPLAY_MESSAGE_LIMIT,
): Promise<ChatUIMessage[]> {
  const rows = (
    await db
      .select()
      .from(messages)
      .where(and(eq(messages.conversationId, conversationId), eq(messages.userId, userId)))
      .orderBy(desc(messages.seq))
      .limit(limit)
  ).reverse();
  const charts = await loadCharts(
    db,
    userId,
    rows.filter((r) => r.role === "assistant").map((r) => r.id),
  );
  const now = Date.now();
  return markDeletedSessions(
    db,
    userId,
    rows.map((r) => toUIMessage(r, charts, now)),
  );
}

/** A card for a workout saved from the chat and deleted since must not link to it (a 404). */
async function markDeletedSessions(db: Queryable, userId: string, list: ChatUIMessage[]): Promise<ChatUIMessage[]> {
  const ids = new Set<string>();
  for (const m of list) for (const p of m.parts) if (p.type === "data-draft-status") for (const id of p.data.sessionIds ?? []) ids.add(id);
  if (!ids.size) return list;
  const existing = await db
    .select({ id: workoutSessions.id })
    .from(workoutSessions)
    .where(and(eq(workoutSessions.userId, userId), inArray(workoutSessions.id, [...ids])));
  const alive = new Set(existing.map((r) => r.id));
  if (alive.size === ids.size) return list;
  return list.map((m) => ({
    ...m,
    parts: m.parts.map((p) => {
      if (p.type !== "data-draft-status" || !p.data.sessionIds?.length) return p;
      const deleted = p.data.sessionIds.filter((id) => !alive.has(id));
      return deleted.length ? { ...p, data: { ...p.data, deletedSessionIds: deleted } } : p;
    }),
  }));
}

async function loadCharts(db: Queryable, userId: string, messageIds: string[]): Promise<Map<string, ChartPayload>> {
  const map = new Map<string, ChartPayload>();
  if (!messageIds.length) return map;
  const rows = await db
    .select()
    .from(messageVisualizations)
    .where(and(eq(messageVisualizations.userId, userId), inArray(messageVisualizations.messageId, messageIds)))
    .orderBy(asc(messageVisualizations.position));
  for (const v of rows) map.set(v.id, visualizationPayload(v));
  return map;
}

/** Removes the replies that followed a user message (a retry replaces them). */
export async function deleteMessagesAfter(db: Queryable, conversationId: string, seq: number): Promise<number> {
  const rows = await db
    .delete(messages)
    .where(and(eq(messages.conversationId, conversationId), gt(messages.seq, seq)))
    .returning({ id: messages.id });
  return rows.length;
}
