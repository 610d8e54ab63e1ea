"use client";

import { useCallback, useRef } from "react";
import { toast } from "sonner";
import type { CueTrigger } from "@/lib/cues/types";

/** A moment of the stored workout; the server builds the cue's facts from it (POST /api/live/cues). */
export interface CueEvent {
  workoutId: string;
  trigger: CueTrigger;
  exerciseKey?: string;
  setKey?: string;
  painReported?: boolean;
}

export interface LiveCueAnswer {
  id: string;
  trigger: CueTrigger;
  kind: string;
  text: string;
  toast: string;
  voice: boolean;
}

/**
 * Cues for the live screen: text (and, on Pro, voice through the voice engineer's player once it
 * is wired in) for a moment of the workout. Without the player the cue shows as a toast. A moment
 * that has passed or whose conditions do not hold (409 cue_not_due) shows nothing.
 */
export function useLiveCues() {
  const lastCue = useRef<LiveCueAnswer | null>(null);
  const ask = useCallback(async (event: CueEvent): Promise<LiveCueAnswer | null> => {
    let res: Response;
    try {
      res = await fetch("/api/live/cues", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(event) });
    } catch {
      return null; // offline: the workout goes on without cues
    }
    const body = (await res.json().catch(() => null)) as (LiveCueAnswer & { error?: string; code?: string }) | null;
    if (!res.ok || !body) {
      if (res.status === 429 && body?.error) toast.warning(body.error);
      return null;
    }
    lastCue.current = body;
    toast(body.toast, { description: body.text, id: `cue-${body.id}` });
    return body;
  }, []);
  return { ask, lastCue };
}
