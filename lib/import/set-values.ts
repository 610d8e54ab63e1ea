import { roundTo } from "@/lib/units";
import { BadValue } from "./values";
import type { RowIssue } from "./types";

import { MAX_SET_REPS as MAX_REPS, MAX_WEIGHT_KG } from "@/lib/workouts/limits";
import type { SetMeasures } from "@/lib/workouts/constants";

/** Bounds of the exercise_sets table checks (db/tables/training.ts). */
const MAX_DURATION_S = 86_400;
const MAX_DISTANCE_M = 1_000_000;

export type { SetMeasures };

/**
 * Validates and normalises one set's numbers (already in kg / m / s). Apps write 0 for "not
 * entered", so zero time, distance and weight become null, and zero reps are kept only next to
 * a weight (a missed rep). Returns null when nothing at all was recorded (the row is skipped);
 * throws BadValue for an impossible value (the row is skipped with that reason). An RPE outside
 * 1–10 is dropped from the set and reported as a warning — the set itself is kept.
 */
export function normalizeMeasures(m: SetMeasures, line: number, warnings: RowIssue[]): SetMeasures | null {
  let { weightKg, reps, rpe, durationSeconds, distanceM } = m;
  if (weightKg !== null) {
    weightKg = roundTo(weightKg, 2);
    if (weightKg < 0 || weightKg > MAX_WEIGHT_KG) throw new BadValue(`weight ${weightKg} kg is outside 0–${MAX_WEIGHT_KG} kg`);
    if (weightKg === 0) weightKg = null;
  }
  if (reps !== null) {
    const r = roundTo(reps, 3);
    if (!Number.isInteger(r)) throw new BadValue(`reps "${reps}" is not a whole number`);
    if (r < 0 || r > MAX_REPS) throw new BadValue(`reps ${r} is outside 0–${MAX_REPS}`);
    reps = r === 0 && weightKg === null ? null : r;
  }
  if (durationSeconds !== null) {
    durationSeconds = Math.round(durationSeconds);
    if (durationSeconds < 0 || durationSeconds > MAX_DURATION_S) throw new BadValue(`time ${durationSeconds} s is outside 0–24 h`);
    if (durationSeconds === 0) durationSeconds = null;
  }
  if (distanceM !== null) {
    distanceM = roundTo(distanceM, 2);
    if (distanceM < 0 || distanceM > MAX_DISTANCE_M) throw new BadValue(`distance ${distanceM} m is outside 0–1000 km`);
    if (distanceM === 0) distanceM = null;
  }
  if (rpe !== null) {
    const r = roundTo(rpe, 1);
    if (r === 0) rpe = null;
    else if (r < 1 || r > 10) {
      warnings.push({ row: line, reason: `RPE ${rpe} is outside 1–10; the set was imported without an RPE` });
      rpe = null;
    } else rpe = r;
  }
  if (weightKg === null && reps === null && durationSeconds === null && distanceM === null) return null;
  return { weightKg, reps, rpe, durationSeconds, distanceM };
}

export const NOTHING_RECORDED = "nothing recorded (no weight, reps, time or distance)";
