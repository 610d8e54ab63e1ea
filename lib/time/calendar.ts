/**
 * Calendar arithmetic on local dates written "YYYY-MM-DD". Dates here carry no zone: convert an
 * instant with localDate() from ./zone first. All maths runs on UTC midnights, so no DST surprises.
 */

const DAY_MS = 86_400_000;

function parts(date: string): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

/** "YYYY-MM-DD" for y/m/d (month 1-based) when that day exists, otherwise null (no 31 April, no 29 Feb 2025). */
export function validYmd(y: number, month: number, d: number): string | null {
  const dt = new Date(Date.UTC(y, month - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== month - 1 || dt.getUTCDate() !== d) return null;
  return dt.toISOString().slice(0, 10);
}

export function isYmd(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return Boolean(m && validYmd(+m[1], +m[2], +m[3]));
}

export function daysInMonth(y: number, month: number): number {
  return new Date(Date.UTC(y, month, 0)).getUTCDate();
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Same day `months` later, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parts(date);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  target.setUTCDate(Math.min(d, daysInMonth(target.getUTCFullYear(), target.getUTCMonth() + 1)));
  return target.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday (JavaScript's getDay order). */
export function weekday(date: string): number {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** 0 = Monday … 6 = Sunday (ISO 8601 order: weeks start on Monday). */
export function isoWeekday(date: string): number {
  return (weekday(date) + 6) % 7;
}

/** The Monday that starts the ISO week holding `date`. */
export function startOfIsoWeek(date: string): string {
  return addDays(date, -isoWeekday(date));
}
