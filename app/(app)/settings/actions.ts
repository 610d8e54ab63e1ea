"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { ActionError, authedAction } from "@/lib/actions/safe-action";
import { checkAllowance } from "@/lib/billing/allowance";
import { importMaxBytes, importWorkoutFile, type ImportResult } from "@/lib/import";
import { consumeRateLimit, minutesUntil } from "@/lib/security/rate-limit";
import { updateProfile } from "@/lib/users/profile";
import { UNITS } from "@/lib/workouts/constants";

/**
 * Form fields, loosely typed: updateProfile owns the real rules (and reports per-field errors).
 * Empty fields arrive as undefined, which here means "clear it" (name, goals).
 */
const profileFormSchema = z.object({
  displayName: z.string().optional(),
  units: z.string({ error: "Choose kg or lb." }),
  timezone: z.string({ error: "Choose a time zone." }),
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
    timezone: input.timezone,
    fitnessLevel: input.fitnessLevel as "beginner",
    goals,
  });
  revalidatePath("/", "layout");
  return { units: p.units, timezone: p.timezone };
});

const importFormSchema = z.object({
  file: z.instanceof(File, { error: "Choose a CSV file to import." }),
  unit: z.enum(UNITS, { error: "Choose kg or lb." }),
});

export type ImportActionData = ImportResult & { fileName: string };

/** Imports are the heaviest thing a user can trigger; a generous cap stops accidental loops. */
const IMPORT_LIMIT = { limit: 30, windowSeconds: 3600 };

export const importFileAction = authedAction(importFormSchema, async ({ file, unit }, { user }): Promise<ImportActionData> => {
  const db = getDb();
  const gate = await consumeRateLimit(db, `import:${user.id}`, IMPORT_LIMIT);
  if (!gate.allowed) {
    throw new ActionError(`That's a lot of imports in one hour. Try again in ${minutesUntil(gate.resetAt)} min.`);
  }
  const size = await checkAllowance(db, user.id, { capacity: "importMb", bytes: file.size });
  if (!size.allowed) throw new ActionError(size.message!, { fieldErrors: { file: [size.message!] } });
  const result = await importWorkoutFile(db, {
    userId: user.id,
    fileName: file.name,
    content: new Uint8Array(await file.arrayBuffer()),
    unit,
    maxBytes: importMaxBytes(size.limit),
  });
  if (result.sessions > 0) revalidatePath("/workouts");
  return { ...result, fileName: file.name };
});
