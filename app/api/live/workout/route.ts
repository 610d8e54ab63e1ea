import { z } from "zod";
import { getDb } from "@/db/client";
import { userRoute } from "@/lib/api/route";
import { startFrom, viewOf } from "@/lib/live/service";
import { liveSaveSchema, saveAndCue } from "@/lib/live/save-and-cue";
import { discardLiveWorkout, getLiveWorkout, startSchema } from "@/lib/live/workout";

export const dynamic = "force-dynamic";

const unauthenticated = "Sign in to use live workout mode.";

/** GET /api/live/workout — the workout in progress (or null) and last time's sets per exercise. */
export const GET = userRoute({ name: "live/workout", unauthenticated }, async ({ user }) => {
  const db = getDb();
  return viewOf(db, user.id, await getLiveWorkout(db, user.id));
});

/** POST /api/live/workout — start one (empty, today's plan, repeat a session, a template). 409 when one is running. */
export const POST = userRoute({ name: "live/workout", input: z.object({ from: startSchema }).strict(), unauthenticated }, async ({ user, input }) => {
  const db = getDb();
  return viewOf(db, user.id, await startFrom(db, user.id, input.from));
});

/**
 * PATCH /api/live/workout — operations on the version the client edited; 409 with the current workout
 * on a mismatch. With `cue`, the answer carries the cue of the moment the save creates (and its clip
 * when cached); `last` comes back only with `withLast` or a new exercise.
 */
export const PATCH = userRoute({ name: "live/workout", input: liveSaveSchema, unauthenticated }, async ({ user, input }) =>
  saveAndCue(getDb(), user.id, input),
);

/** DELETE /api/live/workout — discard (the client asks first). */
export const DELETE = userRoute(
  { name: "live/workout", input: z.object({ workoutId: z.uuid() }).strict(), unauthenticated },
  async ({ user, input }) => {
    await discardLiveWorkout(getDb(), user.id, input.workoutId);
    return { ok: true };
  },
);
