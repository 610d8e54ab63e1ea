import { PERSONA_VOICES, type VoiceSettings } from "@/lib/speech/voices";
import type { CuePersonaId } from "./types";

export interface CuePersona {
  id: CuePersonaId;
  name: string;
  /** 0–1 traits the templates and the model prompt follow. */
  enthusiasm: number;
  supportiveness: number;
  directness: number;
  voice: VoiceSettings;
  /** How this persona answers, in the model prompt and as the templates' style guide. */
  patterns: string[];
}

export const CUE_PERSONAS: Record<CuePersonaId, CuePersona> = {
  alice: {
    id: "alice",
    name: "Alice",
    enthusiasm: 0.8,
    supportiveness: 0.9,
    directness: 0.45,
    voice: PERSONA_VOICES.alice.settings,
    patterns: [
      "Names the number from last time, then invites the next step.",
      "Celebrates a record warmly and says what it beat.",
      "Turns a hard set into reassurance, never guilt.",
      "Reminds about form with a single concrete cue.",
      "Closes with a short, warm sign-off that uses the lifter's name when known.",
    ],
  },
  aiden: {
    id: "aiden",
    name: "Aiden",
    enthusiasm: 0.6,
    supportiveness: 0.5,
    directness: 0.9,
    voice: PERSONA_VOICES.aiden.settings,
    patterns: [
      "States the target as an instruction: weight, reps, go.",
      "Reports a record as a fact: new number, old number.",
      "Calls effort drift plainly and says what to do about it.",
      "Gives one technical form cue, no padding.",
      "Ends with the numbers of the session, nothing else.",
    ],
  },
};

/** The coach's persona picks a voice when the lifter hasn't: direct, brief coaches sound like Aiden. */
export function personaForCoach(traits: { directness: number; supportiveness: number } | null | undefined): CuePersonaId {
  if (!traits) return "alice";
  return traits.directness >= 0.65 && traits.directness >= traits.supportiveness ? "aiden" : "alice";
}
