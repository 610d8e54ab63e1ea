"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { authedAction } from "@/lib/actions/safe-action";
import { getViewerPrefs } from "@/lib/workouts/viewer";
import { saveLiveSettings } from "./settings";
import { liveSettingsInputSchema } from "./settings-schema";
import { templateExercisesSchema, templateNameSchema } from "./template-schema";
import { createTemplateFromSession, deleteTemplate, updateTemplate } from "./templates";

export const createTemplateFromSessionAction = authedAction(z.object({ sessionId: z.uuid() }), async ({ sessionId }, { user }) => {
  const id = await createTemplateFromSession(getDb(), user.id, sessionId);
  revalidatePath("/workouts/templates");
  return { id };
});

export const updateTemplateAction = authedAction(
  z.object({ id: z.uuid(), name: templateNameSchema, exercises: templateExercisesSchema }),
  async ({ id, ...input }, { user }) => {
    await updateTemplate(getDb(), user.id, id, input);
    revalidatePath("/workouts/templates");
    return { id };
  },
);

export const deleteTemplateAction = authedAction(z.object({ id: z.uuid() }), async ({ id }, { user }) => {
  await deleteTemplate(getDb(), user.id, id);
  revalidatePath("/workouts/templates");
  return { id };
});

export const saveLiveSettingsAction = authedAction(liveSettingsInputSchema, async (input, { user }) => {
  const db = getDb();
  const { unit } = await getViewerPrefs(db, user.id);
  await saveLiveSettings(db, user.id, input, unit);
  revalidatePath("/settings");
  revalidatePath("/workouts/live");
  return { saved: true };
});
