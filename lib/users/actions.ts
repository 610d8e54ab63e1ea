"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { authedAction } from "@/lib/actions/safe-action";
import { UNITS } from "@/lib/workouts/constants";
import { updateProfile } from "./profile";

/**
 * Form fields, loosely typed: updateProfile owns the real rules (and reports per-field errors).
 * Empty fields arrive as undefined, which here means "clear it" (name, goals).
 */
const profileFormSchema = z.object({
  displayName: z.string().optional(),
  units: z.string({ error: "Choose kg or lb." }),
  timeZone: z.string({ error: "Choose a time zone." }),
  fitnessLevel: z.string({ error: "Choose your training experience." }),
  goals: z.string().optional(),
});

export const updateProfileAction = authedAction(profileFormSchema, async (input, { user }) => {
  const goals = (input.goals ?? "")
    .split(/\r?\n/)
    .map((g) => g.trim())
    .filter(Boolean);
  const p = await updateProfile(getDb(), user.id, {
    displayName: input.displayName ?? null,
    units: input.units as (typeof UNITS)[number],
    timeZone: input.timeZone,
    fitnessLevel: input.fitnessLevel as "beginner",
    goals,
  });
  revalidatePath("/", "layout");
  return { units: p.units, timeZone: p.timeZone };
});
