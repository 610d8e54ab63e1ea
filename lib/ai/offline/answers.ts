import { localDate } from "@/lib/time/zone";
import { addDays, daysBetween } from "@/lib/time/calendar";
import { formatDay, mondayOf, type Period } from "@/lib/time/periods";
import type { CoachPersona, CoachPlan, PromptContext } from "../system-prompt";
import { DEFAULT_COACH_NAME } from "../system-prompt";
import { exercisesFor, isAvoided, muscleAdvice, progressAdvice } from "./coaching";
import type { ExerciseRef } from "./exercises";
import type { Intent } from "./intents";
import type { ToolStep } from "./prompt";
import { listNames } from "./variants";
import { chooseToday } from "@/lib/plans/rotation";

/**
 * The offline coach's written answers. Every number in an answer is copied from a query result
 * (rows are rounded by the SQL already), from the question, or from the coach's plan — nothing
 * is computed here except comparisons and counting rows, so the answer never states a number the
 * data does not contain. Suggestions carry no digits. No filler: every line says something.
 */
type Row = Record<string, unknown>;
/** The asked period held nothing: the answer covers `range` instead, inside the data's span. */
export type Fallback = { requested: Period; first: string; last: string; range: Period; what: "training" | "sets" | "entries"; label: string };
export type AnswerInput = {
  intent: Intent;
  rows: Row[];
  /** The result was cut (sandbox row cap or the rows shown to the model): never state totals or absences from it. */
  truncated?: boolean;
  ctx: PromptContext;
  persona: CoachPersona | null;
  plan?: CoachPlan | null;
  fallback?: Fallback | null;
  /** Sentences to put first (which exercise variant is shown, …). */
  notes?: string[];
  /** The user has no data of this kind at all. */
  noDataAtAll?: boolean;
  chartShown?: boolean;
};

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const VOLUME_DEFINITION = "Volume is weight × reps of working sets (warm-ups excluded).";

function num(v: unknown): number | null {
  const n = typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" ? Number(v) : NaN;
  return Number.isFinite(n) ? n : null;
}

/** A number exactly as the tool returned it (thousands separated). */
function fmt(v: unknown): string {
  const n = num(v);
  if (n === null) return "—";
  return Number.isInteger(n) ? n.toLocaleString("en-US") : String(n);
}

function fmtDate(v: unknown, tz: string): string {
  const s = String(v ?? "");
  const day = /^\d{4}-\d{2}-\d{2}$/.test(s) ? s : s.length > 10 && !Number.isNaN(Date.parse(s)) ? localDate(new Date(s), tz) : s.slice(0, 10);
  const m = day.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  if (!m) return s;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
}

function style(persona: CoachPersona | null) {
  const tone = (persona?.tone ?? "").toLowerCase();
  return {
    direct: /\b(direct|blunt|brief|terse|no[- ]nonsense|strict|drill)/.test(tone),
    warm: /\b(encourag|friendly|warm|supportive|positive|hype|cheer)/.test(tone),
    technical: /\b(technical|analytic|detailed|nerd|scientific)/.test(tone),
  };
}

function finish(lines: string[], input: AnswerInput, advice: string | null): string {
  const s = style(input.persona);
  const out = [...(input.notes ?? []), ...lines];
  if (input.truncated) out.push("This result was cut at the row limit, so it is partial: ask for a shorter period for exact totals.");
  if (advice) out.push(s.direct ? advice : `Coach's note: ${advice}`);
  return out.join("\n\n");
}

function bestBy(rows: Row[], col: string): Row | null {
  let best: Row | null = null;
  for (const r of rows) if (num(r[col]) !== null && (best === null || num(r[col])! > num(best[col])!)) best = r;
  return best;
}

function trendOf(first: number, last: number): "up" | "flat" | "down" {
  if (last > first) return "up";
  if (last < first) return "down";
  return "flat";
}

function what(intent: Intent): string {
  switch (intent.kind) {
    case "progress":
    case "records":
      return `${intent.exercise ? `${intent.exercise.label} ` : ""}sets`;
    case "compare":
      return `sets for ${intent.exercises.map((e) => e.label).join(" or ")}`;
    case "body":
      return intent.metric === "bodyweight" ? "bodyweight entries" : intent.metric === "sleep" ? "sleep entries" : "resting heart rate entries";
    case "muscle_sets":
      return `working sets for ${intent.muscle.label}`;
    case "last_workout":
    case "today":
      return "sessions";
    case "frequency":
      return intent.exercise ? `working sets of ${intent.exercise.label}` : "workouts";
    default:
      return "training";
  }
}

function emptyAnswer(input: AnswerInput): string {
  const { intent } = input;
  const range = "range" in intent ? intent.range : null;
  if (input.noDataAtAll || !range || range.kind === "all") {
    return finish(
      [
        `I found no ${what(intent)} in your history yet. Log a workout here in the chat (for example "bench 3x8 @ 60kg") or import your history, and ask again.`,
      ],
      input,
      null,
    );
  }
  return finish([`No ${what(intent)} ${during(range)}.`], input, null);
}

/** "in March 2026", "since 5 Mar 2026", "last week (…)", "in the last 8 weeks", "at all". */
function during(range: Period): string {
  const l = range.label;
  if (range.kind === "all") return "at all";
  if (/^(since|this|last|today|yesterday)\b/.test(l)) return l;
  if (/^the /.test(l)) return `in ${l}`;
  if (range.kind === "between" && l.includes("–")) return `between ${l.replace(" – ", " and ")}`;
  if (range.from && range.to && range.from === range.to) return `on ${l}`;
  return /^\d{1,2} [A-Z][a-z]{2} \d{4}$/.test(l) ? `on ${l}` : `in ${l}`;
}

function fallbackLine(f: Fallback, intent: Intent): string {
  const noun =
    f.what === "entries"
      ? "entries"
      : f.what === "sets"
        ? intent.kind === "compare"
          ? "sets of these lifts"
          : `sets of ${exercisesLabel(intent)}`
        : "training";
  return `Nothing ${during(f.requested)}: your ${noun} ${noun === "training" ? "spans" : "span"} ${formatDay(f.first)} to ${formatDay(f.last)}. Here is ${f.label}:`;
}

function exercisesLabel(intent: Intent): string {
  return "exercise" in intent && intent.exercise ? intent.exercise.label : "it";
}

export function composeAnswer(input: AnswerInput): string {
  const { rows, ctx, intent } = input;
  const head: string[] = input.fallback ? [fallbackLine(input.fallback, intent)] : [];
  const done = (lines: string[], advice: string | null = null) => finish([...head, ...lines], input, advice);
  if (intent.kind === "today") return todayAnswer(input);
  if (intent.kind === "stalled" || intent.kind === "deload") return stalledAnswer(input);
  if (rows.length === 0) return input.fallback ? done([`No ${what(intent)} in that span either.`]) : emptyAnswer(input);
  const u = ctx.units;
  const tz = ctx.timeZone;
  const today = ctx.today;
  const thisWeek = mondayOf(today);
  switch (intent.kind) {
    case "progress": {
      const x = "week" in rows[0] ? "week" : "day";
      const when = (r: Row) => (x === "week" ? `the week of ${fmtDate(r[x], tz)}` : fmtDate(r[x], tz));
      const label = intent.range.label;
      if (!intent.exercise) {
        const lines = [`Your most-trained lifts, ${label} (best estimated 1RM):`];
        for (const name of [...new Set(rows.map((r) => String(r.exercise_name)))]) {
          const rs = rows.filter((r) => r.exercise_name === name && num(r[`best_e1rm_${u}`]) !== null);
          if (rs.length === 0) continue;
          lines.push(
            `- ${name}: ${fmt(rs[0][`best_e1rm_${u}`])} ${u} (${when(rs[0])}) → ${fmt(rs[rs.length - 1][`best_e1rm_${u}`])} ${u} (${when(rs[rs.length - 1])})`,
          );
        }
        return done(lines);
      }
      const key = `best_e1rm_${u}`;
      let withE1rm = rows.filter((r) => num(r[key]) !== null);
      if (withE1rm.length === 0) {
        const most = bestBy(rows, "sets")!;
        return done([
          `${intent.exercise.label}, ${label}: these sets have no weight and reps to estimate a 1RM from. Most working sets in one ${x}: ${fmt(most.sets)} (${when(most)}).`,
        ]);
      }
      // The current week is not over: leave it out of the comparison and report it on its own.
      const current =
        x === "week" && withE1rm.length > 1 && String(withE1rm[withE1rm.length - 1].week) === thisWeek ? withE1rm[withE1rm.length - 1] : null;
      if (current) withE1rm = withE1rm.slice(0, -1);
      const first = withE1rm[0];
      const last = withE1rm[withE1rm.length - 1];
      const peak = bestBy(withE1rm, key)!;
      const heaviest = bestBy(rows, `top_weight_${u}`);
      const trend = trendOf(num(first[key])!, num(last[key])!);
      const s = style(input.persona);
      const unitWord = x === "week" ? "complete week" : "session";
      const lines = [
        withE1rm.length === 1
          ? `${intent.exercise.label}, ${label}: one ${unitWord} with data — best estimated 1RM ${fmt(first[key])} ${u} (${when(first)}).`
          : trend === "flat"
            ? `${intent.exercise.label}, ${label}: your best estimated 1RM held at ${fmt(first[key])} ${u} (${when(first)} and ${when(last)}).`
            : `${intent.exercise.label}, ${label}: your best estimated 1RM went ${trend} — from ${fmt(first[key])} ${u} (${when(first)}) to ${fmt(last[key])} ${u} (${when(last)})${x === "week" ? ", comparing complete weeks" : ""}.`,
        `Peak: ${fmt(peak[key])} ${u} (${when(peak)})${heaviest ? `. Heaviest working set: ${fmt(heaviest[`top_weight_${u}`])} ${u} (${when(heaviest)})` : ""}.`,
      ];
      if (current) lines.push(`This week so far (not over yet): ${fmt(current[key])} ${u}.`);
      if (s.technical) lines.push("Estimated 1RM uses the Epley formula on your working sets (warm-ups excluded).");
      return done(
        lines,
        withE1rm.length > 1 && trend !== "up" ? progressAdvice(intent.exercise.name ?? intent.exercise.label, trend, input.persona) : null,
      );
    }
    case "compare": {
      const key = `best_e1rm_${u}`;
      const lines = [`Best estimated 1RM, ${intent.range.label}:`];
      for (const ex of intent.exercises) {
        let rs = rows.filter(
          (r) =>
            (ex.name ? r.exercise_name === ex.name : String(r.exercise_name).toLowerCase().includes(ex.label.toLowerCase())) && num(r[key]) !== null,
        );
        if (rs.length === 0) {
          lines.push(`- ${ex.label}: no sets in this period.`);
          continue;
        }
        const current = rs.length > 1 && String(rs[rs.length - 1].week) === thisWeek ? rs[rs.length - 1] : null;
        if (current) rs = rs.slice(0, -1);
        const peak = bestBy(rs, key)!;
        lines.push(
          `- ${rs[0].exercise_name}: ${fmt(rs[0][key])} ${u} (week of ${fmtDate(rs[0].week, tz)}) → ${fmt(rs[rs.length - 1][key])} ${u} (week of ${fmtDate(rs[rs.length - 1].week, tz)}); peak ${fmt(peak[key])} ${u}${current ? `; this week so far ${fmt(current[key])} ${u}` : ""}.`,
        );
      }
      return done(lines);
    }
    case "volume": {
      const x = intent.bucket;
      const label = (r: Row) => (x === "week" ? `the week of ${fmtDate(r[x], tz)}` : monthLabel(r[x]));
      const isCurrent = (r: Row) => (x === "week" ? String(r[x]) === thisWeek : String(r[x]).slice(0, 7) === today.slice(0, 7));
      const vol = `volume_${u}`;
      if (intent.byMuscle) {
        const periods = [...new Set(rows.map((r) => String(r[x])))];
        // the latest complete period (the current one is still running)
        const pick =
          periods.length > 1 && isCurrent({ [x]: periods[periods.length - 1] }) ? periods[periods.length - 2] : periods[periods.length - 1];
        const latest = rows.filter((r) => String(r[x]) === pick).sort((a, b) => (num(b.sets) ?? 0) - (num(a.sets) ?? 0));
        const partial = isCurrent(latest[0]) ? " (not over yet)" : "";
        const lines = [`Working sets by muscle group in ${label(latest[0])}${partial} (the chart covers ${intent.range.label}):`];
        for (const r of latest) lines.push(`- ${r.muscle}: ${fmt(r.sets)} sets${num(r[vol]) !== null ? `, ${fmt(r[vol])} ${u}` : ""}`);
        lines.push(
          `A set counts for every primary muscle of its exercise (a squat is quads and glutes), so these add up to more than your total. ${VOLUME_DEFINITION}`,
        );
        const trained = new Set(latest.map((r) => (String(r.muscle) === "lats" ? "back" : String(r.muscle))));
        const gap =
          input.truncated || trained.has("other") ? undefined : ["back", "chest", "quads", "hamstrings", "shoulders"].find((m) => !trained.has(m));
        const advice = gap
          ? (() => {
              const tip = muscleAdvice(gap, input.persona);
              return tip ? `No sets for ${gap} in that ${x}. ${tip}` : null;
            })()
          : null;
        return done(lines, advice);
      }
      let complete = rows.filter((r) => !isCurrent(r));
      if (complete.length === 0) complete = rows;
      const peak = bestBy(complete, vol) ?? bestBy(complete, "sets")!;
      const last = rows[rows.length - 1];
      const lines = [
        `${x === "week" ? "Weekly" : "Monthly"} volume${intent.exercise ? ` for ${intent.exercise.label}` : ""}, ${intent.range.label}:`,
        ...(input.truncated
          ? []
          : [
              `- Total: ${num(rows[0][`total_${vol}`]) !== null ? `${fmt(rows[0][`total_${vol}`])} ${u} over ` : ""}${fmt(rows[0].total_sets)} working sets${num(rows[0].total_reps) !== null ? ` (${fmt(rows[0].total_reps)} reps)` : ""}.`,
            ]),
        `- Highest: ${num(peak[vol]) !== null ? `${fmt(peak[vol])} ${u} over ` : ""}${fmt(peak.sets)} sets in ${label(peak)}.`,
        `- Latest: ${num(last[vol]) !== null ? `${fmt(last[vol])} ${u} over ` : ""}${fmt(last.sets)} sets in ${label(last)}${isCurrent(last) ? " (not over yet)" : ""}.`,
        VOLUME_DEFINITION,
      ];
      return done(lines);
    }
    case "muscle_sets": {
      const total = num(rows[0].total_sets) ?? 0;
      const unknown = num(rows[0].sets_without_muscles) ?? 0;
      const by = rows.filter((r) => (num(r.sets) ?? 0) > 0);
      const lines: string[] = [];
      const partial = intent.range.partial && intent.range.kind !== "all" ? " so far" : "";
      if (total === 0) lines.push(`No working sets for ${intent.muscle.label} ${during(intent.range)}${partial}.`);
      else {
        lines.push(`${cap(intent.muscle.label)}, ${intent.range.label}: ${fmt(rows[0].total_sets)} working sets${partial}.`);
        lines.push(by.map((r) => `- ${r.exercise_name}: ${fmt(r.sets)}`).join("\n"));
      }
      lines.push(
        `Counted: working sets (warm-ups excluded) of exercises whose primary muscles include ${intent.muscle.muscles.length > 1 ? `${intent.muscle.label} (${intent.muscle.muscles.join(", ")})` : intent.muscle.label}.`,
      );
      if (unknown > 0)
        lines.push(
          `${fmt(rows[0].sets_without_muscles)} working sets in this period are of exercises with no muscle groups recorded (custom names), so they are not counted.`,
        );
      return done(lines);
    }
    case "records": {
      if (intent.exercise) {
        const lines = [`${intent.exercise.label} — heaviest working set for each rep count${intent.range ? ` (${intent.range.label})` : ""}:`];
        for (const r of rows) lines.push(`- ${fmt(r.reps)} rep${num(r.reps) === 1 ? "" : "s"}: ${fmt(r[`best_weight_${u}`])} ${u}`);
        const top = bestBy(rows, `best_e1rm_${u}`);
        if (top) lines.push(`Best estimated 1RM: ${fmt(top[`best_e1rm_${u}`])} ${u}.`);
        return done(lines);
      }
      const lines = [`Your personal records${intent.range ? ` (${intent.range.label})` : ""}, by estimated 1RM:`];
      for (const r of rows.slice(0, 8)) {
        const e1rm = num(r[`best_e1rm_${u}`]) !== null ? `e1RM ${fmt(r[`best_e1rm_${u}`])} ${u}, ` : "";
        lines.push(`- ${r.exercise_name}: ${e1rm}heaviest ${fmt(r[`heaviest_${u}`])} ${u}`);
      }
      return done(lines);
    }
    case "frequency": {
      const first = rows[0];
      const last = rows[rows.length - 1];
      const partial = intent.range.partial && intent.range.kind !== "all" && !input.fallback ? " so far" : "";
      const label = intent.range.kind === "all" ? "In total" : cap(intent.range.label);
      const sets =
        intent.exercise && num(first.total_sets) !== null ? ` (${fmt(first.total_sets)} working set${num(first.total_sets) === 1 ? "" : "s"})` : "";
      const lines = [
        `${intent.exercise ? `${intent.exercise.label}, ${intent.range.kind === "all" ? "in total" : intent.range.label}` : label}: ${fmt(first.total_sessions)} workout${num(first.total_sessions) === 1 ? "" : "s"} on ${fmt(first.training_days)} day${num(first.training_days) === 1 ? "" : "s"}${partial}${sets}.`,
        `The first was on ${fmtDate(first.first_day ?? first.day, tz)}, the most recent on ${fmtDate(first.last_day ?? last.day, tz)}.`,
      ];
      // "average workouts per week": the count over the period's weeks (so far), both stated.
      const tomorrow = addDays(today, 1);
      const end = intent.range.to && intent.range.to < tomorrow ? intent.range.to : tomorrow;
      const days = input.fallback || !intent.range.from ? null : daysBetween(intent.range.from, end);
      if (intent.average && days && days >= 7 && num(first.total_sessions) !== null) {
        const weeks = Math.round((days / 7) * 10) / 10;
        const avg = Math.round((num(first.total_sessions)! / (days / 7)) * 10) / 10;
        lines.push(`That's ${fmt(avg)} workouts a week on average over ${fmt(weeks)} weeks (${fmt(days)} days)${partial}.`);
      }
      // the totals are window aggregates over every row, so a cut list of days does not change them
      return "total_sessions" in first && "last_day" in first ? finish([...head, ...lines], { ...input, truncated: false }, null) : done(lines);
    }
    case "last_workout": {
      const r0 = rows[0];
      const lines = [
        `Your last session${r0.session_name ? `, "${String(r0.session_name)}"` : ""}, was on ${fmtDate(r0.started_at, tz)} (working sets; warm-ups left out):`,
      ];
      for (const r of rows) {
        const parts = [`${fmt(r.sets)} set${num(r.sets) === 1 ? "" : "s"}`];
        if (num(r[`top_weight_${u}`]) !== null) parts.push(`top ${fmt(r[`top_weight_${u}`])} ${u}`);
        if (num(r.total_reps) !== null) parts.push(`${fmt(r.total_reps)} reps`);
        if (num(r[`volume_${u}`]) !== null) parts.push(`${fmt(r[`volume_${u}`])} ${u} volume`);
        lines.push(`- ${r.exercise_name}: ${parts.join(", ")}`);
      }
      return done(lines);
    }
    case "body": {
      const col = intent.metric === "bodyweight" ? `bodyweight_${u}` : intent.metric === "sleep" ? "sleep_hours" : "resting_hr";
      const unit = intent.metric === "bodyweight" ? u : intent.metric === "sleep" ? "h" : "bpm";
      const name = intent.metric === "bodyweight" ? "Bodyweight" : intent.metric === "sleep" ? "Sleep" : "Resting heart rate";
      const first = rows[0];
      const last = rows[rows.length - 1];
      const hi = bestBy(rows, col)!;
      let lo = rows[0];
      for (const r of rows) if ((num(r[col]) ?? Infinity) < (num(lo[col]) ?? Infinity)) lo = r;
      return done([
        `${name}, ${intent.range.label}: ${fmt(first[col])} ${unit} on ${fmtDate(first.date, tz)} → ${fmt(last[col])} ${unit} on ${fmtDate(last.date, tz)}.`,
        `Range: ${fmt(lo[col])}–${fmt(hi[col])} ${unit}.`,
      ]);
    }
    default:
      return capabilities(input.persona);
  }
}

/** "Which lift has stalled?" and "Should I deload?" (without pain): from the stall query. */
function stalledAnswer(input: AnswerInput): string {
  const { rows, ctx, intent } = input;
  const u = ctx.units;
  const tz = ctx.timeZone;
  const plan = input.plan;
  if (rows.length === 0) {
    const lines = [
      "I can't judge stalls yet: no lift was trained on at least three days in the six weeks up to your last session with an earlier best to compare against.",
    ];
    if (intent.kind === "deload") lines.push(...deloadRules(plan));
    return finish(lines, input, null);
  }
  const start = fmtDate(rows[0].window_start, tz);
  const end = fmtDate(rows[0].window_end, tz);
  const stalled = rows.filter((r) => r.stalled === true || r.stalled === "true" || r.stalled === "t");
  const moving = rows.filter((r) => !stalled.includes(r));
  const lines: string[] = [];
  const window = `the six weeks up to your last session (${start} – ${end})`;
  if (stalled.length === 0) {
    lines.push(
      `None of your lifts has stalled: each of the ${fmt(rows.length)} lifts you trained on at least three days in ${window} set a new best estimated 1RM in that time.`,
    );
  } else {
    lines.push(`Stalled — no new best estimated 1RM in ${window}, though trained on at least three days:`);
    for (const r of stalled) {
      lines.push(
        `- ${r.exercise_name}: best ${fmt(r[`previous_best_${u}`])} ${u} on ${fmtDate(r.previous_best_day, tz)}; at most ${fmt(r[`recent_best_${u}`])} ${u} since (${fmt(r.recent_days)} days trained).`,
      );
    }
    if (moving.length) lines.push(`Still setting new bests: ${listNames(moving.map((r) => String(r.exercise_name)))}.`);
  }
  if (intent.kind === "deload") {
    const many = stalled.length >= 2 || (rows.length > 0 && stalled.length * 2 >= rows.length);
    lines.push(
      many
        ? "Several lifts have stopped moving at once — a lighter week is a reasonable call."
        : stalled.length === 1
          ? "Only one lift has stopped moving: change that lift's rep range or variation before deloading everything."
          : "Your lifts are still moving, so nothing in the numbers calls for a deload yet — take one anyway if joints ache or sleep has been poor.",
    );
    lines.push(...deloadRules(plan));
    return finish(lines, input, null);
  }
  const advice = stalled.length ? progressAdvice(String(stalled[0].exercise_name), "flat", input.persona) : null;
  return finish(lines, input, advice);
}

function deloadRules(plan: CoachPlan | null | undefined): string[] {
  const rules = plan?.deloadRules ?? [];
  if (!rules.length && !plan?.deloadEveryWeeks) return [];
  const every = plan?.deloadEveryWeeks ? ` Your programme plans one every ${plan.deloadEveryWeeks} weeks.` : "";
  return [`Your coach's deload rules:${every}${rules.length ? `\n${rules.map((r) => `- ${r}`).join("\n")}` : ""}`];
}

/** "What should I do today?": the next session of the user's own rotation, from their last four weeks and the coach's plan. */
function todayAnswer(input: AnswerInput): string {
  const { rows, ctx, plan, persona } = input;
  const u = ctx.units;
  const tz = ctx.timeZone;
  if (plan?.assignedToday?.length) {
    const [heading, ...exercises] = plan.assignedToday;
    const lines = [`${heading} Your trainer set this session:`, exercises.map((e) => `- ${e}`).join("\n")];
    if (plan.injuries?.length) lines.push(`Work around ${listNames(plan.injuries)}: pain-free range only, and stop a movement that hurts.`);
    return finish(lines, input, null);
  }
  if (rows.length === 0)
    return finish(
      ["I found no sessions in your history yet, so I have nothing to build today's session from. Log a workout or import your history first."],
      input,
      null,
    );
  type Session = { day: string; name: string; rows: Row[]; lifting: boolean };
  const sessions: Session[] = [];
  for (const r of rows) {
    const day = String(r.day);
    const name = String(r.session_name ?? "Workout");
    let s = sessions.find((x) => x.day === day && x.name === name);
    if (!s) sessions.push((s = { day, name, rows: [], lifting: false }));
    s.rows.push(r);
    if (num(r[`top_weight_${u}`]) !== null) s.lifting = true;
  }
  const lines: string[] = [];
  const choice = chooseToday(sessions, ctx.today, mondayOf(ctx.today), plan?.daysPerWeek);
  if (choice.kind === "trained-today") {
    lines.push(
      `You've already trained today (${choice.session.name}). Today's job is recovery: eat, sleep, and come back fresh for the next session.`,
    );
    return finish(lines, input, null);
  }
  if (choice.kind === "week-done") {
    lines.push(
      `You've trained on ${fmt(choice.sessionsThisWeek)} days this week, which is what your programme asks for (${plan?.daysPerWeek} days a week). Take today off or keep it to easy cardio and mobility.`,
    );
    return finish(lines, input, null);
  }
  if (choice.kind === "none") return finish([], input, null);
  const { name: next, template, lastDay, gapDays: gap } = choice;
  if (gap > 10)
    lines.push(
      `Your last session was on ${fmtDate(lastDay, tz)}, a while ago — ease back in: repeat your usual session a little lighter than last time.`,
    );
  lines.push(`Next in your rotation: ${next} (last done ${fmtDate(choice.lastDone, tz)}). Last time, working sets:`);
  for (const r of template.rows) {
    const name = String(r.exercise_name);
    const avoided = isAvoided(name, persona);
    const top =
      num(r[`top_weight_${u}`]) !== null ? `, top ${fmt(r[`top_weight_${u}`])} ${u}${num(r.top_reps) !== null ? ` × ${fmt(r.top_reps)}` : ""}` : "";
    lines.push(`- ${name}: ${fmt(r.sets)} set${num(r.sets) === 1 ? "" : "s"}${top}${avoided ? " — skip it: your coach's settings avoid it" : ""}`);
  }
  const rule = plan?.progression?.[0];
  lines.push(
    rule
      ? `How to progress (${plan?.programme?.split(":")[0] ?? "your programme"}): ${rule}`
      : "Repeat those weights; add a small jump only where every set moved well last time.",
  );
  if (plan?.injuries?.length) lines.push(`Work around ${listNames(plan.injuries)}: pain-free range only, and stop a movement that hurts.`);
  return finish(lines, input, null);
}

/** "Should I deload? My knees hurt": safety first, from the coach's rules; no tools, no numbers. */
export function painAnswer(intent: Extract<Intent, { kind: "pain" }>, plan: CoachPlan | null, persona: CoachPersona | null): string {
  const area = intent.area;
  const where = area ? `your ${area}` : "it";
  const SWAPS: Record<string, string> = {
    knee: "deep squats, lunges, jumping and leg extensions — keep to pain-free range (box squats to a comfortable depth, hip hinges, upper-body work)",
    back: "heavy deadlifts, good mornings and heavy squats — try supported rows, machines and core bracing work that doesn't hurt",
    shoulder: "overhead pressing, dips and wide-grip bench — try neutral-grip pressing in a pain-free range, rows and face pulls",
    elbow: "skull crushers, dips and heavy curls — lighter, higher-rep work only if it's pain-free",
    wrist: "front-rack positions and flat-palm push-ups — use wraps, neutral grips or machines",
    hip: "deep loaded hip flexion and sumo stances — keep to a comfortable range",
    neck: "shrugs and anything loading the neck — keep the head neutral",
    ankle: "running and jumping — try cycling or seated work",
    hamstring: "sprinting, Romanian deadlifts and heavy leg curls",
    chest: "heavy flyes, dips and maximal benching",
  };
  // Pain tied to a movement ("it hurts when I press"): advice about that movement, as said — not a
  // body part's whole list, and no body part the lifter did not name.
  const MOVES: Record<string, string> = {
    pressing:
      "find a press that doesn't hurt — a different grip or bar path, a shorter range (floor or board press), a lighter load — and if every press hurts, leave pressing out for now and train the rest",
    "overhead pressing": "try landmine or incline pressing in a pain-free range; if those hurt too, leave pressing out for now",
    "bench press": "try a closer grip, a pause, a shorter range (floor or board press) or dumbbells at a lighter load",
    "push-ups": "try them on an incline or with handles, in a pain-free range",
    dips: "leave dips out; push-ups or a close-grip press usually cover the same work",
    squats: "squat to a depth that doesn't hurt (box squats), try a different stance or bar, or lighter loads",
    deadlifts: "pull from blocks or with a trap bar, lighter, and stop at the first twinge",
    lunges: "try shorter steps, split squats holding on to something, or leg presses in a pain-free range",
    "pull-ups": "try a neutral grip, lat pulldowns or band-assisted reps in a pain-free range",
    rows: "try a chest-supported row or a different grip, lighter",
    pulling: "try a neutral grip, a chest-supported row or a pulldown, lighter",
    curls: "try a neutral (hammer) grip or cables, lighter",
    running: "swap running for cycling, rowing or walking for now",
    jumping: "leave jumps out; step-ups and sled work keep the legs busy",
  };
  const move = intent.movement;
  const plural = move !== null && /s$/.test(move) && !/press$/.test(move);
  const lines = move
    ? [
        `Don't train through pain. ${intent.deload ? "Yes — make this a lighter week, and" : "For now,"} leave out the ${move} that ${area ? `make${plural ? "" : "s"} ${where} hurt` : `hurt${plural ? "" : "s"}`}: ${MOVES[move] ?? "keep to a variation, range and load that are pain-free"}.`,
      ]
    : [
        `Don't train through pain. ${intent.deload ? "Yes — make this a lighter week, and" : "For now,"} leave out what makes ${where} hurt${area && SWAPS[area] ? `: ${SWAPS[area]}` : ", and keep everything else in a pain-free range"}.`,
      ];
  if (intent.deload || /deload/.test(plan?.deloadRules?.join(" ") ?? "")) lines.push(...deloadRules(plan));
  const safety = plan?.safety ?? [];
  if (safety.length) lines.push(`Your coach's safety rules:\n${safety.map((r) => `- ${r}`).join("\n")}`);
  if (plan?.injuries?.length) lines.push(`Your coach has these on record: ${listNames(plan.injuries)}.`);
  lines.push(
    `If the pain is sharp, comes with swelling or instability, gets worse, or is still there after a week or two of easier training, see a physiotherapist or doctor before ${area || !move ? `loading ${where}` : `heavy ${move}`} again.`,
  );
  if (persona?.name) lines.unshift(`${persona.name} here.`);
  return lines.join("\n\n");
}

/** A named lift the user has never logged: say so, and which names they do have. */
export function notLoggedAnswer(refs: ExerciseRef[], steps: ToolStep[]): string {
  const resolve = steps.find((s) => s.toolName === "query_training_data" && Array.isArray((s.output as { rows?: unknown[] } | undefined)?.rows));
  const names = (((resolve?.output as { rows?: Row[] } | undefined)?.rows ?? []) as Row[]).slice(0, 5).map((r) => String(r.exercise_name));
  const asked = listNames(refs.map((r) => r.phrase ?? r.label));
  if (names.length === 0)
    return `I found no sets of ${asked} — in fact no training in your history yet. Log a workout here in the chat or import your history, and ask again.`;
  return `I found no sets of ${asked} in your history. Your most-logged exercises are ${listNames(names)} — ask about one of those, or use the name you log it under.`;
}

function monthLabel(v: unknown): string {
  const m = String(v).match(/^(\d{4})-(\d{2})/);
  return m ? `${MONTHS[Number(m[2]) - 1]} ${m[1]}` : String(v);
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function coachName(persona: CoachPersona | null): string {
  return persona?.name?.trim() || DEFAULT_COACH_NAME;
}

export function capabilities(persona: CoachPersona | null): string {
  return [
    `I'm ${coachName(persona)}, the built-in offline coach. I answer from your logged training and draw charts. Things I understand:`,
    `- Progress on a lift: "How is my squat going over the last 6 months?"`,
    `- Comparing lifts: "Compare bench press and overhead press this year"`,
    `- Volume: "Weekly volume by muscle group since March", "Monthly volume this year"`,
    `- Personal records: "What are my PRs?", "My deadlift rep maxes"`,
    `- Consistency: "How often did I train in the last 8 weeks?" (calendar heatmap)`,
    `- Your last workout: "What did I do last session?"`,
    `- Body metrics: "Bodyweight trend", "How did I sleep this month?", "Resting heart rate"`,
    `- Logging: describe a workout, e.g. "bench 3x8 @ 60kg, last set only 6" or "ran 5k in 25:30" — I'll prepare a draft for you to confirm.`,
    `- Ideas: "Suggest shoulder exercises"`,
  ].join("\n");
}

export function suggestAnswer(intent: Extract<Intent, { kind: "suggest" }>, persona: CoachPersona | null): string {
  const muscle = intent.muscle ?? intent.exercise?.muscles?.[0] ?? null;
  if (!muscle) {
    return `Tell me which muscle group you want ideas for — for example "suggest shoulder exercises" or "what should I add for back?"`;
  }
  const options = exercisesFor(muscle, persona);
  const avoided = persona?.avoid?.length ? ` (leaving out ${persona.avoid.join(", ")}, as your coach settings ask)` : "";
  if (options.length === 0) return `I have no ${muscle} exercises to suggest that fit your coach settings${avoided}.`;
  const tip = muscleAdvice(muscle, persona);
  const lines = [`Good ${MUSCLE_NOUN[muscle] ?? muscle} exercises${avoided}:`, ...options.map((o) => `- ${o}`)];
  if (tip) lines.push(tip);
  return lines.join("\n");
}

const MUSCLE_NOUN: Record<string, string> = { shoulders: "shoulder", quads: "quad", hamstrings: "hamstring", glutes: "glute", calves: "calf" };

export function greetingAnswer(persona: CoachPersona | null): string {
  const s = style(persona);
  const name = coachName(persona);
  if (s.direct) return `${name} here. Ask about your lifts, volume, records or consistency, or tell me what you trained.`;
  return `Hi! I'm ${name}. Ask me how a lift is progressing, about your weekly volume, PRs or training consistency — or just tell me what you trained today and I'll log it.`;
}
