import { z } from "zod";
import { getDb } from "@/db/client";
import { userRoute } from "@/lib/api/route";
import { cueAudio } from "@/lib/live/cues-service";

export const dynamic = "force-dynamic";

/**
 * GET /api/live/cues/:id/audio — the cue spoken by its persona. Pro and up (402 otherwise); only the
 * cue's owner (404 otherwise). x-speech-key names the clip, under which the browser keeps it.
 */
export const GET = userRoute(
  { name: "live/cues/[id]/audio", params: z.object({ id: z.uuid() }), notFound: "This cue does not exist." },
  async ({ user, params }) => {
    const audio = await cueAudio(getDb(), user.id, params.id);
    return new Response(new Uint8Array(audio.audio), {
      headers: {
        "content-type": audio.mime,
        "content-length": String(audio.audio.length),
        // A cue's words never change, so neither does its audio: the browser may keep it (private: per user).
        "cache-control": "private, max-age=2592000, immutable",
        etag: `"${audio.key}"`,
        "x-speech-key": audio.key,
        "x-speech-engine": audio.engine,
        "x-speech-cached": audio.cached ? "1" : "0",
      },
    });
  },
);
