import { sql } from "drizzle-orm";
import { boolean, check, foreignKey, index, integer, jsonb, numeric, pgTable, text, timestamp, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";

export const INTERVIEW_STATUSES = ["in_progress", "completed", "abandoned", "expired"] as const;
export type InterviewStatus = (typeof INTERVIEW_STATUSES)[number];
export const SOPHISTICATION_LEVELS = ["beginner", "intermediate", "advanced"] as const;
export type SophisticationLevel = (typeof SOPHISTICATION_LEVELS)[number];

/**
 * One coach-creator interview. The whole conversation lives in `transcript` (jsonb array of
 * turns) and the checklist answers in `fields` (jsonb object keyed by field); the columns beside
 * them are the queryable metadata (status, progress, current sophistication, timestamps).
 * `sophistication_history` keeps every re-assessment with its evidence and confidence.
 */
export const coachInterviews = pgTable(
  "coach_interviews",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    status: text("status", { enum: INTERVIEW_STATUSES }).notNull().default("in_progress"),
    transcript: jsonb("transcript")
      .notNull()
      .default(sql`'[]'::jsonb`),
    fields: jsonb("fields")
      .notNull()
      .default(sql`'{}'::jsonb`),
    /** Required fields filled / required fields, 0..1. */
    progress: numeric("progress", { precision: 4, scale: 3, mode: "number" }).notNull().default(0),
    /** The field the interview is waiting for (null once finished). */
    currentField: text("current_field"),
    sophistication: text("sophistication", { enum: SOPHISTICATION_LEVELS }).notNull().default("beginner"),
    sophisticationConfidence: numeric("sophistication_confidence", { precision: 4, scale: 3, mode: "number" }).notNull().default(0),
    sophisticationHistory: jsonb("sophistication_history")
      .notNull()
      .default(sql`'[]'::jsonb`),
    /** What the training log showed when the interview started (null: no history). */
    trainingSummary: jsonb("training_summary"),
    /** The coach this interview produced. */
    coachId: uuid("coach_id"),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("coach_interviews_id_user_unique").on(t.id, t.userId),
    index("coach_interviews_user_updated_idx").on(t.userId, t.updatedAt.desc()),
    index("coach_interviews_status_expires_idx").on(t.status, t.expiresAt),
    check("coach_interviews_status_check", sql`${t.status} in ('in_progress','completed','abandoned','expired')`),
    check("coach_interviews_sophistication_check", sql`${t.sophistication} in ('beginner','intermediate','advanced')`),
    check("coach_interviews_progress_check", sql`${t.progress} between 0 and 1`),
    check("coach_interviews_confidence_check", sql`${t.sophisticationConfidence} between 0 and 1`),
    check("coach_interviews_transcript_check", sql`jsonb_typeof(${t.transcript}) = 'array'`),
    check("coach_interviews_fields_check", sql`jsonb_typeof(${t.fields}) = 'object'`),
    check("coach_interviews_history_check", sql`jsonb_typeof(${t.sophisticationHistory}) = 'array'`),
    check("coach_interviews_completed_check", sql`(${t.status} = 'completed') = (${t.completedAt} is not null)`),
  ],
);

/** A user's coach. The card itself lives in coach_versions; `current_version` points at the one in use. */
export const coaches = pgTable(
  "coaches",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    isPrimary: boolean("is_primary").notNull().default(false),
    currentVersion: integer("current_version").notNull().default(1),
    /** The interview it came from (informational; interviews are never deleted on their own). */
    interviewId: uuid("interview_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("coaches_id_user_unique").on(t.id, t.userId),
    uniqueIndex("coaches_one_primary_per_user")
      .on(t.userId)
      .where(sql`${t.isPrimary}`),
    index("coaches_user_idx").on(t.userId, t.createdAt),
    check("coaches_name_check", sql`length(${t.name}) between 1 and 40`),
    check("coaches_version_check", sql`${t.currentVersion} >= 1`),
  ],
);

/** Every edit of a coach is a new immutable version; the card is validated by lib/coach/card.ts. */
export const coachVersions = pgTable(
  "coach_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    coachId: uuid("coach_id").notNull(),
    userId: text("user_id").notNull(),
    version: integer("version").notNull(),
    card: jsonb("card").notNull(),
    /** What changed, in plain words ("Created from interview", "Tone edited"). */
    note: text("note"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({
      name: "coach_versions_coach_owner_fk",
      columns: [t.coachId, t.userId],
      foreignColumns: [coaches.id, coaches.userId],
    }).onDelete("cascade"),
    foreignKey({ name: "coach_versions_user_fk", columns: [t.userId], foreignColumns: [users.id] }).onDelete("cascade"),
    unique("coach_versions_coach_version_unique").on(t.coachId, t.version),
    check("coach_versions_version_check", sql`${t.version} >= 1`),
    check("coach_versions_card_check", sql`jsonb_typeof(${t.card}) = 'object'`),
    check("coach_versions_note_check", sql`${t.note} is null or length(${t.note}) <= 200`),
  ],
);

export type CoachInterviewRow = typeof coachInterviews.$inferSelect;
export type CoachRow = typeof coaches.$inferSelect;
export type CoachVersionRow = typeof coachVersions.$inferSelect;
