import { fromKg, roundWeight } from "@/lib/units";
import type { WeightUnit } from "./types";

const n2 = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2, useGrouping: false });
const n0 = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0, useGrouping: false });

/** A weight in the lifter's unit as cues write it ("102.5"); the same function feeds grounding. */
export function w(kg: number, unit: WeightUnit): string {
  return n2.format(roundWeight(fromKg(kg, unit)));
}

/** Whole-number totals (volume). */
export function whole(kgOrUnits: number): string {
  return n0.format(Math.round(kgOrUnits));
}

/** A volume in the lifter's unit as cues write it ("12450"); the same function feeds grounding. */
export function volume(kg: number, unit: WeightUnit): string {
  return whole(fromKg(kg, unit));
}

export function rpe(value: number): string {
  return n2.format(Math.round(value * 2) / 2);
}

export function words(text: string): number {
  return text.trim().split(/\s+/).filter(Boolean).length;
}

/** Exercise names shortened for speech: "Bench Press (Barbell)" → "Bench Press". */
export function shortExercise(name: string): string {
  const base = name
    .replace(/\s*\(.*?\)\s*/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return base.split(" ").slice(0, 3).join(" ");
}
