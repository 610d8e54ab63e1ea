import { localDate } from "@/lib/time/zone";
import type { CoachPersona, PromptContext } from "../system-prompt";
import { DEFAULT_COACH_NAME } from "../system-prompt";
import { exercisesFor, muscleAdvice, progressAdvice } from "./coaching";
import type { Intent } from "./intents";

/**
 * The offline coach's written answers. Every number in an answer is copied from a query result
 * (rows are rounded by the SQL already) — nothing is computed here except comparisons, so the
 * answer never states a number the data does not contain. Suggestions carry no digits.
 */
type Row = Record<string, unknown>;
export type AnswerInput = { intent: Intent; rows: Row[]; ctx: PromptContext; persona: CoachPersona | null; chartShown: boolean };

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export function num(v: unknown): number | null {
  const n = typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" ? Number(v) : NaN;
  return Number.isFinite(n) ? n : null;
}

/** A number exactly as the tool returned it (thousands separated). */
export function fmt(v: unknown): string {
  const n = num(v);
  if (n === null) return "—";
  return Number.isInteger(n) ? n.toLocaleString("en-US") : String(n);
}

export function fmtDate(v: unknown, tz: string): string {
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
  const out = [...lines];
  if (input.chartShown) out.push(s.direct ? "Chart above." : "The chart above shows the full picture.");
  if (advice) out.push(s.direct ? advice : `Coach's note: ${advice}`);
  // Encouragement where effort shows: progress, records, consistency — not on a bodyweight or sleep readout.
  if (s.warm && ["progress", "compare", "records", "frequency"].includes(input.intent.kind)) out.push("Keep showing up — it adds up.");
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

export function emptyAnswer(input: AnswerInput): string {
  const { intent } = input;
  const what =
    intent.kind === "progress" || intent.kind === "records"
      ? `${intent.exercise ? `${intent.exercise.label} ` : ""}sets`
      : intent.kind === "compare"
        ? `sets for ${intent.exercises.map((e) => e.label).join(" or ")}`
        : intent.kind === "body"
          ? intent.metric === "bodyweight" ? "bodyweight entries" : intent.metric === "sleep" ? "sleep entries" : "resting heart rate entries"
          : intent.kind === "last_workout"
            ? "sessions"
            : "training";
  const when = "range" in intent && intent.range ? ` ${during(intent.range.label)}` : "";
  return `I found no ${what}${when}. Log a workout here in the chat (for example "bench 3x8 @ 60kg") or import your history, and ask again.`;
}

export function composeAnswer(input: AnswerInput): string {
  const { intent, rows, ctx } = input;
  if (rows.length === 0) return emptyAnswer(input);
  const u = ctx.units;
  const tz = ctx.timezone;
  switch (intent.kind) {
    case "progress": {
      const x = "week" in rows[0] ? "week" : "day";
      const when = (r: Row) => (x === "week" ? `the week of ${fmtDate(r[x], tz)}` : fmtDate(r[x], tz));
      if (!intent.exercise) {
        const lines = [`Your most-trained lifts, ${intent.range.label} (best estimated 1RM):`];
        for (const name of [...new Set(rows.map((r) => String(r.exercise_name)))]) {
          const rs = rows.filter((r) => r.exercise_name === name && num(r[`best_e1rm_${u}`]) !== null);
          if (rs.length === 0) continue;
          lines.push(`- ${name}: ${fmt(rs[0][`best_e1rm_${u}`])} ${u} (${when(rs[0])}) → ${fmt(rs[rs.length - 1][`best_e1rm_${u}`])} ${u} (${when(rs[rs.length - 1])})`);
        }
        return finish(lines, input, null);
      }
      const key = `best_e1rm_${u}`;
      const withE1rm = rows.filter((r) => num(r[key]) !== null);
      if (withE1rm.length === 0) {
        const most = bestBy(rows, "sets")!;
        return finish([`${intent.exercise.label}, ${intent.range.label}: these sets have no weight and reps to estimate a 1RM from. Most sets in one ${x}: ${fmt(most.sets)} (${when(most)}).`], input, null);
      }
      const first = withE1rm[0];
      const last = withE1rm[withE1rm.length - 1];
      const peak = bestBy(withE1rm, key)!;
      const heaviest = bestBy(rows, `top_weight_${u}`);
      const trend = trendOf(num(first[key])!, num(last[key])!);
      const s = style(input.persona);
      const lines = [
        withE1rm.length === 1
          ? `${intent.exercise.label}, ${intent.range.label}: one ${x} with data — best estimated 1RM ${fmt(first[key])} ${u} (${when(first)}).`
          : trend === "flat"
            ? `${intent.exercise.label}, ${intent.range.label}: your best estimated 1RM held at ${fmt(first[key])} ${u} (${when(first)} and ${when(last)}).`
            : `${intent.exercise.label}, ${intent.range.label}: your best estimated 1RM went ${trend} — from ${fmt(first[key])} ${u} (${when(first)}) to ${fmt(last[key])} ${u} (${when(last)}).`,
        `Peak: ${fmt(peak[key])} ${u} (${when(peak)})${heaviest ? `. Heaviest set: ${fmt(heaviest[`top_weight_${u}`])} ${u} (${when(heaviest)})` : ""}.`,
      ];
      if (s.technical) lines.push("Estimated 1RM uses the Epley formula on your working sets (warm-ups excluded).");
      return finish(lines, input, withE1rm.length > 1 ? progressAdvice(intent.exercise.name ?? intent.exercise.label, trend, input.persona) : null);
    }
    case "compare": {
      const key = `best_e1rm_${u}`;
      const lines = [`Best estimated 1RM, ${intent.range.label}:`];
      for (const ex of intent.exercises) {
        const rs = rows.filter((r) => (ex.name ? r.exercise_name === ex.name : String(r.exercise_name).toLowerCase().includes(ex.label.toLowerCase())) && num(r[key]) !== null);
        if (rs.length === 0) {
          lines.push(`- ${ex.label}: no sets in this period.`);
          continue;
        }
        const peak = bestBy(rs, key)!;
        lines.push(`- ${rs[0].exercise_name}: ${fmt(rs[0][key])} ${u} (week of ${fmtDate(rs[0].week, tz)}) → ${fmt(rs[rs.length - 1][key])} ${u} (week of ${fmtDate(rs[rs.length - 1].week, tz)}); peak ${fmt(peak[key])} ${u}.`);
      }
      return finish(lines, input, null);
    }
    case "volume": {
      const x = intent.bucket;
      const label = (r: Row) => (x === "week" ? `the week of ${fmtDate(r[x], tz)}` : monthLabel(r[x]));
      const vol = `volume_${u}`;
      if (intent.byMuscle) {
        const lastPeriod = String(rows[rows.length - 1][x]);
        const latest = rows.filter((r) => String(r[x]) === lastPeriod).sort((a, b) => (num(b.sets) ?? 0) - (num(a.sets) ?? 0));
        const lines = [`By muscle group in ${label(latest[0])} (the chart covers ${intent.range.label}):`];
        for (const r of latest) lines.push(`- ${r.muscle}: ${fmt(r.sets)} sets${num(r[vol]) !== null ? `, ${fmt(r[vol])} ${u}` : ""}`);
        lines.push("A set counts for every primary muscle of its exercise (a squat is quads and glutes), so these add up to more than your total.");
        const trained = new Set(latest.map((r) => (String(r.muscle) === "lats" ? "back" : String(r.muscle))));
        const gap = ["back", "chest", "quads", "hamstrings", "shoulders"].find((m) => !trained.has(m));
        const advice = gap ? (() => {
          const tip = muscleAdvice(gap, input.persona);
          return tip ? `Nothing for ${gap} in that ${x}. ${tip}` : null;
        })() : null;
        return finish(lines, input, advice);
      }
      const peak = bestBy(rows, vol) ?? bestBy(rows, "sets")!;
      const last = rows[rows.length - 1];
      const lines = [
        `${x === "week" ? "Weekly" : "Monthly"} volume${intent.exercise ? ` for ${intent.exercise.label}` : ""}, ${intent.range.label}:`,
        `- Highest: ${num(peak[vol]) !== null ? `${fmt(peak[vol])} ${u} over ` : ""}${fmt(peak.sets)} sets in ${label(peak)}.`,
        `- Latest: ${num(last[vol]) !== null ? `${fmt(last[vol])} ${u} over ` : ""}${fmt(last.sets)} sets in ${label(last)}.`,
      ];
      return finish(lines, input, null);
    }
    case "records": {
      if (intent.exercise) {
        const lines = [`${intent.exercise.label} — heaviest set for each rep count${intent.range ? ` (${intent.range.label})` : ""}:`];
        for (const r of rows) lines.push(`- ${fmt(r.reps)} rep${num(r.reps) === 1 ? "" : "s"}: ${fmt(r[`best_weight_${u}`])} ${u}`);
        const top = bestBy(rows, `best_e1rm_${u}`);
        if (top) lines.push(`Best estimated 1RM: ${fmt(top[`best_e1rm_${u}`])} ${u}.`);
        return finish(lines, input, null);
      }
      const lines = [`Your personal records${intent.range ? ` (${intent.range.label})` : ""}, by estimated 1RM:`];
      for (const r of rows.slice(0, 8)) {
        const e1rm = num(r[`best_e1rm_${u}`]) !== null ? `e1RM ${fmt(r[`best_e1rm_${u}`])} ${u}, ` : "";
        lines.push(`- ${r.exercise_name}: ${e1rm}heaviest ${fmt(r[`heaviest_${u}`])} ${u}`);
      }
      return finish(lines, input, null);
    }
    case "frequency": {
      const first = rows[0];
      const last = rows[rows.length - 1];
      if ("total_sessions" in first) {
        return finish(
          [
            `${cap(intent.range.label)}: ${fmt(first.total_sessions)} sessions on ${fmt(first.training_days)} days.`,
            `That's ${fmt(first.sessions_per_week)} per week from your first session in this period (${fmtDate(first.day, tz)}) to today; the most recent was ${fmtDate(last.day, tz)}.`,
          ],
          input,
          null,
        );
      }
      return finish([`Your training days ${intent.range.label}: the first was ${fmtDate(first.day, tz)}, the most recent ${fmtDate(last.day, tz)}.`], input, null);
    }
    case "last_workout": {
      const r0 = rows[0];
      const lines = [`Your last session${r0.session_name ? `, "${String(r0.session_name)}"` : ""}, was on ${fmtDate(r0.started_at, tz)}:`];
      for (const r of rows) {
        const parts = [`${fmt(r.sets)} set${num(r.sets) === 1 ? "" : "s"}`];
        if (num(r[`top_weight_${u}`]) !== null) parts.push(`top ${fmt(r[`top_weight_${u}`])} ${u}`);
        if (num(r.total_reps) !== null) parts.push(`${fmt(r.total_reps)} reps`);
        if (num(r[`volume_${u}`]) !== null) parts.push(`${fmt(r[`volume_${u}`])} ${u} volume`);
        lines.push(`- ${r.exercise_name}: ${parts.join(", ")}`);
      }
      return finish(lines, input, null);
    }
    case "body": {
      const col = intent.metric === "bodyweight" ? `bodyweight_${u}` : intent.metric === "sleep" ? "sleep_hours" : "resting_hr";
      const unit = intent.metric === "bodyweight" ? u : intent.metric === "sleep" ? "h" : "bpm";
      const what = intent.metric === "bodyweight" ? "Bodyweight" : intent.metric === "sleep" ? "Sleep" : "Resting heart rate";
      const first = rows[0];
      const last = rows[rows.length - 1];
      const hi = bestBy(rows, col)!;
      let lo = rows[0];
      for (const r of rows) if ((num(r[col]) ?? Infinity) < (num(lo[col]) ?? Infinity)) lo = r;
      return finish(
        [
          `${what}, ${intent.range.label}: ${fmt(first[col])} ${unit} on ${fmtDate(first.date, tz)} → ${fmt(last[col])} ${unit} on ${fmtDate(last.date, tz)}.`,
          `Range: ${fmt(lo[col])}–${fmt(hi[col])} ${unit}.`,
        ],
        input,
        null,
      );
    }
    default:
      return capabilities(input.persona);
  }
}

/** "the last 6 months" → "in the last 6 months"; "since March", "in 2025", "this year" stay as they are. */
function during(label: string): string {
  if (label === "all time") return "at all";
  return /^(the |this )/.test(label) && !label.startsWith("this") ? `in ${label}` : label;
}

function monthLabel(v: unknown): string {
  const m = String(v).match(/^(\d{4})-(\d{2})/);
  return m ? `${MONTHS[Number(m[2]) - 1]} ${m[1]}` : String(v);
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function coachName(persona: CoachPersona | null): string {
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
