/**
 * "YYYY-MM-DDTHH:mm" strings (what <input type="datetime-local"> edits) in the user's profile zone
 * ↔ instants (what the database stores as timestamptz).
 */
import { wallClockMs, wallClockToUtc } from "./zone";

const LOCAL_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * "2026-03-29T02:30" in Europe/Berlin → the instant. Times that do not exist (spring-forward
 * gap) move forward by the gap, ambiguous ones (fall-back) take the earlier instant.
 */
export function zonedLocalToUtc(local: string, timeZone: string): Date {
  const m = LOCAL_RE.exec(local);
  if (!m) throw new RangeError(`Not a local date-time: ${local}`);
  return wallClockToUtc(+m[1], +m[2], +m[3], +m[4], +m[5], 0, timeZone);
}

/** The instant as "YYYY-MM-DDTHH:mm" on the zone's wall clock (for datetime-local inputs). */
export function utcToZonedLocal(date: Date, timeZone: string): string {
  return new Date(wallClockMs(date, timeZone)).toISOString().slice(0, 16);
}

export function isLocalDateTime(value: string): boolean {
  const m = LOCAL_RE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3] && +m[4] < 24;
}

/**
 * The same wall-clock time on another calendar date in the zone: "Sat 12:00" moved to Sunday is
 * "Sun 12:00" even across a DST change (adding 24 hours would give 13:00 or 11:00).
 */
export function moveToDate(instant: Date, date: string, timeZone: string): Date {
  return zonedLocalToUtc(`${date}T${utcToZonedLocal(instant, timeZone).slice(11)}`, timeZone);
}
