import type { SetType } from "@/db/tables/training";
import { roundTo } from "@/lib/units";
import type { Unit } from "./types";

export const METERS_PER_MILE = 1609.344;

/** Thrown by the value parsers; the message becomes the skip reason. */
export class BadValue extends Error {}

/**
 * A number cell: "" → null; "12.5", "13.0", "1.1368683772161603e-13" (float noise), "12,5"
 * (decimal comma in semicolon exports). Anything else → BadValue naming the column.
 */
export function parseNumber(raw: string | undefined, column: string): number | null {
  if (raw === undefined || raw === "") return null;
  let n = Number(raw); // tolerates surrounding spaces; "" and "  " give 0, handled below
  if (!Number.isFinite(n) || isPrefixedInteger(raw)) {
    const s = raw.trim();
    if (/^-?\d+,\d+$/.test(s)) n = Number(s.replace(",", "."));
    else throw new BadValue(`${column} "${raw}" is not a number`);
  } else if (n === 0 && raw.trim() === "") return null;
  return n;
}

/** "0x1A", "0b1", "0o7": Number() accepts them, a spreadsheet cell never means them. */
function isPrefixedInteger(s: string): boolean {
  const i = s.charCodeAt(0) === 48 ? 1 : s.charCodeAt(0) <= 32 ? s.search(/\S/) + 1 : -1;
  if (i <= 0 || i >= s.length) return false;
  const c = s.charCodeAt(i) | 32;
  return s.charCodeAt(i - 1) === 48 && (c === 120 || c === 98 || c === 111);
}

/** "kg", "kgs", "lb", "lbs", "pounds" … → Unit, else null. */
export function weightUnitOf(raw: string): Unit | null {
  const s = raw.trim().toLowerCase();
  if (s === "kg" || s === "kgs" || s === "kilograms" || s === "kilogram") return "kg";
  if (s === "lb" || s === "lbs" || s === "pounds" || s === "pound") return "lb";
  return null;
}

export type DistanceUnit = "m" | "km" | "mi" | "ft" | "yd";
const METERS: Record<DistanceUnit, number> = { m: 1, km: 1000, mi: METERS_PER_MILE, ft: 0.3048, yd: 0.9144 };

export function distanceUnitOf(raw: string): DistanceUnit | null {
  const s = raw.trim().toLowerCase();
  if (s === "m" || s === "meters" || s === "metres" || s === "meter" || s === "metre") return "m";
  if (s === "km" || s === "kms" || s === "kilometers" || s === "kilometres") return "km";
  if (s === "mi" || s === "mile" || s === "miles") return "mi";
  if (s === "ft" || s === "feet" || s === "foot") return "ft";
  if (s === "yd" || s === "yds" || s === "yards" || s === "yard") return "yd";
  return null;
}

export function toMeters(value: number, unit: DistanceUnit): number {
  return roundTo(value * METERS[unit], 2);
}

/**
 * Workout/set durations: "49m", "1h 5m", "1h", "35s", "1h 5m 3s", "1:05:00", "05:00", or plain
 * seconds ("3600", "45.0"). "" → null; anything else → BadValue.
 */
export function parseDuration(raw: string | undefined, column: string): number | null {
  if (raw === undefined) return null;
  const s = raw.trim().toLowerCase();
  if (s === "") return null;
  if (/^\d+(\.\d+)?$/.test(s)) return Math.round(Number(s));
  let m = /^(?:(\d+)\s*h)?\s*(?:(\d+)\s*m(?:in)?)?\s*(?:(\d+)\s*s)?$/.exec(s);
  if (m && (m[1] || m[2] || m[3])) return +(m[1] ?? 0) * 3600 + +(m[2] ?? 0) * 60 + +(m[3] ?? 0);
  m = /^(?:(\d+):)?(\d{1,2}):(\d{2})$/.exec(s);
  if (m) return +(m[1] ?? 0) * 3600 + +m[2] * 60 + +m[3];
  throw new BadValue(`${column} "${raw}" is not a duration`);
}

const strongSetTypes = new Map<string, SetType | null>();

/** Strong's Set Order: a number, or W / F / D. Null for anything else (e.g. "Rest Timer", "Note"). */
export function strongSetType(raw: string): SetType | null {
  let t = strongSetTypes.get(raw);
  if (t === undefined) {
    t = readStrongSetType(raw);
    if (strongSetTypes.size < 1000) strongSetTypes.set(raw, t);
  }
  return t;
}

function readStrongSetType(raw: string): SetType | null {
  const s = raw.trim().toUpperCase();
  if (/^\d+(\.0+)?$/.test(s)) return "normal";
  if (s === "W") return "warmup";
  if (s === "F") return "failure";
  if (s === "D") return "drop";
  return null;
}

/** Hevy's set_type. Null for an unknown value. */
export function hevySetType(raw: string): SetType | null {
  const s = raw.trim().toLowerCase();
  if (s === "normal" || s === "") return "normal";
  if (s === "warmup" || s === "warm_up" || s === "warm-up") return "warmup";
  if (s === "failure") return "failure";
  if (s === "dropset" || s === "drop" || s === "drop_set") return "drop";
  return null;
}

export function cleanText(raw: string | undefined, max: number): string | null {
  if (raw === undefined || raw === "") return null;
  const s = raw.replace(/\r\n?/g, "\n").trim();
  if (s === "") return null;
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
