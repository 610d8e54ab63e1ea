"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { toast } from "sonner";
import { createCueApi } from "@/lib/cues/client/api";
import { beepWav } from "@/lib/cues/client/beep";
import { MemoryClipStore, type ClipStore } from "@/lib/cues/client/clip-store";
import { IndexedDbClipStore } from "@/lib/cues/client/indexeddb-store";
import { CuePlayerCore, type AudioOutput, type PlayOutcome } from "@/lib/cues/client/player";
import type { Clip, CueAsk, CueReply, LiveCue } from "@/lib/cues/client/types";

/**
 * The live screen's voice: `const player = useCuePlayer({ user, voiceEnabled })`, then render
 * `<audio ref={player.audioRef} preload="auto" />` once (a callback ref). See docs/live-workout.md ("Cue player").
 */
export interface CuePlayer {
  /** The one <audio> element every clip and beep plays through (Web Audio goes silent on a locked iPhone). */
  audioRef: (element: HTMLAudioElement | null) => void;
  /** Call inside a tap (Start workout): lets iOS Safari play later clips that start after a fetch. */
  unlock(): void;
  /**
   * A cue for this moment: toast always; voice (Pro, voice on), beep (Free) or nothing (sound off).
   * `ready`: the cue comes in a save's answer (sync.dispatchWithCue) instead of its own request.
   */
  play(req: CueAsk, opts?: { phase?: string; ready?: Promise<CueReply | null> }): Promise<PlayOutcome>;
  /** Keys of the clips this browser keeps, for a save's cue ask (the answer then skips those clips). */
  keptClips(): string[];
  /** Fetch the cue (and its audio) during the set; an identical play() request later starts at once. */
  prefetch(req: CueAsk): void;
  /** Drops cues of ended phases and stops a stale one that is playing ("set:<id>", "rest:<id>"). */
  setPhase(phase: string): void;
  /** Says the last cue again. */
  repeatLast(): boolean;
  /** A short beep through the same <audio> element (rest end without voice); skipped while a cue plays. */
  beep(): void;
  /** Thumbs up / down / cleared on a cue (PATCH /api/live/cues/:id). */
  feedback(cueId: string, value: 1 | -1 | null): Promise<void>;
  /** Lock screen / earbuds: metadata ("Bench · Set 3/5") and actions. Call again when the set changes. */
  setMediaSession(meta: { title: string; artist?: string }, actions: MediaActions): void;
  /** The cue heard (or shown) last, for thumbs up/down. */
  lastCue: LiveCue | null;
}

interface MediaActions {
  /** play / pause from the lock screen or an earbud tap: turn voice on / off. */
  onPlayPause?: () => void;
  /** nexttrack: complete the set, or skip the rest of the rest. */
  onNext?: () => void;
  /** previoustrack: defaults to repeating the last cue. */
  onPrevious?: () => void;
}

function elementOutput(): AudioOutput & { prime(): void; attach(a: HTMLAudioElement | null): void } {
  let element: HTMLAudioElement | null = null;
  const el = () => element;
  let objectUrl: string | null = null;
  let silent: string | null = null;
  const detach = (a: HTMLAudioElement) => {
    a.onended = null;
    a.onerror = null;
  };
  const source = (a: HTMLAudioElement, clip: Clip) => {
    if (objectUrl) URL.revokeObjectURL(objectUrl);
    objectUrl = URL.createObjectURL(new Blob([clip.bytes], { type: clip.mime }));
    a.src = objectUrl;
  };
  return {
    async play(clip, ended) {
      const a = el();
      if (!a) throw new Error("The cue player's <audio> element is not mounted.");
      detach(a);
      source(a, clip);
      let once = false;
      const end = () => {
        if (once) return;
        once = true;
        detach(a);
        ended();
      };
      a.onended = end;
      a.onerror = end;
      await a.play();
    },
    stop() {
      const a = el();
      if (!a) return;
      detach(a);
      a.pause();
    },
    attach(a) {
      element = a;
    },
    prime() {
      const a = el();
      if (!a || !a.paused) return;
      silent ??= URL.createObjectURL(new Blob([beepWav({ amplitude: 0, ms: 50 }).bytes], { type: "audio/wav" }));
      a.src = silent;
      a.play().catch(() => {});
    },
  };
}

function clipStore(): ClipStore {
  if (typeof indexedDB === "undefined") return new MemoryClipStore();
  const idb = new IndexedDbClipStore();
  const memory = new MemoryClipStore();
  // Private modes may refuse IndexedDB: keep the clips in memory then.
  return {
    get: (u, k) => idb.get(u, k).catch(() => memory.get(u, k)),
    put: (u, k, c) => idb.put(u, k, c).catch(() => memory.put(u, k, c)),
  };
}

export function useCuePlayer({ user, voiceEnabled }: { user: string; voiceEnabled: boolean }): CuePlayer {
  const [lastCue, setLastCue] = useState<LiveCue | null>(null);
  const [output] = useState(elementOutput);
  const audioRef = useCallback((a: HTMLAudioElement | null) => output.attach(a), [output]);
  const [core] = useState(
    () =>
      new CuePlayerCore(
        {
          api: createCueApi(),
          store: clipStore(),
          output,
          user,
          notify: {
            cue: (cue) => {
              setLastCue(cue);
              toast(cue.toast);
            },
            refused: (message) => toast.warning(message),
            upgrade: (message, url) =>
              toast.info(message, { duration: 10_000, action: { label: "See plans", onClick: () => window.location.assign(url) } }),
          },
        },
        voiceEnabled,
      ),
  );
  const unlocked = useRef(false);

  useEffect(() => core.setVoiceEnabled(voiceEnabled), [core, voiceEnabled]);

  const unlock = useCallback(() => {
    if (unlocked.current) return;
    unlocked.current = true;
    output.prime();
  }, [output]);

  const play = useCallback(
    (req: CueAsk, opts?: { phase?: string; ready?: Promise<CueReply | null> }) => {
      unlock(); // still inside the tap that completed the set, the first time
      return core.play(req, opts);
    },
    [core, unlock],
  );

  const setMediaSession = useCallback(
    (meta: { title: string; artist?: string }, actions: MediaActions) => {
      if (typeof navigator === "undefined" || !("mediaSession" in navigator)) return;
      const ms = navigator.mediaSession;
      ms.metadata = new MediaMetadata({ title: meta.title, artist: meta.artist ?? "Spotter", album: "Live workout" });
      const set = (action: MediaSessionAction, handler: (() => void) | undefined) => {
        try {
          ms.setActionHandler(action, handler ? () => handler() : null);
        } catch {
          // an action this browser does not know
        }
      };
      set("play", actions.onPlayPause);
      set("pause", actions.onPlayPause);
      set("nexttrack", actions.onNext);
      set("previoustrack", actions.onPrevious ?? (() => core.repeatLast()));
    },
    [core],
  );

  useEffect(
    () => () => {
      output.stop();
      if (typeof navigator !== "undefined" && "mediaSession" in navigator) navigator.mediaSession.metadata = null;
    },
    [output],
  );

  return useMemo(
    () => ({
      audioRef,
      unlock,
      play,
      keptClips: () => core.keptClips(),
      prefetch: (req: CueAsk) => core.prefetch(req),
      setPhase: (phase: string) => core.setPhase(phase),
      repeatLast: () => core.repeatLast(),
      beep: () => void core.beepNow(),
      feedback: (cueId: string, value: 1 | -1 | null) => core.feedback(cueId, value),
      setMediaSession,
      lastCue,
    }),
    [audioRef, core, unlock, play, setMediaSession, lastCue],
  );
}
