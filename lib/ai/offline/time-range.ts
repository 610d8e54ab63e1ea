import { addDays, addMonths, daysBetween, isoWeekday } from "@/lib/time/calendar";

/**
 * Time ranges in questions: "last 6 months", "past 8 weeks", "last 30 days", "this year",
 * "this month", "this week", "since March", "since 2025-03-01", "in 2025", "last year",
 * "last week/month", "all time". `from` is inclusive, `to` exclusive; both local dates.
 */
export type TimeRange = { from: string | null; to: string | null; label: string; days: number | null };

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const WORD_NUMBERS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, twelve: 12 };

function range(from: string, to: string | null, label: string, today: string): TimeRange {
  return { from, to, label, days: daysBetween(from, to ?? addDays(today, 1)) };
}

export function parseTimeRange(text: string, today: string): TimeRange | null {
  const t = text.toLowerCase();
  let m: RegExpMatchArray | null;
  if (/\b(all[- ]time|ever|since (i|we) started|whole history|all my)\b/.test(t)) return { from: null, to: null, label: "all time", days: null };
  if ((m = t.match(/\b(?:last|past|previous|recent)\s+(\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve)?\s*(day|week|month|year)s?\b/))) {
    const n = m[1] ? (WORD_NUMBERS[m[1]] ?? Number(m[1])) : 1;
    const unit = m[2];
    const from =
      unit === "day" ? addDays(today, -n) : unit === "week" ? addDays(today, -7 * n) : unit === "month" ? addMonths(today, -n) : addMonths(today, -12 * n);
    const label = n === 1 && !m[1] ? `the last ${unit}` : `the last ${n} ${unit}${n === 1 ? "" : "s"}`;
    return range(from, null, label, today);
  }
  if (/\b(this year|year to date|ytd|so far this year)\b/.test(t)) return range(`${today.slice(0, 4)}-01-01`, null, "this year", today);
  if (/\bthis month\b/.test(t)) return range(`${today.slice(0, 7)}-01`, null, "this month", today);
  if (/\bthis week\b/.test(t)) {
    return range(addDays(today, -isoWeekday(today)), null, "this week", today);
  }
  if ((m = t.match(/\bsince (\d{4}-\d{2}-\d{2})\b/))) return range(m[1], null, `since ${m[1]}`, today);
  if ((m = t.match(/\bsince (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s+(\d{4}))?\b/))) {
    const month = MONTHS.findIndex((x) => x.startsWith(m![1])) + 1;
    let year = m[2] ? Number(m[2]) : Number(today.slice(0, 4));
    const from = `${year}-${String(month).padStart(2, "0")}-01`;
    if (!m[2] && from > today) year -= 1;
    const f = `${year}-${String(month).padStart(2, "0")}-01`;
    return range(f, null, `since ${MONTHS[month - 1].charAt(0).toUpperCase()}${MONTHS[month - 1].slice(1)}`, today);
  }
  if ((m = t.match(/\b(?:in|during|for)\s+(20\d{2})\b/))) {
    const y = Number(m[1]);
    return range(`${y}-01-01`, `${y + 1}-01-01`, `in ${y}`, today);
  }
  if (/\blast year\b/.test(t)) return range(addMonths(today, -12), null, "the last year", today);
  return null;
}

const MONTH_WORDS: Record<number, string> = { 1: "month", 3: "three months", 6: "six months", 12: "twelve months" };

/** The range used when a question names none; its label is spelled out (no digits the data lacks). */
export function defaultRange(months: 1 | 3 | 6 | 12, today: string): TimeRange {
  return range(addMonths(today, -months), null, `the last ${MONTH_WORDS[months]}`, today);
}
