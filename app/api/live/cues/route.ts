import { getDb } from "@/db/client";
import { userRoute } from "@/lib/api/route";
import { buildLiveCue, liveCueEventSchema } from "@/lib/live/cue-facts";
import { createCue } from "@/lib/live/cues-service";

export const dynamic = "force-dynamic";

/**
 * POST /api/live/cues — a grounded cue for a moment of the lifter's live workout (any plan; hourly
 * allowance). The request names the moment ({ workoutId, trigger, exerciseKey?, setKey? }); the
 * facts come from the stored workout, the history and the coach's rules — never from the client.
 * `prefetch: true`: written ahead, counted against the allowance only when the browser claims it.
 */
export const POST = userRoute(
  { name: "live/cues", input: liveCueEventSchema, unauthenticated: "Sign in to use live workout mode." },
  async ({ user, input }) => {
    const db = getDb();
    return createCue(db, user.id, await buildLiveCue(db, user.id, input), { prefetch: input.prefetch });
  },
);
