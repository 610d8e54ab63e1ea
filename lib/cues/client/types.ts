import type { Cue } from "@/lib/cues/types";

/** What POST /api/live/cues answers (lib/live/cues-service.ts builds it): the cue, recorded. */
export interface LiveCue extends Omit<Cue, "template"> {
  id: string;
  /** Whether this user's plan includes voice (Pro and up). */
  voice: boolean;
  /** Where the audio is (owner-checked, cacheable) and the clip's cache key; null without voice. */
  audio: { url: string; key: string } | null;
  /**
   * The clip itself, base64, when a save's answer carried the cue and the server cache already held
   * it (PATCH /api/live/workout with `cue`): the player starts it without another request.
   */
  clip?: { mime: string; base64: string };
}

/** A cue the save's answer carried, or why it could not be written (the save itself went through). */
export type CueReply = { cue: LiveCue } | { cueError: CueRefusal };

/** Why a cue was not written: the route's error answer, as data. */
interface CueRefusal {
  error: string;
  code: string;
  status: number;
  upgradeUrl?: string;
}

/** The cue fields of a save's answer. */
export interface CueReplyFields {
  cue?: LiveCue;
  cueError?: CueRefusal;
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
