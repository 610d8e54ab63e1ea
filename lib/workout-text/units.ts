import { storedKg, type Unit } from "@/lib/units";

/** Unit words as typed in free text; stored weights are kg rounded to 0.01 (numeric(7,2)). */
export type WeightUnit = Unit;

export function unitFromWord(word: string | undefined | null, fallback: WeightUnit): WeightUnit {
  if (!word) return fallback;
  return /^(lb|lbs|pound|pounds|#)$/i.test(word.trim()) ? "lb" : "kg";
}

export function weightToKg(value: number, unit: WeightUnit): number {
  return storedKg(value, unit);
}

export function distanceToMeters(value: number, unit: string): number {
  const u = unit.toLowerCase();
  if (u === "k" || u.startsWith("km") || u.startsWith("kilomet")) return Math.round(value * 1000);
  if (u.startsWith("mi")) return Math.round(value * 1609.344);
  return Math.round(value);
}

/** "25:30" → 1530, "1:05:00" → 3900, "25 min" → 1500, "1h" → 3600. */
export function durationToSeconds(text: string): number | null {
  const t = text.trim().toLowerCase();
  let m = t.match(/^(\d{1,2}):(\d{2}):(\d{2})$/);
  if (m) return Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]);
  m = t.match(/^(\d{1,3}):(\d{2})$/);
  if (m) return Number(m[1]) * 60 + Number(m[2]);
  m = t.match(/^(\d+(?:\.\d+)?)\s*(h|hr|hrs|hours?)$/);
  if (m) return Math.round(Number(m[1]) * 3600);
  m = t.match(/^(\d+(?:\.\d+)?)\s*(m|min|mins|minutes?)$/);
  if (m) return Math.round(Number(m[1]) * 60);
  m = t.match(/^(\d+)\s*(s|sec|secs|seconds?)$/);
  if (m) return Number(m[1]);
  return null;
}
