import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, numeric, pgTable, smallint, text, timestamp, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";

/**
 * The consented, anonymized training pipeline (docs/training-pipeline.md): consent history,
 * anonymized records, exported batches, training runs and the model registry.
 */

/**
 * Consent to use a lifter's data to improve the coach: one row per decision (grant or withdrawal),
 * never updated, so the history stays. The newest row is the current answer; no row means "no".
 * `text_version` is the TRAINING_CONSENT_VERSION (lib/training/consent-text.ts) that was shown.
 */
export const trainingConsents = pgTable(
  "training_consents",
  {
    id: uuid("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    granted: boolean("granted").notNull(),
    textVersion: text("text_version").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("training_consents_user_idx").on(t.userId, t.createdAt.desc(), t.id.desc()),
    check("training_consents_version_check", sql`length(${t.textVersion}) between 1 and 40`),
  ],
);

export const TRAINING_RECORD_STATES = ["created", "pending_export", "exported", "archived"] as const;
export type TrainingRecordState = (typeof TRAINING_RECORD_STATES)[number];
export const TRAINING_SOURCES = ["chat", "cue"] as const;
export type TrainingSource = (typeof TRAINING_SOURCES)[number];
export const TRAINING_CADENCES = ["weekly", "monthly"] as const;
export type TrainingCadence = (typeof TRAINING_CADENCES)[number];

/** Batches of exported records: JSONL in OpenAI's chat fine-tuning format, kept in Postgres. */
export const trainingBatches = pgTable(
  "training_batches",
  {
    id: uuid("id").primaryKey(),
    cadence: text("cadence", { enum: TRAINING_CADENCES }).notNull(),
    periodStart: timestamp("period_start", { withTimezone: true }).notNull(),
    periodEnd: timestamp("period_end", { withTimezone: true }).notNull(),
    recordCount: integer("record_count").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
    jsonl: text("jsonl").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("training_batches_period_unique").on(t.cadence, t.periodStart),
    check("training_batches_cadence_check", sql`${t.cadence} in ('weekly','monthly')`),
    check("training_batches_period_check", sql`${t.periodEnd} > ${t.periodStart}`),
    check("training_batches_counts_check", sql`${t.recordCount} >= 0 and ${t.sizeBytes} >= 0`),
  ],
);

/**
 * One anonymized example. `user_id` links a record to its lifter only while it waits (created,
 * pending_export) so withdrawal and account deletion can remove it; export clears it (a CHECK
 * enforces this), leaving only `subject`, an HMAC-SHA256 of the user id under a server secret.
 * `source_ref` is an HMAC of the source row id: the same chat turn or cue is collected once.
 */
export const trainingRecords = pgTable(
  "training_records",
  {
    id: uuid("id").primaryKey(),
    userId: text("user_id").references(() => users.id, { onDelete: "cascade" }),
    subject: text("subject").notNull(),
    source: text("source", { enum: TRAINING_SOURCES }).notNull(),
    sourceRef: text("source_ref").notNull(),
    cadence: text("cadence", { enum: TRAINING_CADENCES }).notNull(),
    /** [{ role: "system" | "user" | "assistant", content }] — scrubbed text only. */
    messages: jsonb("messages").notNull(),
    contextTags: text("context_tags")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    quality: numeric("quality", { precision: 4, scale: 3, mode: "number" }).notNull(),
    /** Cue records: what the offline cue model learns from (persona × trigger × template → thumbs). */
    persona: text("persona"),
    trigger: text("trigger"),
    template: smallint("template"),
    feedback: smallint("feedback"),
    state: text("state", { enum: TRAINING_RECORD_STATES }).notNull().default("created"),
    batchId: uuid("batch_id").references(() => trainingBatches.id, { onDelete: "set null" }),
    /** When the source happened (the 6-month clock and the batch period use this). */
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    exportedAt: timestamp("exported_at", { withTimezone: true }),
  },
  (t) => [
    unique("training_records_source_unique").on(t.source, t.sourceRef),
    index("training_records_user_state_idx").on(t.userId, t.state),
    index("training_records_state_occurred_idx").on(t.state, t.cadence, t.occurredAt),
    index("training_records_batch_idx").on(t.batchId),
    check("training_records_state_check", sql`${t.state} in ('created','pending_export','exported','archived')`),
    check("training_records_source_check", sql`${t.source} in ('chat','cue')`),
    check("training_records_cadence_check", sql`${t.cadence} in ('weekly','monthly')`),
    check("training_records_quality_check", sql`${t.quality} between 0 and 1`),
    check("training_records_subject_check", sql`${t.subject} ~ '^[0-9a-f]{64}$'`),
    check("training_records_messages_check", sql`jsonb_typeof(${t.messages}) = 'array'`),
    check("training_records_unlinked_check", sql`${t.state} in ('created','pending_export') or ${t.userId} is null`),
    check("training_records_feedback_check", sql`${t.feedback} is null or ${t.feedback} in (-1, 1)`),
  ],
);

/** Server-side secrets generated once and shared by every instance (the embedded HMAC key). */
export const serverSecrets = pgTable(
  "server_secrets",
  {
    name: text("name").primaryKey(),
    value: text("value").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("server_secrets_value_check", sql`length(${t.value}) >= 32`)],
);

export const MODEL_STATUSES = ["training", "validating", "validated", "deployed", "archived", "failed"] as const;
export type ModelStatus = (typeof MODEL_STATUSES)[number];
export const MODEL_PROVIDERS = ["offline", "openai"] as const;
export type ModelProvider = (typeof MODEL_PROVIDERS)[number];

/**
 * The model registry. Exactly one row is 'deployed' (partial unique index); a row can only be
 * deployed with metrics that passed validation (CHECK). `params` holds what the model is: the
 * fitted template preferences for the offline coach, the fine-tuned model id for OpenAI.
 */
export const modelVersions = pgTable(
  "model_versions",
  {
    id: uuid("id").primaryKey(),
    version: text("version").notNull(),
    provider: text("provider", { enum: MODEL_PROVIDERS }).notNull(),
    status: text("status", { enum: MODEL_STATUSES }).notNull().default("training"),
    params: jsonb("params"),
    metrics: jsonb("metrics"),
    validationPassed: boolean("validation_passed"),
    externalModel: text("external_model"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    deployedAt: timestamp("deployed_at", { withTimezone: true }),
  },
  (t) => [
    unique("model_versions_version_unique").on(t.version),
    uniqueIndex("model_versions_one_deployed")
      .on(t.status)
      .where(sql`${t.status} = 'deployed'`),
    check("model_versions_semver_check", sql`${t.version} ~ '^(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)$'`),
    check("model_versions_status_check", sql`${t.status} in ('training','validating','validated','deployed','archived','failed')`),
    check("model_versions_provider_check", sql`${t.provider} in ('offline','openai')`),
    check(
      "model_versions_deploy_check",
      sql`${t.status} not in ('validated','deployed') or (${t.metrics} is not null and ${t.validationPassed} is true)`,
    ),
  ],
);

export const TRAINING_RUN_STATES = ["scheduled", "collecting", "training", "validating", "completed", "failed"] as const;
export type TrainingRunState = (typeof TRAINING_RUN_STATES)[number];

/** One training run on one batch: offline preference fitting or an OpenAI fine-tuning job. */
export const trainingRuns = pgTable(
  "training_runs",
  {
    id: uuid("id").primaryKey(),
    batchId: uuid("batch_id").references(() => trainingBatches.id, { onDelete: "set null" }),
    provider: text("provider", { enum: MODEL_PROVIDERS }).notNull(),
    state: text("state", { enum: TRAINING_RUN_STATES }).notNull().default("scheduled"),
    retries: integer("retries").notNull().default(0),
    fileId: text("file_id"),
    jobId: text("job_id"),
    modelVersionId: uuid("model_version_id").references(() => modelVersions.id, { onDelete: "set null" }),
    error: text("error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("training_runs_state_check", sql`${t.state} in ('scheduled','collecting','training','validating','completed','failed')`),
    check("training_runs_provider_check", sql`${t.provider} in ('offline','openai')`),
    check("training_runs_retries_check", sql`${t.retries} between 0 and 5`),
    check("training_runs_error_check", sql`${t.error} is null or length(${t.error}) <= 2000`),
  ],
);

export type TrainingConsentRow = typeof trainingConsents.$inferSelect;
export type TrainingRecordRow = typeof trainingRecords.$inferSelect;
export type ModelVersionRow = typeof modelVersions.$inferSelect;
