import type { Db } from "@/db/client";
import type { CoachPlan } from "@/lib/ai/system-prompt";
import {
  bestE1rm,
  bodyFirstLast,
  e1rmBySession,
  e1rmByWeek,
  exerciseDays,
  liftSets,
  exerciseStats,
  heaviest,
  lastSession,
  mostLogged,
  muscleSets,
  nextSession,
  sessionCount,
  primaryCard,
  stalledLifts,
  volume,
  type Span,
} from "./expected";
import type { Lifter } from "./harness";

/**
 * The evaluation set: question shapes × paraphrases × datasets (the demo account and two lifters
 * who imported the sample exports). Each case computes what a right answer must contain from the
 * database (./expected.ts); every paraphrase of the case must contain it.
 *
 * A check: `figures` — numbers that must appear in the answer; `says` — text or patterns that must
 * appear; `never` — text or patterns that must not (a wrong number, a wrong lift, bad advice).
 */
export type Check = { figures?: number[]; says?: (string | RegExp)[]; never?: (string | RegExp)[] };
export type Case = {
  lifter: Lifter["key"];
  shape: string;
  questions: string[];
  /** The coach plan the chat would use: a fixed one, "primary" (the lifter's own primary coach, loaded as the chat loads it), or the default. */
  plan?: CoachPlan | "primary";
  expect: (db: Db, l: Lifter) => Promise<Check>;
};

const MON = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
/** "2026-03-02" → "2 Mar 2026", the way answers write dates. */
const day = (d: string) => `${Number(d.slice(8, 10))} ${MON[Number(d.slice(5, 7)) - 1]} ${d.slice(0, 4)}`;

function count(span: Span, opts: { partial?: boolean } = {}) {
  return async (db: Db, l: Lifter): Promise<Check> => {
    const c = await sessionCount(db, l, span);
    if (c.sessions === 0) return { says: [/^(No workouts|Nothing)/] };
    return {
      figures: [c.sessions, c.days],
      says: [new RegExp(`${c.sessions} workouts? on ${c.days} days?${opts.partial ? " so far" : ""}`), day(c.first!), day(c.last!)],
    };
  };
}

/** A period with no sessions for an import: the answer says so and counts the whole history instead. */
function countFallback(label: RegExp) {
  return async (db: Db, l: Lifter): Promise<Check> => {
    const all = await sessionCount(db, l, [null, null]);
    return { figures: [all.sessions], says: [label, `${all.sessions} workouts on ${all.days} days`, day(all.first!), day(all.last!)] };
  };
}

/** Weekly trend: the best e1RM of the first week with data in `span` (Monday-aligned), of the last complete week, and the peak between. */
function weeklyTrend(exercise: string, span: Span, lastWeek: Span, opts: { note?: RegExp; never?: RegExp[] } = {}) {
  return async (db: Db, l: Lifter): Promise<Check> => {
    const weeks = (await e1rmByWeek(db, l, exercise, [span[0], lastWeek[1]])).filter(([w]) => w < lastWeek[1]!);
    const first = weeks[0];
    const last = weeks[weeks.length - 1];
    const peak = Math.max(...weeks.map(([, v]) => v));
    return {
      figures: [first[1], last[1], peak],
      says: [exercise, `the week of ${day(first[0])}`, `the week of ${day(last[0])}`, ...(opts.note ? [opts.note] : [])],
      never: opts.never,
    };
  };
}

/** Trend for an import whose data ended long ago: the week of its last set is the end point. */
function lastDataWeek(exercise: string, opts: { note?: RegExp; never?: RegExp[] } = {}) {
  return async (db: Db, l: Lifter): Promise<Check> => {
    const st = await exerciseStats(db, l, exercise);
    const monday = mondayOf(st.last);
    const b = await bestE1rm(db, l, exercise, [monday, addDays(monday, 7)]);
    return { figures: [b!], says: [exercise, /^(?:.*\n\n)?Nothing in/m, day(st.last), ...(opts.note ? [opts.note] : [])], never: opts.never };
  };
}

function sessionTrend(exercise: string, span: Span) {
  return async (db: Db, l: Lifter): Promise<Check> => {
    const s = await e1rmBySession(db, l, exercise, span);
    return { figures: [s[0][1], s[s.length - 1][1]], says: [exercise, day(s[0][0]), day(s[s.length - 1][0])] };
  };
}

function records(exercise: string, opts: { never?: RegExp[] } = {}) {
  return async (db: Db, l: Lifter): Promise<Check> => ({
    figures: [(await bestE1rm(db, l, exercise, [null, null]))!, (await heaviest(db, l, exercise))!],
    says: [exercise],
    never: opts.never,
  });
}

function sets(label: string, muscles: string[], span: Span) {
  return async (db: Db, l: Lifter): Promise<Check> => {
    const m = await muscleSets(db, l, muscles, span);
    if (m.sets === 0) return { says: [new RegExp(`No working sets for ${label}`)] };
    const says: (string | RegExp)[] = [new RegExp(`${m.sets} working sets`)];
    for (const [name, n] of m.perExercise) says.push(`${name}: ${n}`);
    if (m.unknown > 0) says.push(new RegExp(`${m.unknown} working sets in this period are of exercises with no muscle groups`));
    return { figures: [m.sets], says };
  };
}

function stalled() {
  return async (db: Db, l: Lifter): Promise<Check> => {
    const s = await stalledLifts(db, l);
    const says: (string | RegExp)[] = [];
    const never: RegExp[] = [];
    if (s.stalled.length === 0) says.push(/None of your lifts has stalled/);
    for (const name of s.stalled) says.push(new RegExp(`^- ${esc(name)}: best`, "m"));
    for (const name of s.moving) never.push(new RegExp(`^- ${esc(name)}: best`, "m"));
    return { figures: s.stalled.length === 0 ? [s.moving.length] : [], says, never };
  };
}

function today() {
  return async (db: Db, l: Lifter): Promise<Check> => {
    const next = await nextSession(db, l);
    const says: (string | RegExp)[] = [`Next in your rotation: ${next.name}`];
    for (const [name, top] of next.tops) says.push(new RegExp(`^- ${esc(name)}: \\d+ sets?, top ${String(top).replace(".", "\\.")} kg`, "m"));
    return { figures: [...next.tops.values()], says };
  };
}

function pain(area: RegExp) {
  return async (): Promise<Check> => ({
    says: [/Don't train through pain/, area, /physiotherapist or doctor/, /Stop any movement that causes sharp or worsening pain/],
    never: [/push through/i, /\d+ ?(kg|lb)\b/],
  });
}

function lastWorkout() {
  return async (db: Db, l: Lifter): Promise<Check> => {
    const s = await lastSession(db, l);
    const says: (string | RegExp)[] = [day(s.day), s.name];
    const figures: number[] = [];
    for (const [name, top] of s.tops) {
      says.push(name);
      if (top !== null) figures.push(top);
    }
    return { figures, says };
  };
}

function vol(span: Span) {
  return async (db: Db, l: Lifter): Promise<Check> => {
    const v = await volume(db, l, span);
    return { figures: [v.volume, v.sets], says: [/weight × reps of working sets/] };
  };
}

function body(col: "bodyweight_kg" | "sleep_hours", span: Span) {
  return async (db: Db, l: Lifter): Promise<Check> => {
    const b = await bodyFirstLast(db, l, col, span);
    return { figures: [b.first, b.last] };
  };
}

function esc(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function addDays(d: string, n: number): string {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + n);
  return t.toISOString().slice(0, 10);
}
function mondayOf(d: string): string {
  const dow = (new Date(`${d}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(d, -dow);
}

// The pinned clock is Thursday 3 Dec 2026 in every lifter's zone. Spans are written out by hand.
const LAST_WEEK: Span = ["2026-11-23", "2026-11-30"];
const NOVEMBER: Span = ["2026-11-01", "2026-12-01"];

/** How often one lift was trained in a span: its workouts, days and working sets — never all workouts. */
function liftCount(exercise: string, span: Span, label: string) {
  return async (db: Db, l: Lifter): Promise<Check> => {
    const c = await exerciseDays(db, l, exercise, span);
    const all = await sessionCount(db, l, span);
    return {
      figures: [c.sessions, c.days, c.sets],
      says: [`${exercise}, ${label}: ${c.sessions} workouts on ${c.days} days`, `(${c.sets} working sets)`, day(c.first!), day(c.last!)],
      // the reported bug: the count of every workout in the period
      never: [new RegExp(`\\b${all.sessions} workouts`)],
    };
  };
}

export const CASES: Case[] = [
  // ---- demo account: how often one lift was trained ----
  {
    lifter: "demo",
    shape: "count · one lift",
    questions: [
      "how many times did I deadlift in November?",
      "how many deadlift sessions did I do in November?",
      "how often did I deadlift in november 2026",
    ],
    expect: liftCount("Deadlift (Barbell)", ["2026-11-01", "2026-12-01"], "November 2026"),
  },
  {
    lifter: "demo",
    shape: "count · one lift",
    questions: ["how many times did I squat in March?", "how often did I squat in march"],
    expect: liftCount("Squat (Barbell)", ["2026-03-01", "2026-04-01"], "March 2026"),
  },
  {
    lifter: "hevy",
    shape: "count · one lift",
    questions: ["how many times did I do leg press in 2025?"],
    expect: liftCount("Leg Press (Machine)", ["2025-01-01", "2026-01-01"], "2025"),
  },
  {
    lifter: "demo",
    shape: "sets and reps · one lift",
    questions: ["how many reps of squats did I do last week?", "how many sets of squats did I do last week?", "total reps of squat last week"],
    expect: async (db, l) => {
      const s = await liftSets(db, l, "Squat (Barbell)", ["2026-11-23", "2026-11-30"]);
      return { figures: [s.sets, s.reps, s.volume], says: [`${s.volume.toLocaleString("en-GB")} kg over ${s.sets} working sets (${s.reps} reps)`] };
    },
  },
  {
    lifter: "demo",
    shape: "sets and reps · one lift",
    questions: ["How many sets of bench did I do last week?"],
    expect: async (db, l) => {
      const s = await liftSets(db, l, "Bench Press (Barbell)", ["2026-11-23", "2026-11-30"]);
      return {
        figures: [s.sets, s.reps],
        says: ["Bench Press (Barbell)", `over ${s.sets} working sets (${s.reps} reps)`, /Bench Press \(Dumbbell\)/],
      };
    },
  },
  {
    lifter: "hevy",
    shape: "records · closest name named",
    // hevy never logged a plain deadlift: the Romanian one is the closest name, and the answer says so
    questions: ["heaviest deadlift ever", "what's my best deadlift?"],
    expect: async (db, l) => {
      const best = await bestE1rm(db, l, "Romanian Deadlift (Barbell)", [null, null]);
      return { figures: [best!], says: ["You haven't logged Deadlift (Barbell) — showing Romanian Deadlift (Barbell)"] };
    },
  },
  {
    lifter: "demo",
    shape: "volume · how much did I lift",
    questions: ["How much did I lift in total last month?", "how much weight did I move last month?"],
    expect: async (db, l) => {
      const v = await volume(db, l, ["2026-11-01", "2026-12-01"]);
      return { figures: [v.volume, v.sets], says: [/weight × reps of working sets/], never: [/\d+ workouts on/] };
    },
  },
  {
    lifter: "demo",
    shape: "count · average per week",
    questions: ["average workouts per week this year", "how many workouts a week did I average this year?"],
    // 1 Jan – 3 Dec 2026 (today included): 337 days
    expect: async (db, l) => {
      const c = await sessionCount(db, l, ["2026-01-01", "2026-12-04"]);
      const avg = Math.round((c.sessions / (337 / 7)) * 10) / 10;
      return { figures: [c.sessions, avg, 48.1, 337], says: [`That's ${avg} workouts a week on average over 48.1 weeks (337 days) so far`] };
    },
  },
  // ---- logging sentences: a draft that says what it read, or why it did not log ----
  {
    lifter: "demo",
    shape: "log · refused",
    questions: ["squat 3x5 -100kg", "bench -100kg x 5"],
    expect: async () => ({
      says: [/I couldn't read a workout/, /Not logged: “[^”]+” — weights and reps can't be negative/],
      never: [/estimated 1RM/, /Here's what I understood/],
    }),
  },
  {
    lifter: "demo",
    shape: "log · draft",
    questions: ["225 lb bench for 5 reps, 3 sets"],
    // 225 lb = 102.06 kg (shown rounded to 0.1); every set the sentence describes is on the card.
    expect: async () => ({ figures: [3, 102.1], says: ["Bench Press (Barbell): 3 sets, top 102.1 kg"], never: [/225 Bench/] }),
  },
  {
    lifter: "demo",
    shape: "log · draft",
    questions: ["225 bench for 3x5"],
    expect: async () => ({ figures: [3, 225], says: ["Bench Press (Barbell): 3 sets, top 225 kg"], never: [/225 Bench/] }),
  },
  // ---- demo account: counting workouts over named periods ----
  {
    lifter: "demo",
    shape: "count · month",
    questions: [
      "How many workouts did I do in March?",
      "How many sessions did I log in March 2026?",
      "How many times did I train in March?",
      "number of workouts in march",
      "how many workouts in mar?",
    ],
    expect: count(["2026-03-01", "2026-04-01"]),
  },
  {
    lifter: "demo",
    shape: "count · all time",
    questions: [
      "How many workouts have I done in total?",
      "How many sessions have I ever logged?",
      "All time, how many workouts?",
      "total number of workouts",
      "How many workouts have I logged so far?",
    ],
    expect: count([null, null]),
  },
  {
    lifter: "demo",
    shape: "count · last week",
    questions: ["How many workouts did I do last week?", "how many sessions last week", "How many times did I train last week?"],
    expect: count(LAST_WEEK),
  },
  {
    lifter: "demo",
    shape: "count · this week",
    questions: ["How many workouts this week?", "how many sessions have I done this week?"],
    expect: count(["2026-11-30", "2026-12-07"], { partial: true }),
  },
  {
    lifter: "demo",
    shape: "count · this month",
    questions: ["How many workouts this month?", "how many sessions did I do this month"],
    expect: count(["2026-12-01", "2027-01-01"], { partial: true }),
  },
  {
    lifter: "demo",
    shape: "count · last month",
    questions: ["How many workouts did I do last month?", "number of sessions last month", "How many times did I train in November?"],
    expect: count(NOVEMBER),
  },
  {
    lifter: "demo",
    shape: "count · this year",
    questions: ["How many workouts did I do this year?", "How many workouts in 2026?", "how many sessions so far this year", "workouts year to date"],
    expect: count(["2026-01-01", "2027-01-01"], { partial: true }),
  },
  {
    lifter: "demo",
    shape: "count · year (past)",
    questions: ["How many workouts did I do in 2025?", "how many sessions did I log last year?"],
    expect: count(["2025-01-01", "2026-01-01"]),
  },
  {
    lifter: "demo",
    shape: "count · quarter",
    questions: ["How many workouts in Q3?", "How many sessions in the third quarter of 2026?", "workouts in q3 2026"],
    expect: count(["2026-07-01", "2026-10-01"]),
  },
  {
    lifter: "demo",
    shape: "count · quarter",
    questions: ["How many workouts did I do in the first quarter?", "How many sessions in Q1 2026?"],
    expect: count(["2026-01-01", "2026-04-01"]),
  },
  {
    lifter: "demo",
    shape: "count · since",
    questions: ["How many workouts since September?", "How many sessions have I done since 1 September?", "workouts since 2026-09-01"],
    expect: count(["2026-09-01", null], { partial: true }),
  },
  {
    lifter: "demo",
    shape: "count · between",
    questions: ["How many workouts between January and March?", "How many sessions from January to March 2026?"],
    expect: count(["2026-01-01", "2026-04-01"]),
  },
  {
    lifter: "demo",
    shape: "count · between",
    questions: ["How many workouts did I do between June and August 2026?"],
    expect: count(["2026-06-01", "2026-09-01"]),
  },
  {
    lifter: "demo",
    shape: "count · between dates",
    questions: ["How many sessions between 1 March and 15 April?"],
    expect: count(["2026-03-01", "2026-04-16"]),
  },
  {
    lifter: "demo",
    shape: "count · month",
    questions: ["How many workouts did I do in July?", "how many times did I train in july 2026"],
    expect: count(["2026-07-01", "2026-08-01"]),
  },
  {
    lifter: "demo",
    shape: "count · month",
    questions: ["how many sessions in August 2026?", "How often did I train in August?"],
    expect: count(["2026-08-01", "2026-09-01"]),
  },
  {
    lifter: "demo",
    shape: "count · month",
    questions: ["How many workouts did I do in December?"],
    expect: count(["2026-12-01", "2027-01-01"], { partial: true }),
  },
  {
    lifter: "demo",
    shape: "count · rolling",
    questions: ["How often did I train in the last 8 weeks?", "how many workouts in the past 8 weeks"],
    expect: count(["2026-10-09", null], { partial: true }),
  },
  {
    lifter: "demo",
    shape: "count · rolling",
    questions: ["How many workouts in the last 30 days?", "how many sessions in the past 30 days?"],
    expect: count(["2026-11-04", null], { partial: true }),
  },
  {
    lifter: "demo",
    shape: "count · day",
    questions: ["Did I train yesterday?", "how many workouts yesterday"],
    expect: count(["2026-12-02", "2026-12-03"]),
  },

  // ---- demo: progress (complete weeks), comparisons, records ----
  {
    lifter: "demo",
    shape: "progress · default window",
    questions: ["How is my squat going?", "squat progress", "How's my squat coming along?", "Is my squat improving?", "show me my squat trend"],
    expect: weeklyTrend("Squat (Barbell)", ["2026-06-08", null], LAST_WEEK, { never: [/Squat \(Dumbbell\)/] }),
  },
  {
    lifter: "demo",
    shape: "progress · this year",
    questions: ["How is my deadlift going this year?", "deadlift progress in 2026", "how has my deadlift improved this year"],
    expect: weeklyTrend("Deadlift (Barbell)", ["2026-01-05", null], LAST_WEEK, { never: [/29 Dec 2025/] }),
  },
  {
    lifter: "demo",
    shape: "progress · rolling months",
    questions: ["How is my overhead press going over the last 3 months?", "ohp progress in the past 3 months"],
    expect: weeklyTrend("Overhead Press (Barbell)", ["2026-09-07", null], LAST_WEEK),
  },
  {
    lifter: "demo",
    shape: "progress · per session",
    questions: ["How's my deadlift over the last 8 weeks?", "deadlift progress in the past 8 weeks"],
    expect: sessionTrend("Deadlift (Barbell)", ["2026-10-09", null]),
  },
  {
    lifter: "demo",
    shape: "progress · variant named",
    questions: ["How is my dumbbell bench going?", "dumbbell bench press progress", "How's my DB bench?"],
    expect: weeklyTrend("Bench Press (Dumbbell)", ["2026-06-08", null], LAST_WEEK, {
      never: [/from [\d.]+ kg \(the week of 8 Jun 2026\) .*Barbell/],
    }),
  },
  {
    lifter: "demo",
    shape: "progress · variant ambiguity",
    questions: ["How is my bench going?", "bench progress"],
    expect: async (db, l) => {
      const name = await mostLogged(db, l, ["Bench Press (Barbell)", "Bench Press (Dumbbell)"]);
      const t = await weeklyTrend(name, ["2026-06-08", null], LAST_WEEK)(db, l);
      return {
        ...t,
        says: [...(t.says ?? []), /You have Bench Press \((Barbell|Dumbbell)\) and Bench Press \((Barbell|Dumbbell)\) — showing/, `showing ${name}`],
      };
    },
  },
  {
    lifter: "demo",
    shape: "progress · variant named",
    questions: ["incline dumbbell press progress", "How is my incline dumbbell bench going?"],
    expect: weeklyTrend("Incline Bench Press (Dumbbell)", ["2026-06-08", null], LAST_WEEK),
  },
  {
    lifter: "demo",
    shape: "compare",
    questions: ["Compare squat and deadlift over the last 3 months", "squat vs deadlift in the past 3 months"],
    expect: async (db, l) => ({
      figures: [
        (await bestE1rm(db, l, "Squat (Barbell)", ["2026-09-07", null]))!,
        (await bestE1rm(db, l, "Deadlift (Barbell)", ["2026-09-07", null]))!,
      ],
      says: ["Squat (Barbell)", "Deadlift (Barbell)"],
    }),
  },
  {
    lifter: "demo",
    shape: "records · lift",
    questions: ["What's my best squat?", "squat PR", "What's my squat max?", "my heaviest squat ever"],
    expect: records("Squat (Barbell)"),
  },
  {
    lifter: "demo",
    shape: "records · lift",
    questions: ["What's my bench press record?", "bench PR"],
    expect: async (db, l) => records(await mostLogged(db, l, ["Bench Press (Barbell)", "Bench Press (Dumbbell)"]))(db, l),
  },
  {
    lifter: "demo",
    shape: "records · all",
    questions: ["What are my PRs?", "show my personal records"],
    expect: async (db, l) => ({ figures: [(await bestE1rm(db, l, "Deadlift (Barbell)", [null, null]))!], says: ["Deadlift (Barbell)"] }),
  },

  // ---- demo: volume (working sets only), sets per muscle group ----
  {
    lifter: "demo",
    shape: "volume · month",
    questions: ["What was my total volume last month?", "How much volume did I lift in November?", "total volume in november 2026"],
    expect: vol(NOVEMBER),
  },
  { lifter: "demo", shape: "volume · month", questions: ["monthly volume this year"], expect: vol(["2026-01-01", "2027-01-01"]) },
  {
    lifter: "demo",
    shape: "sets · muscle",
    questions: [
      "How many sets of chest did I do last week?",
      "chest sets last week",
      "How much chest work did I do last week?",
      "how many working sets for chest last week?",
    ],
    expect: sets("chest", ["chest"], LAST_WEEK),
  },
  {
    lifter: "demo",
    shape: "sets · muscle",
    questions: ["How many sets of back did I do last week?", "back sets last week"],
    expect: sets("back", ["back", "lats"], LAST_WEEK),
  },
  {
    lifter: "demo",
    shape: "sets · muscle",
    questions: ["How many sets for shoulders in November?", "how many shoulder sets last month"],
    expect: sets("shoulders", ["shoulders"], NOVEMBER),
  },
  {
    lifter: "demo",
    shape: "sets · muscle",
    questions: ["How many sets of legs did I do this week?"],
    expect: sets("legs", ["quads", "hamstrings", "glutes", "calves", "adductors", "abductors"], ["2026-11-30", "2026-12-07"]),
  },
  {
    lifter: "demo",
    shape: "sets · muscle",
    questions: ["how many biceps sets in the last 30 days?"],
    expect: sets("biceps", ["biceps"], ["2026-11-04", null]),
  },

  // ---- demo: stalls, today, safety, last workout, body ----
  {
    lifter: "demo",
    shape: "stalled",
    questions: [
      "Which lift has stalled?",
      "Have any of my lifts plateaued?",
      "What lifts are stuck?",
      "which exercises am I not progressing on?",
      "Is anything stalling?",
    ],
    expect: stalled(),
  },
  {
    lifter: "demo",
    shape: "today",
    questions: ["What should I do today?", "What's my workout for today?", "What should I train today?", "what's the plan for today?"],
    expect: today(),
  },
  {
    lifter: "demo",
    shape: "today · coach's programme",
    questions: ["What should I do today?", "what should I train today?"],
    plan: { programme: "Full body: twice a week", daysPerWeek: 2, progression: ["Add weight when all sets reach the top of the range"] },
    expect: async (db, l) => {
      const week = await sessionCount(db, l, ["2026-11-30", "2026-12-07"]);
      return week.days >= 2
        ? { figures: [week.days, 2], says: [/this week, which is what your programme asks for/, /Take today off/] }
        : { says: [/Add weight when all sets reach the top of the range/] };
    },
  },
  {
    lifter: "demo",
    shape: "today · coach's programme",
    questions: ["What should I do today?"],
    plan: { programme: "Upper/lower: four days", daysPerWeek: 4, progression: ["Add 2.5 kg to the top set when it moves well"] },
    expect: async (db, l) => {
      const t = await today()(db, l);
      return { ...t, says: [...(t.says ?? []), /How to progress \(Upper\/lower\): Add 2\.5 kg to the top set when it moves well/] };
    },
  },
  {
    lifter: "demo",
    shape: "today · the demo's own coach",
    questions: ["What should I do today?", "what's my workout for today"],
    plan: "primary",
    // The demo account's primary coach (seeded through the coach creator): its programme's rule.
    expect: async (db, l) => {
      const t = await today()(db, l);
      const c = await primaryCard(db, l);
      return { ...t, says: [...(t.says ?? []), `How to progress (${c.label}): ${c.progression}`], never: [/General strength/] };
    },
  },
  {
    lifter: "demo",
    shape: "pain · the demo's own coach",
    questions: ["Should I deload? My knees hurt"],
    plan: "primary",
    expect: async (db, l) => {
      const c = await primaryCard(db, l);
      return {
        says: [/Don't train through pain/, /physiotherapist or doctor/, `every ${c.deloadEvery} weeks`, ...c.rules.map((r) => `- ${r}`)],
        never: [/^- Avoid /m, /push through/i],
      };
    },
  },
  {
    lifter: "demo",
    shape: "pain · deload",
    questions: ["Should I deload? My knees hurt", "my knee hurts when I squat, what should I do?", "knees are aching, should I take a deload week?"],
    expect: pain(/knee/),
  },
  {
    lifter: "demo",
    shape: "pain",
    questions: ["My lower back is sore after deadlifts", "I tweaked my back, can I still train?"],
    expect: pain(/back/),
  },
  {
    lifter: "demo",
    shape: "pain",
    questions: ["shoulder pain when I bench — should I push through?", "my shoulder hurts"],
    expect: pain(/shoulder/),
  },
  {
    lifter: "demo",
    shape: "pain · movement",
    questions: ["it hurts when I press", "pressing hurts, what should I do?", "it hurts when I'm pressing, should I deload?"],
    // Tied to a movement, no body part named: advice about pressing, not a shoulder's default list.
    expect: async () => ({
      says: [/Don't train through pain/, /leave out the pressing that hurts/, /physiotherapist or doctor/],
      never: [/shoulder/i, /overhead pressing, dips/, /push through/i, /\d+ ?(kg|lb)\b/],
    }),
  },
  {
    lifter: "demo",
    shape: "pain · movement",
    questions: ["my shoulder hurts when I bench", "my knee hurts when I squat"],
    expect: async () => ({
      says: [
        /Don't train through pain/,
        /leave out the (bench press that makes your shoulder|squats that make your knee) hurt/,
        /physiotherapist or doctor/,
      ],
      never: [/overhead pressing, dips and wide-grip bench/, /deep squats, lunges, jumping/, /push through/i],
    }),
  },
  {
    lifter: "demo",
    shape: "pain · coach rules",
    questions: ["Should I deload? My knees hurt"],
    plan: {
      programme: "Upper/lower strength: four days",
      daysPerWeek: 4,
      deloadEveryWeeks: 6,
      deloadRules: ["Deload when joints ache"],
      safety: [
        "Stop any movement that causes sharp or worsening pain and suggest seeing a professional.",
        "Work around: left knee; pain-free range of motion only.",
      ],
      injuries: ["left knee"],
    },
    expect: async () => ({
      says: [/Don't train through pain/, /Work around: left knee/, /Deload when joints ache/, /every 6 weeks/, /physiotherapist or doctor/],
      never: [/push through/i],
    }),
  },
  {
    lifter: "demo",
    shape: "deload",
    questions: ["Should I deload?", "do I need a deload?"],
    expect: async (db, l) => {
      const s = await stalledLifts(db, l);
      return { says: [/deload rules/, ...s.stalled.map((n) => new RegExp(`^- ${esc(n)}: best`, "m"))] };
    },
  },
  {
    lifter: "demo",
    shape: "last workout",
    questions: ["What did I do in my last workout?", "what was my last session?", "show my most recent workout"],
    expect: lastWorkout(),
  },
  {
    lifter: "demo",
    shape: "body",
    questions: ["How has my bodyweight changed over the last 3 months?", "bodyweight trend in the past 3 months"],
    expect: body("bodyweight_kg", ["2026-09-04", null]),
  },
  { lifter: "demo", shape: "body", questions: ["How did I sleep last month?"], expect: body("sleep_hours", NOVEMBER) },

  // ---- Hevy import (New York; data ends Sep 2025) ----
  {
    lifter: "hevy",
    shape: "count · empty period → data span",
    questions: ["How many workouts did I do in March?", "How many workouts did I do this year?", "how many sessions last week?"],
    expect: countFallback(/^Nothing (in|this|last)/),
  },
  {
    lifter: "hevy",
    shape: "count · month with year",
    questions: ["How many workouts did I do in March 2025?", "How many sessions in March 2025?"],
    expect: count(["2025-03-01", "2025-04-01"]),
  },
  {
    lifter: "hevy",
    shape: "count · all time",
    questions: ["How many workouts in total?", "how many workouts have I ever done?"],
    expect: count([null, null]),
  },
  { lifter: "hevy", shape: "count · year", questions: ["How many workouts did I do in 2024?"], expect: count(["2024-01-01", "2025-01-01"]) },
  { lifter: "hevy", shape: "count · quarter", questions: ["How many workouts in Q1 2025?"], expect: count(["2025-01-01", "2025-04-01"]) },
  {
    lifter: "hevy",
    shape: "count · between",
    questions: ["How many workouts between April and June 2025?"],
    expect: count(["2025-04-01", "2025-07-01"]),
  },
  {
    lifter: "hevy",
    shape: "count · since",
    questions: ["How many workouts since August 2025?"],
    expect: count(["2025-08-01", null], { partial: true }),
  },
  {
    lifter: "hevy",
    shape: "progress · variant by history",
    questions: ["How is my bench going?", "bench progress"],
    expect: async (db, l) => {
      const name = await mostLogged(db, l, ["Bench Press (Barbell)", "Bench Press (Dumbbell)"]);
      const t = await lastDataWeek(name)(db, l);
      return { ...t, says: [...(t.says ?? []), `showing ${name}`] };
    },
  },
  {
    lifter: "hevy",
    shape: "progress · variant named",
    questions: ["How is my barbell bench going?", "barbell bench press progress"],
    expect: lastDataWeek("Bench Press (Barbell)", { never: [/showing Bench Press \(Dumbbell\)/] }),
  },
  { lifter: "hevy", shape: "progress · variant named", questions: ["machine chest press progress"], expect: lastDataWeek("Chest Press (Machine)") },
  { lifter: "hevy", shape: "progress · variant named", questions: ["How is my cable curl going?"], expect: lastDataWeek("Bicep Curl (Cable)") },
  {
    lifter: "hevy",
    shape: "progress · default → data span",
    questions: ["How's my squat going?", "squat progress"],
    expect: lastDataWeek("Squat (Barbell)"),
  },
  {
    lifter: "hevy",
    shape: "progress · named year",
    questions: ["How did my squat go in 2025?"],
    expect: async (db, l) => ({ figures: [(await bestE1rm(db, l, "Squat (Barbell)", ["2025-01-06", "2026-01-01"]))!], says: ["Squat (Barbell)"] }),
  },
  { lifter: "hevy", shape: "records · lift", questions: ["What's my best squat?", "squat PR"], expect: records("Squat (Barbell)") },
  {
    lifter: "hevy",
    shape: "records · lift",
    questions: ["my heaviest romanian deadlift", "RDL max"],
    expect: records("Romanian Deadlift (Barbell)"),
  },
  { lifter: "hevy", shape: "records · lift", questions: ["What's my lat pulldown PR?"], expect: records("Lat Pulldown (Cable)") },
  { lifter: "hevy", shape: "stalled", questions: ["Which lift has stalled?", "what lifts are stuck?"], expect: stalled() },
  {
    lifter: "hevy",
    shape: "sets · muscle",
    questions: ["How many sets of back did I do in August 2025?", "back sets in August 2025"],
    expect: sets("back", ["back", "lats"], ["2025-08-01", "2025-09-01"]),
  },
  {
    lifter: "hevy",
    shape: "sets · muscle",
    questions: ["How many sets of chest did I do in July 2025?"],
    expect: sets("chest", ["chest"], ["2025-07-01", "2025-08-01"]),
  },
  {
    lifter: "hevy",
    shape: "sets · empty period → data span",
    questions: ["How many sets of chest did I do last week?"],
    expect: async (db, l) => {
      const s = await sets("chest", ["chest"], [null, null])(db, l);
      return { ...s, says: [/^Nothing last week/, ...(s.says ?? [])] };
    },
  },
  { lifter: "hevy", shape: "last workout", questions: ["What did I do in my last workout?"], expect: lastWorkout() },
  {
    lifter: "hevy",
    shape: "volume · month",
    questions: ["total volume in July 2025", "How much volume did I lift in July 2025?"],
    expect: vol(["2025-07-01", "2025-08-01"]),
  },
  { lifter: "hevy", shape: "today", questions: ["What should I do today?"], expect: today() },

  // ---- Strong import (Berlin; data ends Oct 2025) ----
  {
    lifter: "strong",
    shape: "count · all time",
    questions: ["How many workouts have I done in total?", "all time workouts"],
    expect: count([null, null]),
  },
  { lifter: "strong", shape: "count · year", questions: ["How many workouts did I do in 2025?"], expect: count(["2025-01-01", "2026-01-01"]) },
  {
    lifter: "strong",
    shape: "count · month with year",
    questions: ["How many workouts in December 2024?"],
    expect: count(["2024-12-01", "2025-01-01"]),
  },
  {
    lifter: "strong",
    shape: "count · empty period → data span",
    questions: ["How many workouts did I do last month?", "How many workouts in March?"],
    expect: countFallback(/^Nothing (in|last)/),
  },
  {
    lifter: "strong",
    shape: "progress · variant by equipment",
    questions: ["cable row progress", "How is my cable row going?"],
    expect: lastDataWeek("Seated Row (Cable)", { never: [/Bent Over Row/] }),
  },
  {
    lifter: "strong",
    shape: "progress · variant ambiguity",
    questions: ["How's my squat going?"],
    expect: async (db, l) => {
      const name = await mostLogged(db, l, ["Squat (Barbell)", "Squat (Dumbbell)"]);
      const t = await lastDataWeek(name)(db, l);
      return { ...t, says: [...(t.says ?? []), /You have Squat \((Barbell|Dumbbell)\) and Squat \((Barbell|Dumbbell)\)/] };
    },
  },
  { lifter: "strong", shape: "progress · variant named", questions: ["dumbbell squat progress"], expect: lastDataWeek("Squat (Dumbbell)") },
  {
    lifter: "strong",
    shape: "progress · variant named",
    questions: ["How is my machine lat pulldown going?"],
    expect: lastDataWeek("Lat Pulldown (Machine)"),
  },
  {
    lifter: "strong",
    shape: "records · lift",
    questions: ["What's my best chest press?", "machine chest press PR"],
    expect: records("Chest Press (Machine)"),
  },
  { lifter: "strong", shape: "stalled", questions: ["Which lift has stalled?"], expect: stalled() },
  { lifter: "strong", shape: "last workout", questions: ["What did I do in my last workout?"], expect: lastWorkout() },
  {
    lifter: "strong",
    shape: "sets · muscle",
    questions: ["How many sets of chest did I do in September 2025?"],
    expect: sets("chest", ["chest"], ["2025-09-01", "2025-10-01"]),
  },
];
