"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { ActionError, authedAction } from "@/lib/actions/safe-action";
import { createSession, deleteSession, updateSession } from "@/lib/workouts/mutations";
import { sessionIdInputSchema, sessionInputSchema, updateSessionInputSchema } from "@/lib/workouts/schemas";
import { getViewerPrefs } from "@/lib/workouts/viewer";

/** Same words whether the session is someone else's or gone: ids reveal nothing. */
const NOT_FOUND = "This workout no longer exists.";

export const createWorkoutAction = authedAction(sessionInputSchema, async (input, { user }) => {
  const db = getDb();
  const { timeZone } = await getViewerPrefs(db, user.id);
  const created = await createSession(db, user.id, input, { timeZone });
  revalidatePath("/workouts");
  return { id: created.id };
});

export const updateWorkoutAction = authedAction(updateSessionInputSchema, async ({ id, ...input }, { user }) => {
  const db = getDb();
  const { timeZone } = await getViewerPrefs(db, user.id);
  const updated = await updateSession(db, user.id, id, input, { timeZone });
  if (!updated) throw new ActionError(NOT_FOUND);
  revalidatePath("/workouts");
  revalidatePath(`/workouts/${id}`);
  return { id: updated.id };
});

export const deleteWorkoutAction = authedAction(sessionIdInputSchema, async ({ id }, { user }) => {
  const deleted = await deleteSession(getDb(), user.id, id);
  if (!deleted) throw new ActionError(NOT_FOUND);
  revalidatePath("/workouts");
  return { id };
});
