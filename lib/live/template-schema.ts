import { z } from "zod";
import { SET_TYPES } from "@/lib/workouts/constants";
import { MAX_EXERCISES, MAX_SETS_PER_EXERCISE, MAX_WEIGHT_KG, SESSION_NAME_MAX } from "@/lib/workouts/limits";

/** A template's exercises as stored (kg) and as the editor sends them. */
export const templateExercisesSchema = z
  .array(
    z
      .object({
        exerciseId: z.uuid(),
        sets: z
          .array(
            z
              .object({
                weightKg: z.number().min(0).max(MAX_WEIGHT_KG).nullable(),
                reps: z.number().int().min(0).max(1000).nullable(),
                setType: z.enum(SET_TYPES).optional(),
              })
              .strict(),
          )
          .min(1)
          .max(MAX_SETS_PER_EXERCISE),
      })
      .strict(),
  )
  .min(1, "A template needs at least one exercise.")
  .max(MAX_EXERCISES);

export const templateNameSchema = z.string().trim().min(1, "Give the template a name.").max(SESSION_NAME_MAX);
