import { z } from "zod";
import { getDb } from "@/db/client";
import { userRoute } from "@/lib/api/route";
import { updateCue } from "@/lib/live/cues-service";
import { cueUpdateSchema } from "@/lib/live/schemas";

export const dynamic = "force-dynamic";

/** PATCH /api/live/cues/:id — shown (the claim that counts a prefetched cue), played, playback start time, thumbs up/down. */
export const PATCH = userRoute(
  { name: "live/cues/[id]", params: z.object({ id: z.uuid() }), input: cueUpdateSchema, notFound: "This cue does not exist." },
  async ({ user, params, input }) => {
    await updateCue(getDb(), user.id, params.id, input);
    return { ok: true };
  },
);
