/** Display formats for dates and durations (English month names, 24-hour clock, ICU-version proof). */

const dateFormatters = new Map<string, Intl.DateTimeFormat>();

/** "Mon 15 Sep 2025 · 07:48" in the user's zone. */
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

const dateTimeFormatters = new Map<string, Intl.DateTimeFormat>();

/** "3 Dec 2026, 10:53" in the user's zone (never the server's). */
export function formatDateTime(date: Date, timeZone: string): string {
  let f = dateTimeFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone });
    dateTimeFormatters.set(timeZone, f);
  }
  return f.format(date);
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
