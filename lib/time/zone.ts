/**
 * Wall clock ↔ instant in an IANA time zone, with Intl only (no date library). The one place the
 * app converts between the user's local time and UTC: imports, manual logging, chat logging and
 * the demo seed all go through it. Calendar arithmetic on "YYYY-MM-DD" strings lives in
 * ./calendar.ts, datetime-local strings in ./local.ts, display formats in ./format.ts.
 */

// Building an Intl formatter costs far more than using one: keep one per zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's wall clock at `instant`, expressed as UTC-based milliseconds (instant + offset, whole seconds). */
export function wallClockMs(instant: Date | number, timeZone: string): number {
  const p: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(instant)) {
    if (part.type !== "literal") p[part.type] = Number(part.value);
  }
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
}

/** Offset of `timeZone` from UTC at `instant`, in milliseconds. */
export function offsetMs(instant: Date | number, timeZone: string): number {
  const t = typeof instant === "number" ? instant : instant.getTime();
  return wallClockMs(t, timeZone) - Math.floor(t / 1000) * 1000;
}

const DAY_MS = 86_400_000;

/**
 * The instant at which the wall clock in `timeZone` shows the given local time (month 1-based), with
 * Temporal's "compatible" disambiguation: a time that occurs twice (clocks go back) resolves to the
 * earlier instant; a time skipped by a DST gap (clocks go forward) moves forward by the gap.
 */
export function wallClockToUtc(y: number, month: number, d: number, h: number, mi: number, s: number, timeZone: string): Date {
  const wall = Date.UTC(y, month - 1, d, h, mi, s);
  if (timeZone === "UTC" || timeZone === "Etc/UTC") return new Date(wall);
  const before = offsetMs(wall - DAY_MS, timeZone);
  const after = offsetMs(wall + DAY_MS, timeZone);
  // Same offset a day either side: no transition near this time (zones change at most twice a year).
  if (before === after) return new Date(wall - before);
  let best: number | null = null;
  for (const offset of [before, after]) {
    const t = wall - offset;
    if (offsetMs(t, timeZone) === offset && (best === null || t < best)) best = t;
  }
  // No offset reproduces the wall time: it falls in a gap; use the offset in force before it.
  return new Date(best ?? wall - before);
}

/** `timeZone` when it is a zone Intl knows, otherwise "UTC" (a stored profile zone can outlive its ICU name). */
export function zoneOrUtc(timeZone: string): string {
  return isValidTimeZone(timeZone) ? timeZone : "UTC";
}

/** "YYYY-MM-DD" of `instant` as seen in `timeZone` (UTC when the zone is unknown). */
export function localDate(instant: Date | number, timeZone: string): string {
  return new Date(wallClockMs(instant, zoneOrUtc(timeZone))).toISOString().slice(0, 10);
}

/** The instant at which the wall clock in `timeZone` shows `date` (YYYY-MM-DD) `hh:mm` (minutes may exceed 59). */
export function zonedTime(date: string, hh: number, mm: number, timeZone: string): Date {
  const [y, m, d] = date.split("-").map(Number);
  return wallClockToUtc(y, m, d, hh, mm, 0, zoneOrUtc(timeZone));
}
