import type { Unit } from "@/lib/units";

/**
 * The coach's system prompt, shared by the OpenAI model and the built-in offline model.
 *
 * Two machine-readable blocks sit in it (the offline model parses them back; a hosted LLM simply
 * reads them):
 *
 *   <coach_persona>                  one "key: value" per line; every key optional
 *   name: Coach Kai                  how the coach introduces itself (≤ 40 chars)
 *   tone: direct, encouraging        free words; the offline model reacts to direct/blunt/brief,
 *                                    encouraging/friendly/warm/supportive, technical/analytical
 *   focus: strength, hypertrophy     the athlete's goals (≤ 120 chars)
 *   avoid: overhead pressing; deadlifts   things never to suggest, separated by ";" or ","
 *   notes: free text (≤ 300 chars)
 *   </coach_persona>
 *
 *   <context>
 *   today: 2026-11-26                the user's local date
 *   timezone: Europe/Berlin
 *   units: kg                        kg | lb
 *   </context>
 *
 * Values are sanitised (no newlines or angle brackets) so a persona cannot close its block or
 * smuggle in instructions of another shape.
 */
export type CoachPersona = {
  name?: string;
  tone?: string;
  focus?: string;
  avoid?: string[];
  notes?: string;
};

export type PromptContext = { today: string; timeZone: string; units: Unit };

/**
 * The primary coach's programme and safety rules, for "what should I do today?" and pain or
 * deload questions. Rendered as a <coach_plan> block (one "key: value" per line; list values
 * separated by " | "):
 *
 *   <coach_plan>
 *   programme: Upper/lower strength (linear progression)
 *   days_per_week: 4
 *   progression: Add 2.5 kg when every set hits the top of the rep range | …
 *   deload: every 6 weeks | Deload (about half the sets …) when e1RM drops two weeks running or joints ache
 *   safety: Stop any movement that causes sharp or worsening pain and suggest seeing a professional. | …
 *   injuries: left knee
 *   assigned_today: Today in your programme: Base, week 1, Day A. | Back Squat: 5 × 5 at 82.5 kg | …
 *   </coach_plan>
 */
export type CoachPlan = {
  programme?: string;
  daysPerWeek?: number;
  progression?: string[];
  deloadEveryWeeks?: number;
  deloadRules?: string[];
  safety?: string[];
  injuries?: string[];
  /** Today's session from a programme a trainer assigned: a heading, then one line per exercise. */
  assignedToday?: string[];
};

export const DEFAULT_COACH_NAME = "Spotter Coach";

function clean(value: string | undefined, max: number): string {
  return (value ?? "")
    .replace(/[\r\n<>]+/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, max);
}

function renderPersonaBlock(persona: CoachPersona | undefined | null): string {
  if (!persona) return "";
  const lines: string[] = [];
  const name = clean(persona.name, 40);
  const tone = clean(persona.tone, 80);
  const focus = clean(persona.focus, 120);
  const avoid = (persona.avoid ?? [])
    .flatMap((a) => a.split(/[;,]/))
    .map((a) => clean(a, 60))
    .filter(Boolean)
    .slice(0, 12);
  const notes = clean(persona.notes, 300);
  if (name) lines.push(`name: ${name}`);
  if (tone) lines.push(`tone: ${tone}`);
  if (focus) lines.push(`focus: ${focus}`);
  if (avoid.length) lines.push(`avoid: ${avoid.join("; ")}`);
  if (notes) lines.push(`notes: ${notes}`);
  if (lines.length === 0) return "";
  return `<coach_persona>\n${lines.join("\n")}\n</coach_persona>`;
}

const listOf = (items: string[] | undefined, max: number, each: number) =>
  (items ?? [])
    .map((x) => clean(x, each).replace(/\|/g, "/"))
    .filter(Boolean)
    .slice(0, max);

function renderPlanBlock(plan: CoachPlan | undefined | null): string {
  if (!plan) return "";
  const lines: string[] = [];
  const programme = clean(plan.programme, 160);
  if (programme) lines.push(`programme: ${programme}`);
  if (plan.daysPerWeek && Number.isInteger(plan.daysPerWeek) && plan.daysPerWeek > 0 && plan.daysPerWeek <= 14)
    lines.push(`days_per_week: ${plan.daysPerWeek}`);
  const progression = listOf(plan.progression, 4, 240);
  if (progression.length) lines.push(`progression: ${progression.join(" | ")}`);
  const deload = listOf(plan.deloadRules, 4, 240);
  const every = plan.deloadEveryWeeks && Number.isInteger(plan.deloadEveryWeeks) ? `every ${plan.deloadEveryWeeks} weeks` : "";
  if (deload.length || every) lines.push(`deload: ${[every, ...deload].filter(Boolean).join(" | ")}`);
  const safety = listOf(plan.safety, 8, 240);
  if (safety.length) lines.push(`safety: ${safety.join(" | ")}`);
  const injuries = listOf(plan.injuries, 8, 60);
  if (injuries.length) lines.push(`injuries: ${injuries.join(" | ")}`);
  const assigned = listOf(plan.assignedToday, 16, 240);
  if (assigned.length) lines.push(`assigned_today: ${assigned.join(" | ")}`);
  if (lines.length === 0) return "";
  return `<coach_plan>\n${lines.join("\n")}\n</coach_plan>`;
}

/** Reads the plan block back (used by the offline model). */
export function parsePlanBlock(system: string): CoachPlan | null {
  const m = system.match(/<coach_plan>\n([\s\S]*?)\n<\/coach_plan>/);
  if (!m) return null;
  const plan: CoachPlan = {};
  for (const line of m[1].split("\n")) {
    const kv = line.match(/^(programme|days_per_week|progression|deload|safety|injuries|assigned_today):\s*(.*)$/);
    if (!kv) continue;
    const list = kv[2]
      .split(" | ")
      .map((x) => x.trim())
      .filter(Boolean);
    if (kv[1] === "programme") plan.programme = kv[2].trim();
    else if (kv[1] === "days_per_week") plan.daysPerWeek = Number(kv[2]) || undefined;
    else if (kv[1] === "progression") plan.progression = list;
    else if (kv[1] === "safety") plan.safety = list;
    else if (kv[1] === "injuries") plan.injuries = list;
    else if (kv[1] === "assigned_today") plan.assignedToday = list;
    else {
      const every = list.find((x) => /^every \d+ weeks$/.test(x));
      if (every) plan.deloadEveryWeeks = Number(every.match(/\d+/)![0]);
      plan.deloadRules = list.filter((x) => x !== every);
    }
  }
  return plan;
}

export function buildSystemPrompt(input: {
  plan?: CoachPlan | null;
  persona?: CoachPersona | null;
  units: Unit;
  timeZone: string;
  today: string;
  schemaDoc: string;
}): string {
  const name = clean(input.persona?.name, 40) || DEFAULT_COACH_NAME;
  const personaBlock = renderPersonaBlock(input.persona);
  const unitWord = input.units === "lb" ? "pounds (lb)" : "kilograms (kg)";
  const planBlock = renderPlanBlock(input.plan);
  return [
    `You are ${name}, the strength coach inside Spotter. You answer questions about the user's own training data and help them log workouts.`,
    personaBlock ? `Stay in this persona. Never suggest anything listed under "avoid"; pick an alternative instead.\n${personaBlock}` : "",
    planBlock
      ? `Your programme and safety rules for this lifter (use them for "what should I do today?", pain and deload questions; when assigned_today is present, today's session is that one, set by the lifter's trainer; never tell anyone to train through pain):\n${planBlock}`
      : "",
    `<context>\ntoday: ${input.today}\ntimezone: ${clean(input.timeZone, 64)}\nunits: ${input.units}\n</context>`,
    [
      "How to work:",
      "- For any question about the user's training, call query_training_data with ONE read-only SELECT over the relations below. Rows are already limited to this user; never filter by user id.",
      "- Weights are stored in kg. Present weights in " +
        unitWord +
        "; round sensibly. e1rm_kg is the Epley estimate; exclude warm-ups with set_type <> 'warmup'.",
      `- Dates: performed_at/started_at are timestamptz; group by the user's local day or week with (performed_at at time zone '${clean(input.timeZone, 64)}'). Today is ${input.today}.`,
      "- When a picture helps (trends, comparisons, frequency), call show_chart naming columns of the latest result: line/bar over time, scatter, pie for shares, heatmap (calendar) for training days.",
      "- If a tool returns { error, reason }, fix the query once using the reason; if it fails again, explain plainly.",
      '- Periods: read them in the user\'s time zone and compare local dates: "in March" is 1–31 March of the most recent March (this year\'s once it has started), "last week"/"last month"/"last year" are the previous calendar week (Monday–Sunday)/month/year, "this …" runs to today and is partial, "the last N weeks" is rolling, "ever"/"in total"/"all time" has no date filter. Without a period use a sensible window and name it.',
      "- Trends compare complete periods (whole weeks/months); if the first or last one is partial, say so or leave it out.",
      "- If the period holds no data but the user has older (or newer) data, say so and answer over the span that has data, naming that span.",
      "- Volume is weight × reps of working sets (set_type <> 'warmup'); set counts are working sets too. Say so when you quote volume.",
      "- Exercise variants differ: the exact name the user wrote, or the closest name in their own history (check with SELECT DISTINCT exercise_name), wins over a catalog default; if several fit, name them and say which one you show.",
      "- Aggregate in SQL so the result is small. When a result is truncated (truncated: true), never state totals, absences or maxima from it; say it is partial or run an aggregated query.",
      "- Pain or injury: never advise training through pain; use the coach's safety rules, suggest lighter or pain-free alternatives, and suggest seeing a physiotherapist or doctor if it persists or is sharp.",
      "- Answer briefly, quoting numbers exactly as the tools returned them. Never invent numbers; if the data is empty, say so. No filler lines.",
      "- When the user describes a workout they did, call log_workout with their words (and your structured draft if you made one). It only prepares a draft; the user confirms it on a card.",
    ].join("\n"),
    `Relations you can query:\n${input.schemaDoc}`,
  ]
    .filter(Boolean)
    .join("\n\n");
}

/** Reads the persona block back out of a system prompt (used by the offline model). */
export function parsePersonaBlock(system: string): CoachPersona | null {
  const m = system.match(/<coach_persona>\n([\s\S]*?)\n<\/coach_persona>/);
  if (!m) return null;
  const persona: CoachPersona = {};
  for (const line of m[1].split("\n")) {
    const kv = line.match(/^(name|tone|focus|avoid|notes):\s*(.*)$/);
    if (!kv) continue;
    const value = kv[2].trim();
    if (kv[1] === "avoid")
      persona.avoid = value
        .split(/[;,]/)
        .map((s) => s.trim())
        .filter(Boolean);
    else persona[kv[1] as "name" | "tone" | "focus" | "notes"] = value;
  }
  return persona;
}

/** Reads the context block back out of a system prompt; falls back to UTC/kg/the current date. */
export function parseContextBlock(system: string, fallbackNow = new Date()): PromptContext {
  const m = system.match(/<context>\n([\s\S]*?)\n<\/context>/);
  const get = (key: string) => m?.[1].match(new RegExp(`^${key}:\\s*(.+)$`, "m"))?.[1].trim();
  const today = get("today");
  const units = get("units");
  return {
    today: today && /^\d{4}-\d{2}-\d{2}$/.test(today) ? today : fallbackNow.toISOString().slice(0, 10),
    timeZone: get("timezone") || "UTC",
    units: units === "lb" ? "lb" : "kg",
  };
}
