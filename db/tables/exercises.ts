import { sql } from "drizzle-orm";
import { check, index, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";

export const EXERCISE_CATEGORIES = ["strength", "machine", "bodyweight", "cardio", "olympic", "mobility"] as const;
export type ExerciseCategory = (typeof EXERCISE_CATEGORIES)[number];

/**
 * Built-in catalog rows have owner_user_id = null; custom exercises belong to one user
 * and are invisible to everybody else.
 */
export const exercises = pgTable(
  "exercises",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    ownerUserId: text("owner_user_id").references(() => users.id, { onDelete: "cascade" }),
    category: text("category", { enum: EXERCISE_CATEGORIES }).notNull(),
    equipment: text("equipment").notNull(),
    primaryMuscles: text("primary_muscles")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    secondaryMuscles: text("secondary_muscles")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("exercises_owner_slug_unique").on(t.ownerUserId, t.slug).nullsNotDistinct(),
    index("exercises_owner_idx").on(t.ownerUserId),
    check("exercises_category_check", sql`${t.category} in ('strength','machine','bodyweight','cardio','olympic','mobility')`),
    check("exercises_name_check", sql`length(${t.name}) between 1 and 120`),
    check("exercises_slug_check", sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
  ],
);

/**
 * Normalised names (see lib/exercises/normalize.ts) that map onto an exercise.
 * owner_user_id null = global alias; otherwise a user's own mapping.
 */
export const exerciseAliases = pgTable(
  "exercise_aliases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    alias: text("alias").notNull(),
    exerciseId: uuid("exercise_id")
      .notNull()
      .references(() => exercises.id, { onDelete: "cascade" }),
    ownerUserId: text("owner_user_id").references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [
    unique("exercise_aliases_owner_alias_unique").on(t.ownerUserId, t.alias).nullsNotDistinct(),
    index("exercise_aliases_exercise_idx").on(t.exerciseId),
    check("exercise_aliases_alias_check", sql`length(${t.alias}) between 1 and 160`),
  ],
);
