import type { CueFacts, CueTrigger, SetFact } from "./types";

/**
 * When each trigger fires. Pure functions of what just happened in the live workout, so the
 * screen and the tests agree on exactly when a cue is due.
 */
export type LiveEvent =
  | { type: "workout-start"; liveWorkoutsBefore: number }
  | { type: "set-start"; afterRest: boolean }
  | { type: "set-complete"; done: SetFact; previous: SetFact | null; lastTime: SetFact | null; pr: boolean; painReported?: boolean }
  | { type: "rest-tick"; elapsedSeconds: number; targetSeconds: number; alreadyNudged: boolean }
  | { type: "workout-finish"; sets: number };

/** A rest this much longer than planned earns a nudge (once per rest). */
export const LONG_REST_FACTOR = 2;

export function strainFor(e: Extract<LiveEvent, { type: "set-complete" }>): CueFacts["strain"] {
  const { done, previous, lastTime } = e;
  if (done.rpe != null && previous?.rpe != null && done.rpe - previous.rpe >= 1 && done.rpe >= 8.5) {
    return { reason: "rpe-rising", from: previous.rpe, to: done.rpe };
  }
  if (done.reps != null && lastTime?.reps != null && lastTime.reps - done.reps >= 2 && (done.weightKg ?? 0) <= (lastTime.weightKg ?? 0)) {
    return { reason: "reps-falling", from: lastTime.reps, to: done.reps };
  }
  return null;
}

export function triggersFor(e: LiveEvent): { trigger: CueTrigger; strain?: CueFacts["strain"] }[] {
  switch (e.type) {
    case "workout-start":
      return [{ trigger: e.liveWorkoutsBefore === 0 ? "onboarding" : "pre-start" }];
    case "set-start":
      return e.afterRest ? [{ trigger: "set-start" }] : [];
    case "set-complete": {
      const out: { trigger: CueTrigger; strain?: CueFacts["strain"] }[] = [{ trigger: "set-end" }];
      const strain = strainFor(e);
      if (e.painReported || (strain && !e.pr)) out.push({ trigger: "strainsync", strain });
      return out;
    }
    case "rest-tick": {
      const long = e.targetSeconds > 0 && e.elapsedSeconds >= e.targetSeconds * LONG_REST_FACTOR;
      return long && !e.alreadyNudged
        ? [{ trigger: "strainsync", strain: { reason: "long-rest", from: e.targetSeconds, to: Math.round(e.elapsedSeconds) } }]
        : [];
    }
    case "workout-finish":
      return e.sets > 0 ? [{ trigger: "workout-end" }] : [];
  }
}
