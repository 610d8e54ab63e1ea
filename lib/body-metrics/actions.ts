"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { authedAction } from "@/lib/actions/safe-action";
import { NotFoundError } from "@/lib/errors/user-error";
import { getProfile } from "@/lib/users/profile";
import { deleteBodyMetric, saveBodyMetric } from "./metrics";
import { bodyMetricInputSchema } from "./schema";

/** Log or edit one day's bodyweight (in the profile's unit), sleep and resting heart rate. */
export const saveBodyMetricAction = authedAction(bodyMetricInputSchema, async (input, { user }) => {
  const db = getDb();
  const { units } = await getProfile(db, user.id);
  const row = await saveBodyMetric(db, user.id, input, units);
  revalidatePath("/workouts/body");
  return { id: row.id, date: row.date };
});

export const deleteBodyMetricAction = authedAction(z.object({ id: z.uuid() }), async ({ id }, { user }) => {
  if (!(await deleteBodyMetric(getDb(), user.id, id))) throw new NotFoundError("This entry doesn't exist.");
  revalidatePath("/workouts/body");
  return { id };
});
