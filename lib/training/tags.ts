/**
 * Context tags of a training record: a fixed vocabulary (nothing free-form reaches a record), chosen
 * from the scrubbed text and, for cues, the trigger. Browser-safe.
 */
export const CONTEXT_TAGS = [
  "chat",
  "cue",
  "cue:onboarding",
  "cue:pre-start",
  "cue:set-start",
  "cue:set-end",
  "cue:strainsync",
  "cue:workout-end",
  "persona:alice",
  "persona:aiden",
  "squat",
  "bench",
  "deadlift",
  "overhead-press",
  "pull",
  "accessory",
  "programming",
  "progress",
  "record",
  "technique",
  "pain",
  "deload",
  "volume",
  "nutrition",
  "motivation",
  "analytics",
] as const;
export type ContextTag = (typeof CONTEXT_TAGS)[number];

const RULES: [ContextTag, RegExp][] = [
  ["squat", /\bsquat/i],
  ["bench", /\bbench/i],
  ["deadlift", /\bdead ?lift|\brdl\b/i],
  ["overhead-press", /\b(ohp|overhead press|military press|shoulder press)\b/i],
  ["pull", /\b(pull-?ups?|chin-?ups?|rows?|lat pull)/i],
  ["accessory", /\b(curls?|extensions?|raises?|lunges?|leg press|dips?|flyes?|calf)\b/i],
  ["programming", /\b(program|programme|plan|split|periodi[sz]|block|week \d|5x5|sets? of)\b/i],
  ["progress", /\b(progress|stall|plateau|improv|trend|last time|compared)\b/i],
  ["record", /\b(pr|prs|personal (best|record)|record|1rm|e1rm)\b/i],
  ["technique", /\b(form|technique|brace|depth|bar path|cue|tempo)\b/i],
  ["pain", /\b(pain|hurt|injur|sore|tweak|strain(ed)?)\b/i],
  ["deload", /\bdeload/i],
  ["volume", /\b(volume|tonnage|total kg|total lb)\b/i],
  ["nutrition", /\b(protein|calorie|diet|eat|meal|carb)/i],
  ["motivation", /\b(motivat|tired|lazy|skip|consisten|confidence)\b/i],
  ["analytics", /\b(chart|graph|average|how many|how much|since|over the last)\b/i],
];

export function contextTagsFor(source: "chat" | "cue", text: string, cue?: { trigger: string; persona: string }): ContextTag[] {
  const tags = new Set<ContextTag>([source]);
  if (cue) {
    const t = `cue:${cue.trigger}` as ContextTag;
    const p = `persona:${cue.persona}` as ContextTag;
    if ((CONTEXT_TAGS as readonly string[]).includes(t)) tags.add(t);
    if ((CONTEXT_TAGS as readonly string[]).includes(p)) tags.add(p);
  }
  for (const [tag, re] of RULES) if (re.test(text)) tags.add(tag);
  return CONTEXT_TAGS.filter((t) => tags.has(t));
}
