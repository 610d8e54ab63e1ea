import { sql } from "drizzle-orm";
import { check, date, foreignKey, index, integer, numeric, pgTable, smallint, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { exercises } from "./exercises";

export const SET_TYPES = ["normal", "warmup", "failure", "drop"] as const;
export type SetType = (typeof SET_TYPES)[number];

/** source is 'manual', 'chat', 'live' or 'import:<app>' (strong, hevy, fitnotes). */
export const workoutSessions = pgTable(
  "workout_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    name: text("name").notNull(),
    notes: text("notes"),
    source: text("source").notNull().default("manual"),
    /** Stable key for imported sessions: re-importing the same file creates nothing new. */
    importKey: text("import_key"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("workout_sessions_id_user_unique").on(t.id, t.userId),
    unique("workout_sessions_user_import_key_unique").on(t.userId, t.importKey),
    index("workout_sessions_user_started_idx").on(t.userId, t.startedAt.desc()),
    check("workout_sessions_source_check", sql`${t.source} in ('manual','chat','live') or ${t.source} ~ '^import:[a-z0-9_-]{1,32}$'`),
    check("workout_sessions_ended_check", sql`${t.endedAt} is null or ${t.endedAt} >= ${t.startedAt}`),
    check("workout_sessions_duration_check", sql`${t.endedAt} is null or ${t.endedAt} - ${t.startedAt} <= interval '24 hours'`),
    check("workout_sessions_name_check", sql`length(${t.name}) between 1 and 200`),
    check("workout_sessions_notes_check", sql`${t.notes} is null or length(${t.notes}) <= 10000`),
  ],
);

export const exerciseSets = pgTable(
  "exercise_sets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    sessionId: uuid("session_id").notNull(),
    /** Denormalised owner; the composite FK below guarantees it equals the session's owner. */
    userId: text("user_id").notNull(),
    exerciseId: uuid("exercise_id")
      .notNull()
      .references(() => exercises.id, { onDelete: "restrict" }),
    /** 0-based order of the set within the session (across exercises). */
    position: integer("position").notNull(),
    /** 1-based number of the set within its exercise block, for display. */
    setNumber: smallint("set_number").notNull(),
    setType: text("set_type", { enum: SET_TYPES }).notNull().default("normal"),
    weightKg: numeric("weight_kg", { precision: 7, scale: 2, mode: "number" }),
    reps: integer("reps"),
    rpe: numeric("rpe", { precision: 3, scale: 1, mode: "number" }),
    durationSeconds: integer("duration_seconds"),
    distanceM: numeric("distance_m", { precision: 10, scale: 2, mode: "number" }),
    notes: text("notes"),
  },
  (t) => [
    foreignKey({
      name: "exercise_sets_session_owner_fk",
      columns: [t.sessionId, t.userId],
      foreignColumns: [workoutSessions.id, workoutSessions.userId],
    }).onDelete("cascade"),
    foreignKey({ name: "exercise_sets_user_fk", columns: [t.userId], foreignColumns: [users.id] }).onDelete("cascade"),
    unique("exercise_sets_session_position_unique").on(t.sessionId, t.position),
    index("exercise_sets_user_exercise_idx").on(t.userId, t.exerciseId),
    index("exercise_sets_exercise_idx").on(t.exerciseId),
    check("exercise_sets_set_type_check", sql`${t.setType} in ('normal','warmup','failure','drop')`),
    check("exercise_sets_position_check", sql`${t.position} >= 0`),
    check("exercise_sets_set_number_check", sql`${t.setNumber} >= 1`),
    check("exercise_sets_weight_check", sql`${t.weightKg} is null or (${t.weightKg} >= 0 and ${t.weightKg} < 2000)`),
    check("exercise_sets_reps_check", sql`${t.reps} is null or ${t.reps} between 0 and 1000`),
    check("exercise_sets_rpe_check", sql`${t.rpe} is null or ${t.rpe} between 1 and 10`),
    check("exercise_sets_duration_check", sql`${t.durationSeconds} is null or ${t.durationSeconds} between 0 and 86400`),
    check("exercise_sets_distance_check", sql`${t.distanceM} is null or ${t.distanceM} between 0 and 1000000`),
    check(
      "exercise_sets_recorded_check",
      sql`${t.weightKg} is not null or ${t.reps} is not null or ${t.durationSeconds} is not null or ${t.distanceM} is not null`,
    ),
    check("exercise_sets_notes_check", sql`${t.notes} is null or length(${t.notes}) <= 2000`),
  ],
);

export const bodyMetrics = pgTable(
  "body_metrics",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    date: date("date").notNull(),
    bodyweightKg: numeric("bodyweight_kg", { precision: 5, scale: 2, mode: "number" }),
    sleepHours: numeric("sleep_hours", { precision: 4, scale: 2, mode: "number" }),
    restingHr: smallint("resting_hr"),
    strain: smallint("strain"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("body_metrics_user_date_unique").on(t.userId, t.date),
    check("body_metrics_bodyweight_check", sql`${t.bodyweightKg} is null or ${t.bodyweightKg} between 20 and 400`),
    check("body_metrics_sleep_check", sql`${t.sleepHours} is null or ${t.sleepHours} between 0 and 24`),
    check("body_metrics_resting_hr_check", sql`${t.restingHr} is null or ${t.restingHr} between 20 and 250`),
    check("body_metrics_strain_check", sql`${t.strain} is null or ${t.strain} between 0 and 100`),
    check(
      "body_metrics_recorded_check",
      sql`${t.bodyweightKg} is not null or ${t.sleepHours} is not null or ${t.restingHr} is not null or ${t.strain} is not null`,
    ),
  ],
);

/** One row per import run: what was read, what was created, what was skipped. */
export const importRuns = pgTable(
  "import_runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    format: text("format").notNull(),
    fileName: text("file_name"),
    fileSha256: text("file_sha256").notNull(),
    rows: integer("rows").notNull(),
    sessionsCreated: integer("sessions_created").notNull(),
    setsCreated: integer("sets_created").notNull(),
    skipped: integer("skipped").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("import_runs_user_idx").on(t.userId, t.createdAt.desc())],
);
