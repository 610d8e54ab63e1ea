"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { authedAction } from "@/lib/actions/safe-action";
import { grantTrainingConsent, withdrawTrainingConsent } from "./consent";

/** Settings → Privacy: opt in to the text version the page showed (a stale page is refused). */
export const grantTrainingConsentAction = authedAction(z.object({ textVersion: z.string().min(1).max(40) }), async ({ textVersion }, { user }) => {
  const consent = await grantTrainingConsent(getDb(), user.id, { textVersion });
  revalidatePath("/settings", "layout");
  return { granted: consent.granted, textVersion: consent.latest?.textVersion ?? null, at: consent.latest?.at.toISOString() ?? null };
});

/** Settings → Privacy: withdraw; the lifter's records not yet exported are deleted at once. */
export const withdrawTrainingConsentAction = authedAction(z.object({}), async (_input, { user }) => {
  const consent = await withdrawTrainingConsent(getDb(), user.id);
  revalidatePath("/settings", "layout");
  return { granted: consent.granted, deletedRecords: consent.deletedRecords, at: consent.latest?.at.toISOString() ?? null };
});
