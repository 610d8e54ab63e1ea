/** Calendar helpers on "YYYY-MM-DD" strings, and local wall-clock time → UTC for an IANA zone. */
import { wallClockToUtc } from "@/lib/time/zone";

export { localDate } from "@/lib/time/zone";

export function addDays(ymd: string, days: number): string {
  const t = Date.UTC(Number(ymd.slice(0, 4)), Number(ymd.slice(5, 7)) - 1, Number(ymd.slice(8, 10))) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** 0 = Monday … 6 = Sunday. */
export function isoWeekday(ymd: string): number {
  const d = new Date(`${ymd}T00:00:00Z`).getUTCDay();
  return (d + 6) % 7;
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The instant at which the wall clock in `tz` shows `ymd` + `minutes` after midnight. */
export function zonedTimeToUtc(ymd: string, minutes: number, tz: string): Date {
  const [y, m, d] = ymd.split("-").map(Number);
  return wallClockToUtc(y, m, d, 0, minutes, 0, tz);
}
