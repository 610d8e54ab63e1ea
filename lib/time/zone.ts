/**
 * Wall clock ↔ instant in an IANA time zone, with Intl only (no date library). The one place the
 * app converts between the user's local time and UTC: imports, manual logging, chat logging and
 * the demo seed all go through it.
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

/**
 * The instant at which the wall clock in `timeZone` shows the given local time (month 1-based).
 * Times inside a spring-forward gap move forward by the gap; ambiguous fall-back times take the
 * earlier instant. Two passes settle the offset across a DST change.
 */
export function wallClockToUtc(y: number, month: number, d: number, h: number, mi: number, s: number, timeZone: string): Date {
  const asUtc = Date.UTC(y, month - 1, d, h, mi, s);
  const first = asUtc - offsetMs(asUtc, timeZone);
  return new Date(asUtc - offsetMs(first, timeZone));
}

/** "YYYY-MM-DD" of `instant` as seen in `timeZone`. */
export function localDate(instant: Date | number, timeZone: string): string {
  return new Date(wallClockMs(instant, timeZone)).toISOString().slice(0, 10);
}
