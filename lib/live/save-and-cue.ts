import "server-only";
import { z } from "zod";
import type { Db } from "@/db/client";
import type { CueReply, CueReplyFields } from "@/lib/cues/client/types";
import { isUserError } from "@/lib/errors/user-error";
import { logError } from "@/lib/log/redact";
import { buildLiveCue, liveCueEventSchema } from "./cue-facts";
import { createCue, inlineCachedClip } from "./cues-service";
import { queuedOpsSchema } from "./op-log";
import { viewOf, type LiveView } from "./service";
import { saveLiveOps, type LiveWorkout } from "./workout";

/**
 * PATCH /api/live/workout. `cue` asks for the cue of the moment the save creates (the set-end cue of
 * the set it completes) in the same answer — one round trip instead of save, cue, clip. `withLast`
 * asks for last time's sets again (the screen holds them; they change only with the exercise list).
 */
export const liveSaveSchema = z
  .object({
    workoutId: z.uuid(),
    version: z.number().int().min(1),
    ops: queuedOpsSchema,
    withLast: z.boolean().optional(),
    cue: liveCueEventSchema
      .omit({ workoutId: true })
      .extend({
        haveClips: z
          .array(z.string().regex(/^[0-9a-f]{64}$/))
          .max(10)
          .optional(),
      })
      .optional(),
  })
  .strict();
type LiveSave = z.output<typeof liveSaveSchema>;

export type LiveSaveAnswer = Omit<LiveView, "last"> & { last?: LiveView["last"] } & CueReplyFields;

/** The cue as data: a refusal (over the allowance, the moment passed) never fails the save that went through. */
async function cueReply(db: Db, userId: string, workout: LiveWorkout, ask: NonNullable<LiveSave["cue"]>): Promise<CueReply> {
  const { haveClips, ...moment } = ask;
  try {
    const cue = await createCue(db, userId, await buildLiveCue(db, userId, { ...moment, workoutId: workout.id }, new Date(), workout));
    return { cue: await inlineCachedClip(db, userId, cue, haveClips) };
  } catch (error) {
    if (isUserError(error)) {
      const upgradeUrl = typeof error.details?.upgradeUrl === "string" ? error.details.upgradeUrl : undefined;
      return { cueError: { error: error.message, code: error.code, status: error.status, ...(upgradeUrl ? { upgradeUrl } : {}) } };
    }
    logError("[live] the cue after a save failed", error, { stack: true });
    return { cueError: { error: "The cue could not be written.", code: "internal", status: 500 } };
  }
}

export async function saveAndCue(db: Db, userId: string, input: LiveSave): Promise<LiveSaveAnswer> {
  const workout = await saveLiveOps(db, userId, input);
  const needLast = input.withLast || input.ops.some((q) => q.op.op === "addExercise");
  const view: LiveSaveAnswer = needLast ? await viewOf(db, userId, workout) : { workout };
  return input.cue ? { ...view, ...(await cueReply(db, userId, workout, input.cue)) } : view;
}
