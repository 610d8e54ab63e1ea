import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, numeric, pgTable, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";

/**
 * Every live-workout cue written for a lifter: what was said, by whom, why, whether it was shown
 * (claimed) and spoken, whether the audio came from the cache, how long text and audio took, and
 * the lifter's thumbs.
 */
export const liveCues = pgTable(
  "live_cues",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    trigger: text("trigger").notNull(),
    kind: text("kind").notNull(),
    persona: text("persona").notNull(),
    text: text("text").notNull(),
    toast: text("toast").notNull(),
    /** "model" or "template". */
    source: text("source").notNull(),
    /** Which offline template wrote it (index in lib/cues/templates.ts), so thumbs can teach the model. */
    template: smallint("template"),
    generationMs: integer("generation_ms").notNull(),
    played: boolean("played").notNull().default(false),
    cached: boolean("cached"),
    speechMs: integer("speech_ms"),
    /** Set completed → audio started playing in the browser. */
    playbackStartMs: integer("playback_start_ms"),
    /** -1 thumbs down, 1 thumbs up. */
    feedback: smallint("feedback"),
    /** Written ahead of its moment (the player's prefetch): counted against the allowance only once claimed. */
    prefetched: boolean("prefetched").notNull().default(false),
    /** When the browser first reported it shown or played; a prefetched cue is counted then, exactly once. */
    claimedAt: timestamp("claimed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("live_cues_user_created_idx").on(t.userId, t.createdAt.desc()),
    check("live_cues_trigger_check", sql`${t.trigger} in ('onboarding','pre-start','set-start','set-end','strainsync','workout-end')`),
    check("live_cues_persona_check", sql`${t.persona} in ('alice','aiden')`),
    check("live_cues_template_check", sql`${t.template} is null or ${t.template} between 0 and 99`),
    check("live_cues_feedback_check", sql`${t.feedback} is null or ${t.feedback} in (-1, 1)`),
    check("live_cues_text_check", sql`length(${t.text}) between 1 and 2000 and length(${t.toast}) between 1 and 49`),
  ],
);

/**
 * The live workout in progress: one per user (the primary key), the whole state as one JSON
 * document changed only through lib/live/model.ts operations. `version` goes up by one on every
 * save; a save names the version it edited and loses (409) when another tab or device got there
 * first. Every operation carries an id; the ids applied are kept beside the state (same UPDATE) so a
 * resent operation applies once. Finishing writes a normal session (source 'live') and deletes the row.
 */
export const liveWorkouts = pgTable(
  "live_workouts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .unique("live_workouts_user_unique")
      .references(() => users.id, { onDelete: "cascade" }),
    version: integer("version").notNull().default(1),
    state: jsonb("state").notNull(),
    /** Ids of the newest operations applied (lib/live/op-log.ts, at most 500): a resent operation is skipped, not applied twice. */
    appliedOpIds: jsonb("applied_op_ids").$type<string[]>().notNull().default([]),
    /** How it started: empty, plan, repeat, template. */
    origin: text("origin").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("live_workouts_version_check", sql`${t.version} >= 1`),
    check("live_workouts_origin_check", sql`${t.origin} in ('empty','plan','repeat','template')`),
    check("live_workouts_state_size_check", sql`pg_column_size(${t.state}) <= 1000000`),
    check("live_workouts_applied_op_ids_check", sql`jsonb_typeof(${t.appliedOpIds}) = 'array' and jsonb_array_length(${t.appliedOpIds}) <= 500`),
  ],
);

export const REST_END_SIGNALS = ["voice", "beep", "vibrate"] as const;
export type RestEndSignal = (typeof REST_END_SIGNALS)[number];

/** The lifter's live-mode settings: default rests, how rest end is signalled, the bar and plates, the voice. */
export const liveSettings = pgTable(
  "live_settings",
  {
    userId: text("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    restCompoundSeconds: integer("rest_compound_seconds").notNull().default(180),
    restAccessorySeconds: integer("rest_accessory_seconds").notNull().default(90),
    restEndSignal: text("rest_end_signal", { enum: REST_END_SIGNALS }).notNull().default("voice"),
    barKg: numeric("bar_kg", { precision: 5, scale: 2, mode: "number" }).notNull().default(20),
    /** Plates available, per plate weight in kg (pairs assumed). */
    platesKg: numeric("plates_kg", { precision: 5, scale: 2, mode: "number" })
      .array()
      .notNull()
      .default(sql`'{25,20,15,10,5,2.5,1.25}'::numeric[]`),
    /** alice | aiden; null = the one the primary coach maps to. */
    persona: text("persona"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("live_settings_rest_check", sql`${t.restCompoundSeconds} between 0 and 1800 and ${t.restAccessorySeconds} between 0 and 1800`),
    check("live_settings_signal_check", sql`${t.restEndSignal} in ('voice','beep','vibrate')`),
    check("live_settings_bar_check", sql`${t.barKg} between 0 and 100`),
    check("live_settings_plates_check", sql`cardinality(${t.platesKg}) <= 20`),
    check("live_settings_persona_check", sql`${t.persona} is null or ${t.persona} in ('alice','aiden')`),
  ],
);

/** A reusable workout: exercises with prefilled sets, created from a session or edited by hand. */
export const workoutTemplates = pgTable(
  "workout_templates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** [{ exerciseId, sets: [{ weightKg, reps }] }] — validated by lib/live/templates.ts on the way in and out. */
    exercises: jsonb("exercises").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("workout_templates_user_idx").on(t.userId, t.name), check("workout_templates_name_check", sql`length(${t.name}) between 1 and 200`)],
);
