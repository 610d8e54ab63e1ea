import "server-only";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Queryable } from "@/db/client";
import { FITNESS_LEVELS, UNITS, userProfiles } from "@/db/schema";
import { UserInputError } from "./errors";
import { isValidTimeZone as isZone } from "@/lib/time/zone";

export type Profile = typeof userProfiles.$inferSelect;

/** An IANA zone name the runtime knows ("Europe/London", "UTC"). */
function isValidTimeZone(tz: string): boolean {
  return Boolean(tz) && tz.length <= 64 && isZone(tz);
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** Fields a person may change on their profile; every field optional (a patch). */
const profilePatchSchema = z
  .object({
    displayName: z
      .string()
      .trim()
      .max(80, "Use at most 80 characters.")
      .nullable()
      .transform((v) => (v ? v : null)),
    fitnessLevel: z.enum(FITNESS_LEVELS, { error: `Choose one of: ${FITNESS_LEVELS.join(", ")}.` }),
    units: z.enum(UNITS, { error: "Units must be kg or lb." }),
    timeZone: z.string().trim().refine(isValidTimeZone, "Use a time zone name like Europe/London or America/New_York."),
    goals: z
      .array(z.string().trim().min(1, "Goals cannot be empty.").max(200, "Keep each goal under 200 characters."))
      .max(10, "Keep it to 10 goals or fewer."),
    dateOfBirth: z
      .string()
      .regex(isoDate, "Use the date format YYYY-MM-DD.")
      .refine((d) => {
        const date = new Date(`${d}T00:00:00Z`);
        return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === d;
      }, "That date does not exist.")
      .refine((d) => d > "1900-01-01", "Enter a date after 1900.")
      .refine((d) => new Date(`${d}T00:00:00Z`).getTime() <= Date.now() - 13 * 365.25 * 86_400_000, "You must be at least 13.")
      .nullable(),
  })
  .partial()
  .strict();

export type ProfilePatch = z.input<typeof profilePatchSchema>;

function defaults(userId: string): Profile {
  const now = new Date();
  return {
    userId,
    displayName: null,
    fitnessLevel: "beginner",
    goals: [],
    units: "kg",
    timeZone: "UTC",
    dateOfBirth: null,
    createdAt: now,
    updatedAt: now,
  };
}

/** The user's profile; users created before profiles existed get the defaults (nothing is written). */
export async function getProfile(db: Queryable, userId: string): Promise<Profile> {
  const [row] = await db.select().from(userProfiles).where(eq(userProfiles.userId, userId)).limit(1);
  return row ?? defaults(userId);
}

/** Validates and applies a partial update; throws UserInputError with per-field messages. */
export async function updateProfile(db: Queryable, userId: string, patch: ProfilePatch): Promise<Profile> {
  const parsed = profilePatchSchema.safeParse(patch);
  if (!parsed.success) {
    throw UserInputError.fromZod(parsed.error, "Invalid profile.");
  }
  const values = parsed.data;
  const [row] = await db
    .insert(userProfiles)
    .values({ userId, ...values })
    .onConflictDoUpdate({ target: userProfiles.userId, set: { ...values, updatedAt: sql`now()` } })
    .returning();
  return row;
}
