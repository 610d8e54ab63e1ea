import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgTable, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";

/**
 * Every live-workout cue shown to a lifter: what was said, by whom, why, whether it was spoken,
 * whether the audio came from the cache, how long text and audio took, and the lifter's thumbs.
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
    generationMs: integer("generation_ms").notNull(),
    played: boolean("played").notNull().default(false),
    cached: boolean("cached"),
    speechMs: integer("speech_ms"),
    /** Set completed → audio started playing in the browser. */
    playbackStartMs: integer("playback_start_ms"),
    /** -1 thumbs down, 1 thumbs up. */
    feedback: smallint("feedback"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("live_cues_user_created_idx").on(t.userId, t.createdAt.desc()),
    check("live_cues_trigger_check", sql`${t.trigger} in ('onboarding','pre-start','set-start','set-end','strainsync','workout-end')`),
    check("live_cues_persona_check", sql`${t.persona} in ('alice','aiden')`),
    check("live_cues_feedback_check", sql`${t.feedback} is null or ${t.feedback} in (-1, 1)`),
    check("live_cues_text_check", sql`length(${t.text}) between 1 and 2000 and length(${t.toast}) between 1 and 49`),
  ],
);
