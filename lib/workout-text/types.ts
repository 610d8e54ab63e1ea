import { z } from "zod";
import { SET_TYPES, type SetMeasures } from "@/lib/workouts/constants";
import { EXERCISE_NAME_MAX, exerciseNameTooLong, MAX_SET_REPS, MAX_WEIGHT_KG } from "@/lib/workouts/limits";

/**
 * The structured form of a free-text workout ("bench 3x8 @ 60kg, last set only 6").
 * A draft is what the chat shows on a confirmation card; nothing is written until the user
 * confirms and `saveWorkoutDraft` runs. Weights are always kg here, whatever the user typed.
 */
const draftSetSchema = z
  .object({
    setType: z.enum(SET_TYPES),
    reps: z.number().int().min(0).max(MAX_SET_REPS).nullable(),
    weightKg: z.number().min(0).max(MAX_WEIGHT_KG).nullable(),
    rpe: z.number().min(1).max(10).nullable(),
    durationSeconds: z.number().int().min(0).max(86_400).nullable(),
    distanceM: z.number().min(0).max(1_000_000).nullable(),
  })
  .strict()
  .refine((s) => s.reps !== null || s.weightKg !== null || s.durationSeconds !== null || s.distanceM !== null, {
    message: "a set needs reps, weight, duration or distance",
  });

export const draftExerciseSchema = z
  .object({
    /** What the user typed ("bench"). */
    input: z.string().min(1).max(4000),
    /** Display name after abbreviation expansion / catalog resolution ("Bench Press (Barbell)"). */
    name: z
      .string()
      .min(1, "Every exercise needs a name")
      .refine((v) => v.length <= EXERCISE_NAME_MAX, { error: (issue) => exerciseNameTooLong(String(issue.input).length) }),
    /** Set by the tool after a read-only catalog lookup: false = will become a custom exercise. */
    known: z.boolean().optional(),
    cardio: z.boolean().optional(),
    sets: z.array(draftSetSchema).min(1).max(100),
  })
  .strict();

const draftWorkoutSchema = z
  .object({
    /** Local calendar date (user's time zone), YYYY-MM-DD. */
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    /** Absolute start time (ISO 8601). */
    startedAt: z.string().datetime({ offset: true }),
    name: z.string().min(1).max(200),
    exercises: z.array(draftExerciseSchema).min(1).max(50),
    /** Present when the workout was copied from an earlier session ("same as Monday but +2.5kg"). */
    basedOn: z
      .object({ sessionId: z.string().max(64), date: z.string(), name: z.string().max(200), adjustKg: z.number().min(-500).max(500) })
      .strict()
      .optional(),
    /** The part of the message this workout came from. */
    source: z.string().max(2000).optional(),
  })
  .strict();

export const workoutDraftSchema = z
  .object({
    workouts: z.array(draftWorkoutSchema).max(14),
    /** The unit the user typed in (for display); stored weights are kg regardless. */
    unit: z.enum(["kg", "lb"]),
    /** Things the parser noticed but could not apply, in plain words. */
    warnings: z.array(z.string().max(500)).max(50),
    /** True when the text refers to an earlier session that was not available to the parser. */
    needsHistory: z.boolean().optional(),
  })
  .strict();

export type DraftSet = z.infer<typeof draftSetSchema>;
// A draft set is exactly the shared SetMeasures plus a type: fails the type check if they drift.
const _draftSetIsMeasures: DraftSet extends SetMeasures ? (SetMeasures extends Omit<DraftSet, "setType"> ? true : never) : never = true;
void _draftSetIsMeasures;
export type DraftExercise = z.infer<typeof draftExerciseSchema>;
export type DraftWorkout = z.infer<typeof draftWorkoutSchema>;
export type WorkoutDraft = z.infer<typeof workoutDraftSchema>;

/** An earlier session, fetched (scoped to the user) so that "same as Monday" can be resolved. */
export type RecentSession = {
  id: string;
  startedAt: Date | string;
  name: string;
  exercises: { name: string; sets: DraftSet[] }[];
};

export type ParseOptions = {
  unit: "kg" | "lb";
  now: Date;
  timeZone: string;
  recent?: RecentSession[];
};
