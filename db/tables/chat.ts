import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { users } from "./auth";

export const CONVERSATION_STATUSES = ["active", "inactive"] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];
export const MESSAGE_ROLES = ["user", "assistant", "system"] as const;
export type MessageRole = (typeof MESSAGE_ROLES)[number];
export const MESSAGE_STATUSES = ["complete", "streaming", "stopped", "error"] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];
export const CHART_TYPES = ["line", "bar", "scatter", "pie", "heatmap"] as const;
export type ChartType = (typeof CHART_TYPES)[number];

/** Rows of chart data kept with a visualization (the "Show data" table); larger results are cut. */
export const MAX_VISUALIZATION_ROWS = 500;

/**
 * A chat thread. `status` turns 'inactive' after 30 minutes without messages and back to
 * 'active' when the user writes again. Older turns are folded into `context_summary`
 * (through `summary_through_message_id`) so the model context stays bounded.
 */
export const conversations = pgTable(
  "conversations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    title: text("title").notNull().default("New conversation"),
    status: text("status", { enum: CONVERSATION_STATUSES }).notNull().default("active"),
    lastMessageAt: timestamp("last_message_at", { withTimezone: true }).notNull().defaultNow(),
    contextSummary: text("context_summary"),
    summaryThroughMessageId: uuid("summary_through_message_id").references((): AnyPgColumn => messages.id, {
      onDelete: "set null",
    }),
    /** Which model answered last, as shown to the user ("Built-in offline coach", "OpenAI gpt-…"). */
    modelLabel: text("model_label"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("conversations_id_user_unique").on(t.id, t.userId),
    index("conversations_user_last_message_idx").on(t.userId, t.lastMessageAt.desc()),
    check("conversations_status_check", sql`${t.status} in ('active','inactive')`),
    check("conversations_title_check", sql`length(${t.title}) between 1 and 120`),
    check("conversations_summary_check", sql`${t.contextSummary} is null or length(${t.contextSummary}) <= 8000`),
    check("conversations_model_label_check", sql`${t.modelLabel} is null or length(${t.modelLabel}) <= 120`),
  ],
);

/** One chat message; `parts` holds AI SDK UIMessage parts. `seq` gives a strict order. */
export const messages = pgTable(
  "messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    seq: bigint("seq", { mode: "number" }).notNull().generatedAlwaysAsIdentity(),
    conversationId: uuid("conversation_id").notNull(),
    /** Denormalised owner; the composite FK guarantees it equals the conversation's owner. */
    userId: text("user_id").notNull(),
    role: text("role", { enum: MESSAGE_ROLES }).notNull(),
    parts: jsonb("parts")
      .notNull()
      .default(sql`'[]'::jsonb`),
    status: text("status", { enum: MESSAGE_STATUSES }).notNull().default("complete"),
    inputTokens: integer("input_tokens"),
    outputTokens: integer("output_tokens"),
    /** The last SQL the coach ran for this answer, and how long it took. */
    queryExecuted: text("query_executed"),
    queryMs: integer("query_ms"),
    errorMessage: text("error_message"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({
      name: "messages_conversation_owner_fk",
      columns: [t.conversationId, t.userId],
      foreignColumns: [conversations.id, conversations.userId],
    }).onDelete("cascade"),
    foreignKey({ name: "messages_user_fk", columns: [t.userId], foreignColumns: [users.id] }).onDelete("cascade"),
    unique("messages_id_user_unique").on(t.id, t.userId),
    index("messages_conversation_seq_idx").on(t.conversationId, t.seq),
    check("messages_role_check", sql`${t.role} in ('user','assistant','system')`),
    check("messages_status_check", sql`${t.status} in ('complete','streaming','stopped','error')`),
    check("messages_parts_check", sql`jsonb_typeof(${t.parts}) = 'array'`),
    check("messages_tokens_check", sql`coalesce(${t.inputTokens}, 0) >= 0 and coalesce(${t.outputTokens}, 0) >= 0`),
    check("messages_query_ms_check", sql`${t.queryMs} is null or ${t.queryMs} >= 0`),
    check("messages_query_check", sql`${t.queryExecuted} is null or length(${t.queryExecuted}) <= 20000`),
    check("messages_error_check", sql`${t.errorMessage} is null or length(${t.errorMessage}) <= 2000`),
    check("messages_error_status_check", sql`${t.status} = 'error' or ${t.errorMessage} is null`),
  ],
);

/** A chart the coach drew, kept exactly as shown (option) with the data behind it. */
export const messageVisualizations = pgTable(
  "message_visualizations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    messageId: uuid("message_id").notNull(),
    userId: text("user_id").notNull(),
    /** Order of the chart within its message. */
    position: smallint("position").notNull().default(0),
    chartType: text("chart_type", { enum: CHART_TYPES }).notNull(),
    option: jsonb("option").notNull(),
    sql: text("sql").notNull(),
    columns: jsonb("columns")
      .notNull()
      .default(sql`'[]'::jsonb`),
    rows: jsonb("rows")
      .notNull()
      .default(sql`'[]'::jsonb`),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({
      name: "message_visualizations_message_owner_fk",
      columns: [t.messageId, t.userId],
      foreignColumns: [messages.id, messages.userId],
    }).onDelete("cascade"),
    foreignKey({ name: "message_visualizations_user_fk", columns: [t.userId], foreignColumns: [users.id] }).onDelete("cascade"),
    unique("message_visualizations_message_position_unique").on(t.messageId, t.position),
    index("message_visualizations_user_idx").on(t.userId),
    check("message_visualizations_chart_type_check", sql`${t.chartType} in ('line','bar','scatter','pie','heatmap')`),
    check("message_visualizations_option_check", sql`jsonb_typeof(${t.option}) = 'object'`),
    check("message_visualizations_columns_check", sql`jsonb_typeof(${t.columns}) = 'array'`),
    check(
      "message_visualizations_rows_check",
      sql`jsonb_typeof(${t.rows}) = 'array' and jsonb_array_length(${t.rows}) <= ${sql.raw(String(MAX_VISUALIZATION_ROWS))}`,
    ),
    check("message_visualizations_position_check", sql`${t.position} >= 0`),
    check("message_visualizations_sql_check", sql`length(${t.sql}) between 1 and 20000`),
  ],
);

export type Conversation = typeof conversations.$inferSelect;
export type MessageRow = typeof messages.$inferSelect;
export type MessageVisualization = typeof messageVisualizations.$inferSelect;
