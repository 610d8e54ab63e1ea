/**
 * Wall-clock ↔ instant conversion in an IANA time zone without a date library. The form edits
 * "YYYY-MM-DDTHH:mm" in the user's profile zone; the database stores timestamptz.
 */

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(timeZone);
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
    partsFormatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    partsFormatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's wall clock at `date`, as UTC-based milliseconds (i.e. date + offset). */
function wallClockMs(date: Date, timeZone: string): number {
  const p: Record<string, number> = {};
  for (const part of partsFormatter(timeZone).formatToParts(date)) {
    if (part.type !== "literal") p[part.type] = Number(part.value);
  }
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
}

const LOCAL_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * "2026-03-29T02:30" in Europe/Berlin → the instant. Times that do not exist (spring-forward
 * gap) move forward by the gap, ambiguous ones (fall-back) take the earlier instant.
 */
export function zonedLocalToUtc(local: string, timeZone: string): Date {
  const m = LOCAL_RE.exec(local);
  if (!m) throw new RangeError(`Not a local date-time: ${local}`);
  const asUtc = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
  // Two passes settle the offset across a DST change.
  let guess = asUtc - (wallClockMs(new Date(asUtc), timeZone) - asUtc);
  guess = asUtc - (wallClockMs(new Date(guess), timeZone) - guess);
  return new Date(guess);
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
