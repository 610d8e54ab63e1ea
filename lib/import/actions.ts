"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { ActionError, authedAction } from "@/lib/actions/safe-action";
import { checkAllowance } from "@/lib/billing/allowance";
import { consumeRateLimit, minutesUntil } from "@/lib/security/rate-limit";
import { UNITS } from "@/lib/workouts/constants";
import { importMaxBytes, importWorkoutFile, type ImportResult } from "./index";

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
