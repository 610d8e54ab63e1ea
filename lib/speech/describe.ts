import { env, type Env } from "@/lib/config/env";
import type { DescribeService } from "@/lib/services/description";
import { ELEVENLABS_MODEL } from "./voices";

export type SpeechEngineId = "elevenlabs" | "flite";

export function speechEngineId(e: Pick<Env, "ELEVENLABS_API_KEY">): SpeechEngineId {
  return e.ELEVENLABS_API_KEY ? "elevenlabs" : "flite";
}

/** The speech seam for the services footer (no key, no voice ids). */
export const describeSpeech: DescribeService = (e: Env = env()) => {
  const detail = "Spoken cues in live workout mode (Pro); operators can try the voices with npm run admin -- voice say";
  if (speechEngineId(e) === "elevenlabs") {
    return {
      service: "speech",
      title: "Voice",
      id: "elevenlabs",
      label: `ElevenLabs ${ELEVENLABS_MODEL} (embedded voices as fallback)`,
      mode: "external",
      detail,
    };
  }
  return { service: "speech", title: "Voice", id: "flite", label: "Embedded voices (Flite)", mode: "embedded", detail };
};
