/**
 * The date phrases the chat workout grammar understands, resolved against the user's local date:
 * today, yesterday, N days ago, (last|on) Monday, 2025-03-01, March 1 / 1 March / Mar 1st.
 */
import { addDays, validYmd, weekday } from "./calendar";

const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"] as const;
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"] as const;

const WEEKDAY_RE = "(sun|mon|tue|tues|wed|thu|thur|thurs|fri|sat)(?:day|nesday|sday|urday|rsday)?";
const MONTH_RE = "(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?";

/** Source of a regex matching any date phrase (used to find workout boundaries in a message). */
export const DATE_PHRASE_SOURCE = [
  "\\d{4}-\\d{2}-\\d{2}",
  "today",
  "tonight",
  "this (?:morning|afternoon|evening)",
  "yesterday",
  "last night",
  "\\d{1,2} days? ago",
  `(?:last |on |this past |on last )?${WEEKDAY_RE}`,
  `${MONTH_RE} \\d{1,2}(?:st|nd|rd|th)?(?:,? \\d{4})?`,
  `\\d{1,2}(?:st|nd|rd|th)? (?:of )?${MONTH_RE}(?:,? \\d{4})?`,
].join("|");

/**
 * Resolves a date phrase against `today` (YYYY-MM-DD, the user's local date). Dates never lie in
 * the future: a weekday means the most recent one (today counts, except after "last"), a month/day
 * without a year means the most recent occurrence.
 */
export function resolveDatePhrase(phrase: string, today: string): string | null {
  const p = phrase.toLowerCase().trim().replace(/\s+/g, " ");
  let m: RegExpMatchArray | null;
  if ((m = p.match(/^(\d{4})-(\d{2})-(\d{2})$/))) return validYmd(Number(m[1]), Number(m[2]), Number(m[3]));
  if (/^(today|tonight|this (morning|afternoon|evening))$/.test(p)) return today;
  if (/^(yesterday|last night)$/.test(p)) return addDays(today, -1);
  if ((m = p.match(/^(\d{1,2}) days? ago$/))) return addDays(today, -Number(m[1]));
  if ((m = p.match(new RegExp(`^(last |on |this past |on last )?${WEEKDAY_RE}$`)))) {
    const target = WEEKDAYS.findIndex((w) => w.startsWith(m![2].slice(0, 3)));
    const strictlyBefore = Boolean(m[1] && m[1].includes("last"));
    let back = (weekday(today) - target + 7) % 7;
    if (back === 0 && strictlyBefore) back = 7;
    return addDays(today, -back);
  }
  const monthDay =
    p.match(new RegExp(`^${MONTH_RE} (\\d{1,2})(?:st|nd|rd|th)?(?:,? (\\d{4}))?$`)) ??
    (() => {
      const r = p.match(new RegExp(`^(\\d{1,2})(?:st|nd|rd|th)? (?:of )?${MONTH_RE}(?:,? (\\d{4}))?$`));
      return r ? ([r[0], r[2], r[1], r[3]] as unknown as RegExpMatchArray) : null;
    })();
  if (monthDay) {
    const month = MONTHS.findIndex((x) => x === monthDay[1].slice(0, 3)) + 1;
    const day = Number(monthDay[2]);
    const [ty] = today.split("-").map(Number);
    if (monthDay[3]) return validYmd(Number(monthDay[3]), month, day);
    const thisYear = validYmd(ty, month, day);
    if (thisYear && thisYear <= today) return thisYear;
    return validYmd(ty - 1, month, day);
  }
  return null;
}
