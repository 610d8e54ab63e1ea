import { sql } from "drizzle-orm";
import { check, date, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./auth";

export const FITNESS_LEVELS = ["beginner", "intermediate", "advanced"] as const;
export const UNITS = ["kg", "lb"] as const;
export type FitnessLevel = (typeof FITNESS_LEVELS)[number];
export type Unit = (typeof UNITS)[number];

export const userProfiles = pgTable(
  "user_profiles",
  {
    userId: text("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    displayName: text("display_name"),
    fitnessLevel: text("fitness_level", { enum: FITNESS_LEVELS }).notNull().default("beginner"),
    goals: text("goals")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    units: text("units", { enum: UNITS }).notNull().default("kg"),
    timeZone: text("timezone").notNull().default("UTC"),
    dateOfBirth: date("date_of_birth"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("user_profiles_fitness_level_check", sql`${t.fitnessLevel} in ('beginner','intermediate','advanced')`),
    check("user_profiles_units_check", sql`${t.units} in ('kg','lb')`),
    check("user_profiles_timezone_check", sql`length(${t.timeZone}) between 1 and 64`),
    check("user_profiles_display_name_check", sql`${t.displayName} is null or length(${t.displayName}) <= 80`),
    check("user_profiles_dob_check", sql`${t.dateOfBirth} is null or ${t.dateOfBirth} > date '1900-01-01'`),
  ],
);
