import { addDays, addMonths, daysBetween, isoWeekday, startOfIsoWeek } from "./calendar";

/**
 * Periods named in questions ("in March", "Q1 2025", "since 5 March", "between January and
 * April", "last week", "this year", "all time", "the last 8 weeks"), read relative to the user's
 * local date `today` ("YYYY-MM-DD" in their zone, from lib/time/zone). A period is a half-open
 * range of LOCAL dates [from, to); null ends are open. Weeks start on Monday (ISO, like
 * PostgreSQL's date_trunc('week')).
 */
export type Period = {
  /** Inclusive local start date; null = since the beginning of the data. */
  from: string | null;
  /** Exclusive local end date; null = up to now. */
  to: string | null;
  /** How an answer names it: "March 2026", "2025", "Q1 2026", "since 5 Mar 2026", "all time". */
  label: string;
  /** Length in days (to, or tomorrow, minus from); null when open at the start. */
  days: number | null;
  /** What kind of phrase produced it. */
  kind: "all" | "rolling" | "calendar" | "since" | "between" | "default";
  /** The period has not ended yet (it contains today): its totals are not final. */
  partial: boolean;
};

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const MONTH_SHORT = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const WORD_NUMBERS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  couple: 2,
  few: 3,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
};
const ORDINAL_QUARTER: Record<string, number> = {
  first: 1,
  "1st": 1,
  second: 2,
  "2nd": 2,
  third: 3,
  "3rd": 3,
  fourth: 4,
  "4th": 4,
  last: 4,
  final: 4,
};

// ---- calendar arithmetic lives in ./calendar; weeks start on Monday ----

export { addDays, daysBetween };

export function mondayOf(date: string): string {
  return startOfIsoWeek(date);
}

const iso = (t: number) => new Date(t).toISOString().slice(0, 10);

/** The first Monday on or after `date`: where the first complete week of a period starts. */
function firstFullWeek(date: string): string {
  const dow = isoWeekday(date);
  return dow === 0 ? date : addDays(date, 7 - dow);
}

const monthStart = (y: number, m: number) => iso(Date.UTC(y, m - 1, 1)); // m may overflow: Date.UTC normalises

/** "5 Mar 2026" */
export function formatDay(date: string): string {
  return `${Number(date.slice(8, 10))} ${MONTH_SHORT[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
}

/** "2–8 Mar 2026", "28 Feb – 6 Mar 2026", "29 Dec 2025 – 4 Jan 2026" for an inclusive span. */
export function formatSpan(first: string, last: string): string {
  if (first === last) return formatDay(first);
  if (first.slice(0, 4) !== last.slice(0, 4)) return `${formatDay(first)} – ${formatDay(last)}`;
  if (first.slice(0, 7) !== last.slice(0, 7))
    return `${Number(first.slice(8, 10))} ${MONTH_SHORT[Number(first.slice(5, 7)) - 1]} – ${formatDay(last)}`;
  return `${Number(first.slice(8, 10))}–${formatDay(last)}`;
}

function make(from: string | null, to: string | null, label: string, kind: Period["kind"], today: string): Period {
  const tomorrow = addDays(today, 1);
  return {
    from,
    to,
    label,
    kind,
    days: from ? daysBetween(from, to ?? tomorrow) : null,
    partial: to === null || to > tomorrow || (to === tomorrow && from !== null),
  };
}

// ---- the parser ----

const MONTH_RE =
  "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
const monthIndex = (word: string) => MONTHS.findIndex((m) => m.startsWith(word.slice(0, 3))) + 1;

/** A point or span in time inside a larger phrase ("March", "March 2025", "5 March", "2025", "Q1", "2025-03-05"). */
type Anchor = { from: string; to: string; label: string; explicitYear: boolean };

function anchorAt(text: string, today: string, opts: { pastOnly: boolean }): Anchor | null {
  const s = text
    .trim()
    .replace(/^(?:the\s+)?(?:start|beginning)\s+of\s+/, "")
    .replace(/^(?:the\s+)?(?:month of\s+)?/, "");
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  let m: RegExpMatchArray | null;
  if ((m = s.match(/^(\d{4})-(\d{2})-(\d{2})$/))) {
    const d = `${m[1]}-${m[2]}-${m[3]}`;
    return { from: d, to: addDays(d, 1), label: formatDay(d), explicitYear: true };
  }
  if ((m = s.match(/^(\d{4})-(\d{2})$/))) {
    const from = `${m[1]}-${m[2]}-01`;
    return { from, to: addMonths(from, 1), label: `${MONTHS_CAP(Number(m[2]))} ${m[1]}`, explicitYear: true };
  }
  // "5 March [2025]", "March 5th[, 2025]"
  if (
    (m = s.match(new RegExp(`^(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_RE}\\.?(?:,?\\s+(\\d{4}))?$`))) ||
    (m = s.match(new RegExp(`^${MONTH_RE}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?$`)))
  ) {
    const dayFirst = /^\d/.test(m[1]);
    const day = Number(dayFirst ? m[1] : m[2]);
    const mon = monthIndex(dayFirst ? m[2] : m[1]);
    if (day < 1 || day > 31) return null;
    let y = m[3] ? Number(m[3]) : year;
    let d = `${y}-${String(mon).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
    if (!m[3] && opts.pastOnly && d > today) d = `${(y = year - 1)}-${d.slice(5)}`;
    return { from: d, to: addDays(d, 1), label: formatDay(d), explicitYear: Boolean(m[3]) };
  }
  // "March [2025]", "last March", "this March"
  if ((m = s.match(new RegExp(`^(?:(last|this|previous)\\s+)?${MONTH_RE}\\.?(?:,?\\s+(\\d{4}))?$`)))) {
    const mon = monthIndex(m[2]);
    let y = m[3] ? Number(m[3]) : year;
    if (!m[3]) {
      if (m[1] === "last" || m[1] === "previous") y = mon < month ? year : year - 1;
      else if (m[1] !== "this" && mon > month) y = year - 1; // "March" in December: this year's; "December" in March: last year's
    }
    const from = monthStart(y, mon);
    return { from, to: addMonths(from, 1), label: `${MONTHS_CAP(mon)} ${y}`, explicitYear: Boolean(m[3]) };
  }
  // "Q1 [2025]", "the first quarter [of 2025]"
  if (
    (m = s.match(/^q([1-4])(?:\s*(?:of\s+)?(\d{4}))?$/)) ||
    (m = s.match(/^(first|1st|second|2nd|third|3rd|fourth|4th|final)\s+quarter(?:\s+(?:of\s+)?(\d{4}))?$/))
  ) {
    const q = /^\d$/.test(m[1]) ? Number(m[1]) : ORDINAL_QUARTER[m[1]];
    let y = m[2] ? Number(m[2]) : year;
    if (!m[2] && opts.pastOnly && monthStart(y, 3 * q - 2) > today) y -= 1;
    const from = monthStart(y, 3 * q - 2);
    return { from, to: addMonths(from, 3), label: `Q${q} ${y}`, explicitYear: Boolean(m[2]) };
  }
  if ((m = s.match(/^((?:19|20)\d{2})$/))) {
    const y = Number(m[1]);
    return { from: `${y}-01-01`, to: `${y + 1}-01-01`, label: String(y), explicitYear: true };
  }
  if (s === "today") return { from: today, to: addDays(today, 1), label: "today", explicitYear: false };
  if (s === "yesterday") return { from: addDays(today, -1), to: today, label: "yesterday", explicitYear: false };
  return null;
}

function MONTHS_CAP(m: number): string {
  const w = MONTHS[m - 1];
  return w.charAt(0).toUpperCase() + w.slice(1);
}

const RELATIVE_UNIT = "(day|week|month|year|quarter)s?";

/** "last week" (the calendar week before this one), "this month" (so far), "last year" (the previous calendar year). */
function calendarRelative(which: "last" | "this", unit: string, today: string): Period {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  switch (unit) {
    case "day":
      return which === "this"
        ? make(today, addDays(today, 1), "today", "calendar", today)
        : make(addDays(today, -1), today, "yesterday", "calendar", today);
    case "week": {
      const monday = mondayOf(today);
      if (which === "this") return make(monday, addDays(monday, 7), `this week (${formatSpan(monday, addDays(monday, 6))})`, "calendar", today);
      const prev = addDays(monday, -7);
      return make(prev, monday, `last week (${formatSpan(prev, addDays(prev, 6))})`, "calendar", today);
    }
    case "month": {
      const start = monthStart(year, month);
      const from = which === "this" ? start : addMonths(start, -1);
      return make(
        from,
        addMonths(from, 1),
        `${which === "this" ? "this month" : "last month"} (${MONTHS_CAP(Number(from.slice(5, 7)))} ${from.slice(0, 4)})`,
        "calendar",
        today,
      );
    }
    case "quarter": {
      const q = Math.floor((month - 1) / 3);
      const start = monthStart(year, 3 * q + 1);
      const from = which === "this" ? start : addMonths(start, -3);
      const qn = Math.floor((Number(from.slice(5, 7)) - 1) / 3) + 1;
      return make(from, addMonths(from, 3), `${which === "this" ? "this quarter" : "last quarter"} (Q${qn} ${from.slice(0, 4)})`, "calendar", today);
    }
    default: {
      const y = which === "this" ? year : year - 1;
      return make(`${y}-01-01`, `${y + 1}-01-01`, which === "this" ? `this year (${y})` : `last year (${y})`, "calendar", today);
    }
  }
}

/** The period a question names, or null when it names none. */
export function parsePeriod(text: string, today: string): Period | null {
  const t = ` ${text
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/[?!,;]+/g, " ")
    .replace(/\s+/g, " ")} `;
  let m: RegExpMatchArray | null;

  // between X and Y / from X to|until|through Y
  const span = `([a-z0-9\\- ]{2,30}?)`;
  if (
    (m = t.match(
      new RegExp(` (?:between|from) ${span} (?:and|to|until|till|through|thru|-) ${span}(?= (?:in|for|on|of|did|do|was|were|have|i|my)\\b| $)`),
    ))
  ) {
    const a = anchorAt(m[1], today, { pastOnly: true });
    let b = anchorAt(m[2], today, { pastOnly: true });
    if (a && b) {
      // "between January and March 2025": the year written at the end applies to both ends.
      if (!a.explicitYear && b.explicitYear) {
        const again = anchorAt(`${m[1]} ${b.from.slice(0, 4)}`, today, { pastOnly: false });
        if (again) return between(again, b, today);
      }
      if (b.from < a.from && !b.explicitYear) b = anchorAt(`${m[2]} ${Number(a.from.slice(0, 4)) + 1}`, today, { pastOnly: false }) ?? b;
      return between(a, b, today);
    }
  }

  // since X
  if ((m = t.match(/ since ([a-z0-9\- ]{2,30}?)(?= (?:in|for|on|how|what|did|do|was|were|have|i|my)\b| $)/))) {
    const phrase = m[1].trim();
    if (/^(i|we) (started|began|joined|signed up)/.test(phrase) || /^(the )?(start|beginning)$/.test(phrase))
      return make(null, null, "all time", "all", today);
    const rel = phrase.match(new RegExp(`^(last|this) ${RELATIVE_UNIT}$`));
    if (rel) {
      const p = calendarRelative(rel[1] as "last" | "this", rel[2], today);
      return make(p.from, null, `since the start of ${rel[1]} ${rel[2]} (${formatDay(p.from!)})`, "since", today);
    }
    const a = anchorAt(phrase, today, { pastOnly: true });
    if (a)
      return make(a.from, null, `since ${a.from.slice(8) === "01" && a.to !== addDays(a.from, 1) ? a.label : formatDay(a.from)}`, "since", today);
  }

  // rolling: "the last 8 weeks", "past 30 days", "in the last month", "over the past year", "recent weeks"
  if (
    (m = t.match(
      / (?:(the|in the|over the|during the|for the) )?(?:last|past|previous|recent|trailing)\s+(\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|couple(?: of)?|few|fifteen|twenty|thirty)?\s*(day|week|month|year|quarter)s?\b/,
    ))
  ) {
    const hasNumber = Boolean(m[2]);
    const unit = m[3];
    const word = t
      .slice(m.index!)
      .trimStart()
      .split(/\s+/)
      .find((w) => /^(last|past|previous|recent|trailing)$/.test(w));
    const calendar = !hasNumber && !m[1] && (word === "last" || word === "previous");
    if (calendar) return calendarRelative("last", unit, today);
    const n = hasNumber ? (WORD_NUMBERS[m[2].replace(/ of$/, "")] ?? Number(m[2])) : 1;
    if (n >= 1) {
      const from =
        unit === "day"
          ? addDays(today, -n + 1)
          : unit === "week"
            ? addDays(today, -7 * n + 1)
            : addMonths(addDays(today, 1), -(unit === "month" ? n : unit === "quarter" ? 3 * n : 12 * n));
      return make(from, null, `the last ${n === 1 ? unit : `${n} ${unit}s`}`, "rolling", today);
    }
  }

  if ((m = t.match(/ (this|current) (day|week|month|year|quarter)\b/))) return calendarRelative("this", m[2], today);
  if (/ (year to date|ytd|so far this year)\b/.test(t)) return calendarRelative("this", "year", today);
  if (/ today\b/.test(t)) return calendarRelative("this", "day", today);
  if (/ yesterday\b/.test(t)) return calendarRelative("last", "day", today);

  // quarter, month, date, year — after a preposition or on its own
  const quarter = t.match(/ (q[1-4](?: (?:of )?\d{4})?|(?:first|1st|second|2nd|third|3rd|fourth|4th|final) quarter(?: (?:of )?\d{4})?)\b/);
  if (quarter) {
    const a = anchorAt(quarter[1], today, { pastOnly: true });
    if (a) return make(a.from, a.to, a.label, "calendar", today);
  }
  const date = t.match(
    new RegExp(
      ` (?:on |of )?(\\d{4}-\\d{2}-\\d{2}|\\d{1,2}(?:st|nd|rd|th)? (?:of )?${MONTH_RE}\\.?(?: \\d{4})?|${MONTH_RE}\\.? \\d{1,2}(?:st|nd|rd|th)?(?: \\d{4})?)\\b`,
    ),
  );
  if (date) {
    const a = anchorAt(date[1], today, { pastOnly: true });
    if (a) return make(a.from, a.to, a.label, "calendar", today);
  }
  // "in March", "March 2025", "during march", "last March"; "may" only with a preposition or a year
  const month = t.match(
    new RegExp(` (?:(in|during|for|of|over|through|across|last|this|previous) (?:the month of )?)?${MONTH_RE}\\.?(?: (\\d{4}))?(?=[ .])`),
  );
  if (month && (month[1] || month[3] || (month[2] !== "may" && month[2] !== "mar"))) {
    const prefix = month[1] === "last" || month[1] === "previous" || month[1] === "this" ? `${month[1]} ` : "";
    const a = anchorAt(`${prefix}${month[2]}${month[3] ? ` ${month[3]}` : ""}`, today, { pastOnly: true });
    if (a) return make(a.from, a.to, a.label, "calendar", today);
  }
  if ((m = t.match(/ (\d{4})-(\d{2})\b/)) && Number(m[2]) >= 1 && Number(m[2]) <= 12) {
    const a = anchorAt(`${m[1]}-${m[2]}`, today, { pastOnly: false });
    if (a) return make(a.from, a.to, a.label, "calendar", today);
  }
  if (
    (m = t.match(/ (?:in|during|for|of|over|across|through|throughout|the year) ?((?:19|20)\d{2})\b/)) ||
    (m = t.match(/ ((?:19|20)\d{2})(?= |$)/))
  ) {
    const y = Number(m[1]);
    return make(`${y}-01-01`, `${y + 1}-01-01`, String(y), "calendar", today);
  }

  if (
    / (all[- ]time|ever|in total|total|overall|lifetime|whole history|entire history|all my (?:training|history|data|workouts|sessions|time)|since (?:i|we) (?:started|began|joined)|from the (?:start|beginning)|altogether|so far)\b/.test(
      t,
    )
  ) {
    return make(null, null, "all time", "all", today);
  }
  return null;
}

function between(a: Anchor, b: Anchor, today: string): Period {
  const [first, last] = a.from <= b.from ? [a, b] : [b, a];
  const lastDay = addDays(last.to, -1);
  const label =
    first.to === addDays(first.from, 1) && last.to === addDays(last.from, 1) ? formatSpan(first.from, lastDay) : `${first.label} – ${last.label}`;
  return make(first.from, last.to, label, "between", today);
}

const MONTH_WORDS: Record<number, string> = { 1: "month", 3: "three months", 6: "six months", 12: "twelve months" };

/** The window used when a question names none: the last N months up to today (a rolling window). */
export function defaultPeriod(months: 1 | 3 | 6 | 12, today: string): Period {
  return { ...make(addMonths(addDays(today, 1), -months), null, `the last ${MONTH_WORDS[months]}`, "default", today) };
}

/**
 * For weekly trends over a window the user did not pin to dates ("the last 6 months", "since
 * March", no period): start at its first Monday so the first week is complete. A period they
 * named exactly (a month, a year, "between …") is kept as asked — unless `evenIfNamed` (trends:
 * a partial first week would be a false baseline, so "this year" starts at its first Monday).
 */
export function alignToWeeks(p: Period, evenIfNamed = false): Period {
  if (!p.from || !(evenIfNamed || p.kind === "default" || p.kind === "rolling" || p.kind === "since")) return p;
  const from = firstFullWeek(p.from);
  return from === p.from ? p : { ...p, from };
}
