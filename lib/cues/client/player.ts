import { CueQueue, type QueuedCue } from "@/lib/cues/queue";
import { CueApiError, type CueApi } from "./api";
import { beepWav } from "./beep";
import type { ClipStore } from "./clip-store";
import type { Clip, CueAsk, CueReply, LiveCue } from "./types";

/**
 * The browser half of live-workout speech, without React or the DOM (components/live/voice/
 * use-cue-player.ts wires it to one <audio> element, IndexedDB, sonner and the Media Session).
 *
 * play(request): the cue comes from POST /api/live/cues (or from an identical prefetch), waits its
 * turn in a CueQueue (one at a time, priority rest-end > PR > form > pace, dropped when its phase
 * ends or after 20 s), shows its toast and reports it shown (the claim that counts a prefetched
 * cue against the allowance), then plays its clip — from IndexedDB when one of the last
 * 10 clips, else GET cue.audio.url — and reports played + playback-start ms (from the play() call,
 * i.e. the tap that completed the set) with PATCH /api/live/cues/:id. Without voice in the plan
 * (Free) or after a 402 it beeps instead, and says once where to upgrade.
 */

/** The one <audio> element. */
export interface AudioOutput {
  /** Resolves once the clip is playing; `ended` runs once when it ends or fails after starting. */
  play(clip: Clip, ended: () => void): Promise<void>;
  /** Stops playback at once; `ended` of the stopped clip is not called. */
  stop(): void;
}

interface CueNotifier {
  /** A cue's turn came: show its toast (every plan; the voice adds to it). */
  cue(cue: LiveCue): void;
  /** A refusal with the server's message: a cue or speech allowance used up (429), or another error. */
  refused(message: string): void;
  /** Speech is not in the plan (402): say so once, with the link. */
  upgrade(message: string, url: string): void;
}

export interface CuePlayerDeps {
  api: CueApi;
  store: ClipStore;
  output: AudioOutput;
  notify: CueNotifier;
  /** Partitions the clip store: one user's clips never play for another on a shared device. */
  user: string;
  now?: () => number;
}

export type PlayOutcome =
  | { status: "queued"; cue: LiveCue }
  /** The phase ended while the cue was being written: dropped, never shown. */
  | { status: "stale"; cue: LiveCue }
  | { status: "refused"; error: CueApiError }
  | { status: "failed"; error: unknown };

interface Item extends QueuedCue {
  cue: LiveCue;
  clip: Clip | null;
  /** When play() was called — playback start is reported relative to it. */
  requestedAt: number;
  repeat: boolean;
}

interface Prefetched {
  cue: LiveCue;
  clip: Clip | null;
}

/** Same request, same key — however its object keys are ordered. */
export function requestKey(req: CueAsk): string {
  const norm = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(norm)
      : v && typeof v === "object"
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
              .map((k) => [k, norm((v as Record<string, unknown>)[k])]),
          )
        : v;
  return JSON.stringify(norm(req));
}

/** How many prefetched cues are kept waiting for their moment (the oldest is forgotten first). */
const MAX_PREFETCHED = 4;
/** As many clip keys as the browser's clip store keeps (IndexedDB: 10 per user). */
const MAX_KEPT_KEYS = 10;

/** A clip that came inside a save's answer (base64) as bytes. */
function inlineClip(c: NonNullable<LiveCue["clip"]>): Clip {
  const bin = atob(c.base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return { bytes: bytes.buffer, mime: c.mime };
}

export class CuePlayerCore {
  private readonly queue = new CueQueue<Item>();
  private readonly prefetched = new Map<string, Promise<Prefetched>>();
  private readonly now: () => number;
  private readonly beep = beepWav();
  private phase: string | null = null;
  private voiceRefused = false;
  private readonly told = new Set<string>();
  private last: Item | null = null;
  private seq = 0;
  /** Keys of clips this page put into or found in the store, newest last. */
  private readonly kept: string[] = [];

  constructor(
    private readonly deps: CuePlayerDeps,
    private voiceEnabled: boolean,
  ) {
    this.now = deps.now ?? (() => Date.now());
  }

  /** Voice on/off (the Media Session play/pause). Off stops a clip that is playing; toasts go on. */
  setVoiceEnabled(on: boolean): void {
    this.voiceEnabled = on;
    const cur = this.queue.current;
    if (!on && cur) {
      this.deps.output.stop();
      this.finish(cur);
    }
  }

  /**
   * The workout moved on (e.g. "set:<id>" → "rest:<id>"): cues of the old phase are dropped, and one
   * that is playing stops — no set-start cue after the set ended.
   */
  setPhase(phase: string): void {
    this.phase = phase;
    this.queue.setPhase(phase);
    const cur = this.queue.current;
    if (cur && cur.phase !== phase) {
      this.deps.output.stop();
      this.finish(cur);
    }
  }

  /**
   * Writes (and, with voice, fetches the audio of) a cue ahead of its moment — e.g. the set-end cue
   * with the prefilled weight and reps while the set is under way. A later play() with an equal
   * request uses it; a different request (other reps, a PR) asks afresh.
   */
  prefetch(req: CueAsk): void {
    const key = requestKey(req);
    if (this.prefetched.has(key)) return;
    const job = (async (): Promise<Prefetched> => {
      // Marked so the server counts it against the allowance only once it is shown (the claim in pump()).
      const cue = await this.deps.api.create({ ...req, prefetch: true });
      const clip = this.speaks(cue) ? await this.clipFor(cue).catch(() => null) : null;
      return { cue, clip };
    })();
    job.catch(() => {}); // a failed prefetch is retried by play()
    this.prefetched.set(key, job);
    while (this.prefetched.size > MAX_PREFETCHED) this.prefetched.delete(this.prefetched.keys().next().value!);
  }

  /**
   * A cue for this moment. `phase` defaults to the current one. `ready`: the cue is already on its way
   * in a save's answer (PATCH /api/live/workout with `cue`) — no request of its own; null means none.
   * Resolves once the cue is queued (or not).
   */
  async play(req: CueAsk, opts: { phase?: string; ready?: Promise<CueReply | null> } = {}): Promise<PlayOutcome> {
    const requestedAt = this.now();
    const phase = opts.phase ?? this.phase ?? "workout";
    const key = requestKey(req);
    const early = this.prefetched.get(key);
    this.prefetched.delete(key);
    let got: Prefetched;
    try {
      got = opts.ready
        ? await this.fromReply(opts.ready)
        : (early && (await early.catch(() => null))) || { cue: await this.deps.api.create(req), clip: null };
    } catch (error) {
      if (error instanceof CueApiError) {
        this.deps.notify.refused(error.message);
        return { status: "refused", error };
      }
      return { status: "failed", error };
    }
    const item: Item = {
      id: got.cue.id,
      kind: got.cue.kind,
      phase,
      createdAt: requestedAt,
      cue: got.cue,
      clip: got.clip,
      requestedAt,
      repeat: false,
    };
    if (!this.queue.offer(item)) return { status: "stale", cue: got.cue };
    void this.pump();
    return { status: "queued", cue: got.cue };
  }

  /** The clip keys this page keeps (sent with a save's cue ask, so the answer skips clips the browser has). */
  keptClips(): string[] {
    return [...this.kept];
  }

  private async fromReply(ready: Promise<CueReply | null>): Promise<Prefetched> {
    const reply = await ready.catch(() => null);
    if (!reply) throw new Error("The save carried no cue.");
    if ("cueError" in reply) {
      const r = reply.cueError;
      throw new CueApiError(r.error, r.status, r.code, r.upgradeUrl ?? null);
    }
    const { clip: inline, ...cue } = reply.cue;
    if (!inline || !cue.audio) return { cue, clip: null };
    const clip = inlineClip(inline);
    this.keep(cue.audio.key);
    // Kept for later without holding up this play (an IndexedDB write of the clip takes a while).
    void this.deps.store.put(this.deps.user, cue.audio.key, clip).catch(() => {});
    return { cue, clip };
  }

  private keep(key: string): void {
    const i = this.kept.indexOf(key);
    if (i >= 0) this.kept.splice(i, 1);
    this.kept.push(key);
    if (this.kept.length > MAX_KEPT_KEYS) this.kept.shift();
  }

  /** Says the last cue again (Media Session previoustrack); false when there is none. */
  repeatLast(): boolean {
    const last = this.last;
    if (!last) return false;
    const t = this.now();
    const again: Item = { ...last, id: `${last.id}#${++this.seq}`, phase: this.phase ?? last.phase, createdAt: t, requestedAt: t, repeat: true };
    if (!this.queue.offer(again)) return false;
    void this.pump();
    return true;
  }

  /** A beep through the same element (e.g. rest end without voice), unless a cue is playing. */
  beepNow(): boolean {
    if (this.queue.current) return false;
    this.deps.output.play(this.beep, () => {}).catch(() => {});
    return true;
  }

  /** Thumbs up (1) / down (-1) / cleared (null) on a cue. */
  async feedback(cueId: string, value: 1 | -1 | null): Promise<void> {
    await this.deps.api.update(cueId, { feedback: value });
  }

  get lastCue(): LiveCue | null {
    return this.last?.cue ?? null;
  }

  get playing(): LiveCue | null {
    return this.queue.current?.cue ?? null;
  }

  /** The plan has voice, the lifter has it on, and the server has not refused it. */
  private speaks(cue: LiveCue): boolean {
    return this.voiceEnabled && !this.voiceRefused && cue.audio !== null;
  }

  private async clipFor(cue: LiveCue): Promise<Clip> {
    const { url, key } = cue.audio!;
    const kept = await this.deps.store.get(this.deps.user, key).catch(() => null);
    if (kept) {
      this.keep(key);
      return kept;
    }
    const got = await this.deps.api.audio(url);
    const clip = { bytes: got.bytes, mime: got.mime };
    // A fallback voice's clip is not kept under the configured engine's key.
    if (got.key === null || got.key === key) {
      this.keep(key);
      void this.deps.store.put(this.deps.user, key, clip).catch(() => {});
    }
    return clip;
  }

  private refusedAudio(error: unknown): void {
    if (!(error instanceof CueApiError)) return;
    if (error.status === 402) {
      this.voiceRefused = true;
      if (!this.told.has("402")) this.deps.notify.upgrade(error.message, error.upgradeUrl ?? "/pricing");
      this.told.add("402");
    } else if (!this.told.has(error.message)) {
      this.told.add(error.message);
      this.deps.notify.refused(error.message);
    }
  }

  private async pump(): Promise<void> {
    const item = this.queue.next(this.now());
    if (!item) return;
    const { cue } = item;
    this.deps.notify.cue(cue);
    // The claim: a prefetched cue is counted against the hourly allowance only once surfaced.
    if (!item.repeat) this.deps.api.update(cue.id, { shown: true }).catch(() => {});
    const wanted = this.speaks(cue);
    let clip: Clip | null = null;
    if (wanted) {
      try {
        clip = item.clip ?? (await this.clipFor(cue));
      } catch (error) {
        this.refusedAudio(error);
      }
      if (this.queue.current !== item) return; // its phase ended while the audio was on its way
    }
    this.last = { ...item, clip };
    // Free (no voice in the plan), a 402, or audio that failed: a beep. Sound switched off: the toast alone.
    const sound = clip ?? (this.voiceEnabled ? this.beep : null);
    if (!sound) return this.finish(item);
    try {
      await this.deps.output.play(sound, () => this.finish(item));
    } catch {
      return this.finish(item);
    }
    if (clip && !item.repeat) {
      const playbackStartMs = Math.max(0, Math.round(this.now() - item.requestedAt));
      this.deps.api.update(cue.id, { played: true, playbackStartMs }).catch(() => {});
    }
  }

  private finish(item: Item): void {
    if (this.queue.current !== item) return;
    this.queue.finished();
    void this.pump();
  }
}
