import "server-only";
import { and, asc, eq, gt, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { conversations, messages, type Conversation, type MessageRow } from "@/db/tables/chat";
import { textOf, toUIMessage } from "./messages";
import type { ChatUIMessage, ChatUIPart } from "./types";

/**
 * The model never sees more than MAX_WINDOW stored messages plus a bounded summary. When the
 * unsummarised tail grows past MAX_WINDOW, everything but the last KEEP messages is folded into
 * `context_summary` (hysteresis: one fold every few turns, not one per message).
 */
export const CONTEXT_LIMITS = { maxWindow: 20, keep: 10, summaryMaxChars: 4000 } as const;

const OMITTED = "(earlier turns omitted)";

function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

function toolNames(parts: unknown): string[] {
  if (!Array.isArray(parts)) return [];
  return parts
    .map((p) => (p && typeof p === "object" && typeof p.type === "string" ? (p.type as string) : ""))
    .filter((t) => t.startsWith("tool-"))
    .map((t) => t.slice(5));
}

/** One or two lines per message; deterministic (same input → same summary). */
export function summarizeMessages(rows: Pick<MessageRow, "role" | "parts" | "status">[]): string[] {
  const lines: string[] = [];
  for (const row of rows) {
    const text = textOf(row.parts);
    if (row.role === "user") {
      if (text) lines.push(`- User: ${oneLine(text, 200)}`);
      continue;
    }
    if (row.role !== "assistant" || row.status === "error") continue;
    const tools = toolNames(row.parts);
    const notes: string[] = [];
    const queries = tools.filter((t) => t === "query_training_data").length;
    const charts = tools.filter((t) => t === "show_chart").length;
    if (queries) notes.push(`${queries} ${queries === 1 ? "query" : "queries"}`);
    if (charts) notes.push(`${charts} ${charts === 1 ? "chart" : "charts"}`);
    if (tools.includes("log_workout")) notes.push("workout draft");
    const saved = (row.parts as ChatUIPart[]).find((p) => p.type === "data-draft-status");
    if (saved && saved.type === "data-draft-status") notes.push(`draft ${saved.data.status}`);
    if (row.status === "stopped") notes.push("stopped by the user");
    const suffix = notes.length ? ` [${notes.join(", ")}]` : "";
    if (text || suffix) lines.push(`- Coach: ${oneLine(text || "(no text)", 240)}${suffix}`);
  }
  return lines;
}

/** Appends new lines to a summary, dropping the oldest lines to stay under maxChars. */
export function mergeSummary(previous: string | null, newLines: string[], maxChars: number = CONTEXT_LIMITS.summaryMaxChars): string {
  const lines = [...(previous ? previous.split("\n").filter((l) => l && l !== OMITTED) : []), ...newLines];
  let dropped = previous?.startsWith(OMITTED) ?? false;
  const size = () => lines.reduce((n, l) => n + l.length + 1, 0) + (dropped ? OMITTED.length + 1 : 0);
  while (lines.length > 1 && size() > maxChars) {
    lines.shift();
    dropped = true;
  }
  if (lines.length === 1 && lines[0].length > maxChars) lines[0] = oneLine(lines[0], maxChars - OMITTED.length - 2);
  return [...(dropped ? [OMITTED] : []), ...lines].join("\n");
}

export interface ConversationContext {
  summary: string | null;
  /** Stored messages the model sees verbatim, oldest first. */
  window: MessageRow[];
  /** Whether this call folded messages into the summary. */
  folded: number;
}

/**
 * Loads the unsummarised tail of the conversation and, when it overflows, folds the oldest part
 * into the rolling summary (persisted on the conversation). Run inside the send transaction.
 */
export async function buildConversationContext(
  db: Queryable,
  conversation: Pick<Conversation, "id" | "userId" | "contextSummary" | "summaryThroughMessageId">,
  limits: { maxWindow: number; keep: number; summaryMaxChars: number } = CONTEXT_LIMITS,
): Promise<ConversationContext> {
  // One query: everything after the summary boundary (the whole conversation when there is none).
  const boundary = conversation.summaryThroughMessageId
    ? sql`coalesce((select b.seq from messages b where b.id = ${conversation.summaryThroughMessageId} and b.conversation_id = ${conversation.id}), 0)`
    : sql`0`;
  const tail = await db
    .select()
    .from(messages)
    .where(and(eq(messages.conversationId, conversation.id), eq(messages.userId, conversation.userId), gt(messages.seq, boundary)))
    .orderBy(asc(messages.seq));

  if (tail.length <= limits.maxWindow) return { summary: conversation.contextSummary, window: tail, folded: 0 };

  // Keep the last `keep` messages, starting the window on a user turn when possible.
  let split = tail.length - limits.keep;
  while (split < tail.length - 1 && tail[split].role !== "user") split++;
  const fold = tail.slice(0, split);
  const summary = mergeSummary(conversation.contextSummary, summarizeMessages(fold), limits.summaryMaxChars);
  const through = fold[fold.length - 1];
  await db
    .update(conversations)
    .set({ contextSummary: summary, summaryThroughMessageId: through.id })
    .where(and(eq(conversations.id, conversation.id), eq(conversations.userId, conversation.userId)));
  return { summary, window: tail.slice(split), folded: fold.length };
}

const USABLE_TOOL_STATES = new Set(["output-available", "output-error"]);
/** Query rows repeated to the model from earlier turns (the latest numbers are in its answer text). */
const HISTORY_QUERY_ROWS = 30;

type AnyToolPart = { type: string; state?: string; output?: unknown; input?: unknown };

/** A drawn chart becomes a one-line note: the option and rows are for the UI, not the model. */
function chartNote(part: AnyToolPart): string {
  const out = (part.output ?? {}) as { title?: unknown; type?: unknown; error?: unknown };
  if (out.error) return "";
  const title = typeof out.title === "string" ? `"${out.title}"` : "a chart";
  return `\n[Showed the user ${typeof out.type === "string" ? `a ${out.type} chart ` : ""}${title}.]`;
}

function trimQueryOutput(part: AnyToolPart): AnyToolPart {
  const out = part.output as { rows?: unknown[]; note?: string } | undefined;
  if (!out || !Array.isArray(out.rows) || out.rows.length <= HISTORY_QUERY_ROWS) return part;
  return {
    ...part,
    output: {
      ...out,
      rows: out.rows.slice(0, HISTORY_QUERY_ROWS),
      note: `${out.note ? `${out.note} ` : ""}(Earlier turn: only the first ${HISTORY_QUERY_ROWS} rows are repeated here.)`,
    },
  };
}

/**
 * Stored messages → what the model may see: failed replies dropped, unfinished tool calls
 * (a stopped reply) removed, charts reduced to a note, old query results trimmed.
 */
export function windowToUIMessages(rows: MessageRow[]): ChatUIMessage[] {
  const out: ChatUIMessage[] = [];
  for (const row of rows) {
    if (row.role === "assistant" && (row.status === "error" || row.status === "streaming")) continue;
    const msg = toUIMessage(row, new Map(), Date.now());
    const parts: ChatUIPart[] = [];
    for (const p of msg.parts) {
      const part = p as AnyToolPart;
      if (p.type === "tool-show_chart") {
        const note = USABLE_TOOL_STATES.has(part.state ?? "") ? chartNote(part) : "";
        if (note) parts.push({ type: "text", text: note });
        continue;
      }
      if (p.type.startsWith("tool-") || p.type === "dynamic-tool") {
        if (!USABLE_TOOL_STATES.has(part.state ?? "")) continue;
        parts.push((p.type === "tool-query_training_data" ? trimQueryOutput(part) : part) as ChatUIPart);
        continue;
      }
      parts.push(p);
    }
    if (row.status === "stopped") parts.push({ type: "text", text: "\n[The user stopped this answer here.]" });
    if (parts.length) out.push({ ...msg, parts });
  }
  return out;
}

/** Data parts the model should know about, as short text. */
export function dataPartForModel(part: { type: string; data: unknown }): { type: "text"; text: string } | undefined {
  if (part.type === "data-draft-status") {
    const d = part.data as { status: string; sets?: number };
    return {
      type: "text",
      text:
        d.status === "saved" ? `[The user confirmed and saved this workout (${d.sets ?? "?"} sets).]` : "[The user discarded this workout draft.]",
    };
  }
  return undefined;
}
