import { KIND_PRIORITY, type CueKind } from "./types";

/**
 * One cue at a time. A cue belongs to a phase of the workout (e.g. "rest:<set>" or
 * "set:<id>"); when the phase moves on, cues for the old phase are stale and dropped.
 * Of the waiting cues the highest priority plays next (rest-end > PR > form > pace), ties
 * newest first; a cue older than maxAgeMs is dropped too.
 */
export interface QueuedCue {
  id: string;
  kind: CueKind;
  phase: string;
  createdAt: number;
}

export class CueQueue<T extends QueuedCue> {
  private waiting: T[] = [];
  private playing: T | null = null;
  private phase: string | null = null;

  constructor(private readonly maxAgeMs = 20_000) {}

  setPhase(phase: string): T[] {
    this.phase = phase;
    const stale = this.waiting.filter((c) => c.phase !== phase);
    this.waiting = this.waiting.filter((c) => c.phase === phase);
    return stale;
  }

  /** false when the cue is already stale on arrival. */
  offer(cue: T): boolean {
    if (this.phase !== null && cue.phase !== this.phase) return false;
    this.waiting.push(cue);
    return true;
  }

  /** The cue to play now, or null (something is playing, or nothing fresh is waiting). */
  next(now = Date.now()): T | null {
    if (this.playing) return null;
    this.waiting = this.waiting.filter((c) => now - c.createdAt <= this.maxAgeMs && (this.phase === null || c.phase === this.phase));
    if (!this.waiting.length) return null;
    this.waiting.sort((a, b) => KIND_PRIORITY[b.kind] - KIND_PRIORITY[a.kind] || b.createdAt - a.createdAt);
    const cue = this.waiting.shift()!;
    // Anything lower than what we play now would be old news by the time it ended.
    this.waiting = this.waiting.filter((c) => KIND_PRIORITY[c.kind] >= KIND_PRIORITY[cue.kind]);
    this.playing = cue;
    return cue;
  }

  /** The playing cue ended (or failed); returns it. */
  finished(): T | null {
    const p = this.playing;
    this.playing = null;
    return p;
  }

  get current(): T | null {
    return this.playing;
  }

  get pending(): readonly T[] {
    return this.waiting;
  }
}
