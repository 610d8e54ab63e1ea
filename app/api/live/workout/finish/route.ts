import { z } from "zod";
import { getDb } from "@/db/client";
import { userRoute } from "@/lib/api/route";
import { finishLiveWorkout } from "@/lib/live/workout";

export const dynamic = "force-dynamic";

/** POST /api/live/workout/finish — the completed sets become a session (source live); answers the summary. */
export const POST = userRoute(
  {
    name: "live/workout/finish",
    input: z.object({ workoutId: z.uuid(), version: z.number().int().min(1) }).strict(),
    unauthenticated: "Sign in to use live workout mode.",
  },
  async ({ user, input }) => finishLiveWorkout(getDb(), user.id, input),
);
