import type { UIMessage } from "ai";
import type { ChartType, MessageStatus } from "@/db/tables/chat";

/** Per-message metadata sent with the stream and rebuilt from the database on load. */
export interface ChatMessageMetadata {
  status?: MessageStatus;
  /** User-facing reason when status is 'error'. */
  errorMessage?: string | null;
  /** Label of the model that answered ("Built-in offline coach"). */
  model?: string;
  createdAt?: string;
}

/** A chart as drawn in the chat, with the data behind it for "Show data" / "Show SQL". */
export interface ChartPayload {
  visualizationId: string;
  chartType: ChartType;
  /** ECharts option, plain JSON. */
  option: Record<string, unknown>;
  sql: string;
  columns: string[];
  rows: Record<string, unknown>[];
  /** True when the stored rows were cut to the cap (the chart itself still shows everything it was given). */
  rowsTruncated: boolean;
}

/** What happened to a log_workout draft card. */
export interface DraftStatusPayload {
  status: "saved" | "discarded";
  sessionIds?: string[];
  /** Filled in when the conversation is loaded: saved sessions that have been deleted since. */
  deletedSessionIds?: string[];
  sets?: number;
  at: string;
}

/** Sent once at the start of every reply (transient: never stored in the message). */
interface ConversationInfoPayload {
  id: string;
  title: string;
  model: string;
  offline: boolean;
  isNew: boolean;
  /** The conversation had gone inactive (30 min without messages) and this message resumed it. */
  resumed: boolean;
}

export type ChatDataTypes = {
  chart: ChartPayload;
  "draft-status": DraftStatusPayload;
  conversation: ConversationInfoPayload;
  title: { title: string };
};

export type ChatUIMessage = UIMessage<ChatMessageMetadata, ChatDataTypes>;
export type ChatUIPart = ChatUIMessage["parts"][number];

/** A conversation as listed in the sidebar. */
export interface ConversationListItem {
  id: string;
  title: string;
  status: "active" | "inactive";
  lastMessageAt: string;
}
