import { z } from "zod";
import { getDb } from "@/db/client";
import { userRoute } from "@/lib/api/route";
import { cueAudio } from "@/lib/live/cues-service";

export const dynamic = "force-dynamic";

/** GET /api/live/cues/:id/audio — the cue spoken by its persona. Pro and up (402 otherwise). */
export const GET = userRoute(
  { name: "live/cues/[id]/audio", params: z.object({ id: z.uuid() }), notFound: "This cue does not exist." },
  async ({ user, params }) => {
    const audio = await cueAudio(getDb(), user.id, params.id);
    return new Response(new Uint8Array(audio.audio), {
      headers: {
        "content-type": audio.mime,
        "content-length": String(audio.audio.length),
        "cache-control": "private, max-age=86400",
        "x-speech-engine": audio.engine,
        "x-speech-cached": audio.cached ? "1" : "0",
      },
    });
  },
);
