import { getDb } from "@/db/client";
import { userRoute } from "@/lib/api/route";
import { createCue } from "@/lib/live/cues-service";
import { cueRequestSchema } from "@/lib/live/schemas";

export const dynamic = "force-dynamic";

/** POST /api/live/cues — a grounded cue for the lifter's live workout (any plan; hourly allowance). */
export const POST = userRoute(
  { name: "live/cues", input: cueRequestSchema, unauthenticated: "Sign in to use live workout mode." },
  async ({ user, input }) => createCue(getDb(), user.id, input),
);
