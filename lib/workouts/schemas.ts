import { z } from "zod";
import { SET_TYPES, UNITS } from "./constants";
import { maxWeightIn as maxWeightInUnit, type Unit } from "@/lib/units";
import { isLocalDateTime } from "@/lib/time/local";

import {
  EXERCISE_NAME_MAX,
  exerciseNameTooLong,
  MAX_EXERCISES,
  MAX_SET_REPS,
  MAX_SETS_PER_EXERCISE,
  MAX_WEIGHT_KG,
  SESSION_NAME_MAX,
} from "./limits";

/** Form fields arrive as strings; "" means "not entered". Accepts "102,5" as well as "102.5". */
function optionalNumber<T extends z.ZodType<number>>(inner: T) {
  return z.preprocess((v) => {
    if (v === null || v === undefined) return undefined;
    if (typeof v === "string") {
      const t = v.trim().replace(",", ".");
      return t === "" ? undefined : Number(t);
    }
    return v;
  }, inner.optional());
}

function optionalText(max: number, label: string) {
  return z.preprocess(
    (v) => (typeof v === "string" ? (v.trim() === "" ? undefined : v.trim()) : (v ?? undefined)),
    z.string().max(max, `${label} can be at most ${max} characters`).optional(),
  );
}

const num = (what: string) => z.number({ error: `${what} must be a number` });

export const setInputSchema = z
  .object({
    setType: z.enum(SET_TYPES, { error: "Choose a set type" }).default("normal"),
    /** In the unit of the enclosing session input. */
    weight: optionalNumber(num("Weight").min(0, "Weight cannot be negative")),
    reps: optionalNumber(
      num("Reps").int("Reps must be a whole number").min(0, "Reps cannot be negative").max(MAX_SET_REPS, `At most ${MAX_SET_REPS} reps`),
    ),
    rpe: optionalNumber(
      num("RPE")
        .min(1, "RPE is between 1 and 10")
        .max(10, "RPE is between 1 and 10")
        .refine((v) => Number.isInteger(v * 2), "RPE goes in steps of 0.5"),
    ),
    /** Carried through from imports (cardio); not edited in the form. */
    durationSeconds: optionalNumber(num("Duration").int().min(0).max(86_400)),
    distanceM: optionalNumber(num("Distance").min(0).max(1_000_000)),
    notes: optionalText(2000, "Set notes"),
  })
  .superRefine((s, ctx) => {
    if (s.weight === undefined && s.reps === undefined && s.durationSeconds === undefined && s.distanceM === undefined) {
      ctx.addIssue({ code: "custom", path: ["reps"], message: "Enter reps, weight or both" });
    }
  });

export const exerciseBlockInputSchema = z.object({
  exerciseName: z.preprocess(
    (v) => (typeof v === "string" ? v.trim().replace(/\s+/g, " ") : v),
    z
      .string({ error: "Choose an exercise" })
      .min(1, "Choose an exercise")
      .regex(/[\p{L}\p{N}]/u, "Exercise names need at least one letter or digit")
      .refine((v) => v.length <= EXERCISE_NAME_MAX, { error: (issue) => exerciseNameTooLong(String(issue.input).length) }),
  ),
  sets: z.array(setInputSchema).min(1, "Add at least one set").max(MAX_SETS_PER_EXERCISE, `At most ${MAX_SETS_PER_EXERCISE} sets per exercise`),
});

const sessionObject = z.object({
  name: z.preprocess(
    (v) => (typeof v === "string" ? v.trim() : v),
    z.string({ error: "Give the workout a name" }).min(1, "Give the workout a name").max(SESSION_NAME_MAX, `At most ${SESSION_NAME_MAX} characters`),
  ),
  /** Wall-clock "YYYY-MM-DDTHH:mm" in the user's profile time zone. */
  startedAt: z.string({ error: "Enter the start date and time" }).refine(isLocalDateTime, "Enter the start date and time"),
  durationMin: optionalNumber(
    num("Duration").int("Duration is in whole minutes").min(1, "Duration is at least 1 minute").max(1440, "A workout lasts at most 24 hours"),
  ),
  notes: optionalText(10_000, "Notes"),
  /** The unit the weights were typed in (the form shows the profile unit). */
  unit: z.enum(UNITS),
  exercises: z
    .array(exerciseBlockInputSchema)
    .min(1, "Add at least one exercise")
    .max(MAX_EXERCISES, `At most ${MAX_EXERCISES} exercises per workout`),
});

function checkWeights(s: z.output<typeof sessionObject>, ctx: z.RefinementCtx) {
  const max = maxWeightIn(s.unit);
  s.exercises.forEach((block, i) =>
    block.sets.forEach((set, j) => {
      if (set.weight !== undefined && set.weight > max) {
        ctx.addIssue({ code: "custom", path: ["exercises", i, "sets", j, "weight"], message: `At most ${max} ${s.unit}` });
      }
    }),
  );
}

export const sessionInputSchema = sessionObject.superRefine(checkWeights);
/** The id is not validated as a uuid here: a malformed id behaves exactly like a missing one. */
export const updateSessionInputSchema = sessionObject.extend({ id: z.string().min(1).max(64) }).superRefine(checkWeights);
export const sessionIdInputSchema = z.object({ id: z.string().min(1).max(64) });

export type SessionInput = z.output<typeof sessionInputSchema>;

export function maxWeightIn(unit: Unit): number {
  return maxWeightInUnit(unit, MAX_WEIGHT_KG);
}
