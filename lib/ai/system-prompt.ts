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

export type PromptContext = { today: string; timezone: string; units: Unit };

export const DEFAULT_COACH_NAME = "Spotter Coach";

function clean(value: string | undefined, max: number): string {
  return (value ?? "")
    .replace(/[\r\n<>]+/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, max);
}

export function renderPersonaBlock(persona: CoachPersona | undefined | null): string {
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

export function buildSystemPrompt(input: {
  persona?: CoachPersona | null;
  units: Unit;
  timezone: string;
  today: string;
  schemaDoc: string;
}): string {
  const name = clean(input.persona?.name, 40) || DEFAULT_COACH_NAME;
  const personaBlock = renderPersonaBlock(input.persona);
  const unitWord = input.units === "lb" ? "pounds (lb)" : "kilograms (kg)";
  return [
    `You are ${name}, the strength coach inside Spotter. You answer questions about the user's own training data and help them log workouts.`,
    personaBlock
      ? `Stay in this persona. Never suggest anything listed under "avoid"; pick an alternative instead.\n${personaBlock}`
      : "",
    `<context>\ntoday: ${input.today}\ntimezone: ${clean(input.timezone, 64)}\nunits: ${input.units}\n</context>`,
    [
      "How to work:",
      "- For any question about the user's training, call query_training_data with ONE read-only SELECT over the relations below. Rows are already limited to this user; never filter by user id.",
      "- Weights are stored in kg. Present weights in " + unitWord + "; round sensibly. e1rm_kg is the Epley estimate; exclude warm-ups with set_type <> 'warmup'.",
      `- Dates: performed_at/started_at are timestamptz; group by the user's local day or week with (performed_at at time zone '${clean(input.timezone, 64)}'). Today is ${input.today}.`,
      "- When a picture helps (trends, comparisons, frequency), call show_chart naming columns of the latest result: line/bar over time, scatter, pie for shares, heatmap (calendar) for training days.",
      "- If a tool returns { error, reason }, fix the query once using the reason; if it fails again, explain plainly.",
      "- Answer briefly, quoting numbers exactly as the tools returned them. Never invent numbers; if the data is empty, say so.",
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
    if (kv[1] === "avoid") persona.avoid = value.split(/[;,]/).map((s) => s.trim()).filter(Boolean);
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
    timezone: get("timezone") || "UTC",
    units: units === "lb" ? "lb" : "kg",
  };
}
