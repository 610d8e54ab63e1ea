import { daysInMonth } from "@/lib/time/calendar";
import { wallClockToUtc } from "@/lib/time/zone";
import type { LocalDateTime } from "./types";

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*([ap])?\.?m?\.?)?$/i;
/** Hevy: "15 Sep 2025, 07:48" */
const DAY_MONTH = /^(\d{1,2}) ([a-z]{3,9})\.? (\d{4}),? (\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap])?\.?m?\.?$/i;
/** Hevy (US locale): "Sep 15, 2025, 7:48 AM" */
const MONTH_DAY = /^([a-z]{3,9})\.? (\d{1,2}),? (\d{4}),? (\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap])?\.?m?\.?$/i;

function monthNumber(name: string): number | undefined {
  const key = name.toLowerCase();
  return MONTHS[key] ?? MONTHS[key.slice(0, 3)];
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

function build(y: number, mo: number | undefined, d: number, h: number, mi: number, s: number, ampm?: string): LocalDateTime | null {
  if (!mo || mo > 12 || y < 1900 || y > 2200 || d < 1 || d > daysInMonth(y, mo) || mi > 59 || s > 59) return null;
  if (ampm) {
    if (h < 1 || h > 12) return null;
    const pm = ampm.toLowerCase() === "p";
    h = (h % 12) + (pm ? 12 : 0);
  } else if (h > 23) return null;
  return `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}`;
}

/**
 * Parses the date-time formats the supported apps write ("2025-01-30 12:34:56 pm",
 * "2025-01-30 12:34:56", "2025-01-30", "15 Sep 2025, 07:48", "Sep 15, 2025, 7:48 AM") into a
 * wall-clock LocalDateTime. Returns null for anything else, including impossible dates.
 */
export function parseLocalDateTime(input: string): LocalDateTime | null {
  const s = input.trim();
  let m = ISO.exec(s);
  if (m) return build(+m[1], +m[2], +m[3], m[4] ? +m[4] : 0, m[5] ? +m[5] : 0, m[6] ? +m[6] : 0, m[7]);
  m = DAY_MONTH.exec(s);
  if (m) return build(+m[3], monthNumber(m[2]), +m[1], +m[4], +m[5], m[6] ? +m[6] : 0, m[7]);
  m = MONTH_DAY.exec(s);
  if (m) return build(+m[3], monthNumber(m[1]), +m[2], +m[4], +m[5], m[6] ? +m[6] : 0, m[7]);
  return null;
}

/** Same as parseLocalDateTime, memoised: export files repeat the same timestamp on every row of a workout. */
export function createDateParser(): (input: string) => LocalDateTime | null {
  const cache = new Map<string, LocalDateTime | null>();
  return (input) => {
    let v = cache.get(input);
    if (v === undefined && !cache.has(input)) {
      v = parseLocalDateTime(input);
      cache.set(input, v);
    }
    return v ?? null;
  };
}

/** Wall-clock LocalDateTime in `timeZone` → the UTC instant (see lib/time/zone.ts for the DST rules). */
export function localToUtc(local: LocalDateTime, timeZone: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/.exec(local);
  if (!m) throw new Error(`not a local date-time: ${local}`);
  return wallClockToUtc(+m[1], +m[2], +m[3], +m[4], +m[5], +m[6], timeZone);
}
