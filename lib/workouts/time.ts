/**
 * Wall-clock ↔ instant conversion in an IANA time zone without a date library. The form edits
 * "YYYY-MM-DDTHH:mm" in the user's profile zone; the database stores timestamptz.
 */
import { isValidTimeZone, wallClockMs, wallClockToUtc } from "@/lib/time/zone";

export { isValidTimeZone };

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

const dateFormatters = new Map<string, Intl.DateTimeFormat>();

/** "Mon 15 Sep 2025 · 07:48" in the user's zone (English month names, 24-hour clock, ICU-version proof). */
export function formatSessionDate(date: Date, timeZone: string): string {
  let f = dateFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      weekday: "short",
      day: "numeric",
      month: "short",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    dateFormatters.set(timeZone, f);
  }
  const p: Record<string, string> = {};
  for (const part of f.formatToParts(date)) if (part.type !== "literal") p[part.type] = part.value;
  return `${p.weekday} ${p.day} ${p.month} ${p.year} · ${p.hour}:${p.minute}`;
}

/** "1 h 25 min", "45 min"; null when unknown. */
export function formatDuration(minutes: number | null | undefined): string | null {
  if (minutes === null || minutes === undefined || !Number.isFinite(minutes)) return null;
  const total = Math.round(minutes);
  const h = Math.floor(total / 60);
  const m = total % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}
