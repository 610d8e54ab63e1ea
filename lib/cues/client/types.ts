import type { Cue } from "@/lib/cues/types";

/** What POST /api/live/cues answers (lib/live/cues-service.ts builds it): the cue, recorded. */
export interface LiveCue extends Omit<Cue, "template"> {
  id: string;
  /** Whether this user's plan includes voice (Pro and up). */
  voice: boolean;
  /** Where the audio is (owner-checked, cacheable) and the clip's cache key; null without voice. */
  audio: { url: string; key: string } | null;
}

/** Audio bytes as the browser plays and stores them. */
export interface Clip {
  bytes: ArrayBuffer;
  mime: string;
}

/**
 * The body of POST /api/live/cues as the player passes it through: the live screen's moment
 * ({ workoutId, trigger, exerciseKey?, setKey? } — the server builds the facts). The player only
 * compares asks (requestKey) and never looks inside.
 */
export type CueAsk = object;
