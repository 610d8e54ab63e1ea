import { z } from "zod";
import { SOPHISTICATION_LEVELS, type SophisticationLevel } from "@/db/tables/coach";
import type { FieldUpdates } from "./fields";
import type { TrainingSummary } from "./history";

/**
 * Sophistication (beginner / intermediate / advanced) from signals: the words a lifter uses, the
 * experience and competition plans they state, and their training log. Points accumulate across
 * the interview; every re-assessment is kept with the evidence behind it and a confidence.
 */
const evidenceSchema = z.object({ signal: z.string().max(80), level: z.enum(SOPHISTICATION_LEVELS), weight: z.number() }).strict();
export type Evidence = z.infer<typeof evidenceSchema>;

const scoresSchema = z.object({ beginner: z.number(), intermediate: z.number(), advanced: z.number() }).strict();
export type Scores = z.infer<typeof scoresSchema>;

export const assessmentSchema = z
  .object({
    /** Transcript index of the answer assessed (-1: the training log before the interview). */
    turn: z.number().int().min(-1),
    level: z.enum(SOPHISTICATION_LEVELS),
    confidence: z.number().min(0).max(1),
    evidence: z.array(evidenceSchema),
    scores: scoresSchema,
    at: z.string(),
  })
  .strict();
export type Assessment = z.infer<typeof assessmentSchema>;

const VOCAB: [RegExp, SophisticationLevel, number, string][] = [
  [/\bperiodi[sz]ation\b|\bmesocycles?\b|\bmacrocycles?\b|\bblocks? (periodi|training)\b/, "advanced", 2, "talks about periodization"],
  [/\brpe\b|\brir\b|\breps in reserve\b|\bautoregulat\w*/, "advanced", 1.5, "uses RPE / RIR"],
  [
    /\b5\/3\/1\b|\bwendler\b|\bconjugate\b|\bwestside\b|\bsheiko\b|\bsmolov\b|\bgzcl\b|\brts\b|\bdup\b|\bjuggernaut\b/,
    "advanced",
    1.5,
    "names a methodology",
  ],
  [/\be1rm\b|\bwilks\b|\bdots\b|\bipf gl\b|\bmy total\b|\bopeners?\b|\bpeaking\b|\btaper\w*\b/, "advanced", 1.5, "competition / e1RM vocabulary"],
  [/\bmrv\b|\bmev\b|\bmav\b|\bvolume landmarks?\b|\bfatigue management\b|\bsfr\b/, "advanced", 1.5, "volume-landmark vocabulary"],
  [
    /\btop sets?\b|\bback[- ]?off sets?\b|\bdeloads?\b|\baccessor(y|ies)\b|\bvariations?\b/,
    "intermediate",
    1,
    "programming vocabulary (top sets, deloads)",
  ],
  [
    /\bprs?\b|\b1rm\b|\bprogressive overload\b|\bsplit\b|\bpush[/ ]pull\b|\bupper[/ ]lower\b|\bcompounds?\b|\bhypertrophy\b|\bmacros\b|\brdls?\b|\bsets of\b/,
    "intermediate",
    1,
    "common lifting vocabulary",
  ],
  [
    /\b(new to|never (lifted|trained|been)|just start\w*|complete beginner|total beginner|first time|no idea|not sure what|what('s| is) an?|don'?t know (what|how|much)|intimidat\w*|haven'?t (lifted|trained))\b/,
    "beginner",
    2,
    "says they are new or unsure",
  ],
  [/\b(beginner|newbie|noob|out of shape|haven'?t worked out in)\b/, "beginner", 1.5, "describes themselves as a beginner"],
];

/** Evidence in one answer: its words, plus what the fields it filled imply. */
export function evidenceFrom(text: string, updates: FieldUpdates): Evidence[] {
  const t = text.toLowerCase();
  const out: Evidence[] = [];
  for (const [re, level, weight, signal] of VOCAB) if (re.test(t)) out.push({ signal, level, weight });
  const y = updates.experienceYears;
  if (y !== undefined) {
    if (y < 1) out.push({ signal: `${y === 0 ? "no" : "under a year of"} training experience`, level: "beginner", weight: 2.5 });
    else if (y < 3) out.push({ signal: `${y} years of training`, level: "intermediate", weight: 2 });
    else if (y < 5)
      out.push(
        { signal: `${y} years of training`, level: "intermediate", weight: 1.5 },
        { signal: `${y} years of training`, level: "advanced", weight: 1 },
      );
    else out.push({ signal: `${y}+ years of training`, level: "advanced", weight: 2 });
  }
  if (updates.competition && updates.competition !== "none")
    out.push({ signal: `competes or plans to (${updates.competition})`, level: "advanced", weight: 1.5 });
  if (updates.methodology && updates.methodology !== "none" && updates.methodology !== "novice_linear") {
    out.push({ signal: "has a methodology preference", level: "advanced", weight: 1 });
  }
  if (updates.methodology === "novice_linear") out.push({ signal: "wants a novice linear program", level: "beginner", weight: 1 });
  return dedupe(out);
}

/** Evidence from the training log. */
export function evidenceFromHistory(s: TrainingSummary): Evidence[] {
  const out: Evidence[] = [];
  if (s.spanMonths >= 36 && s.perWeek >= 3)
    out.push({ signal: `${Math.round(s.spanMonths / 12)} years of consistent logged training`, level: "advanced", weight: 2 });
  else if (s.spanMonths >= 12) out.push({ signal: `${Math.round(s.spanMonths / 12)}+ year of logged training`, level: "intermediate", weight: 2 });
  else if (s.spanMonths >= 4) out.push({ signal: `${s.spanMonths} months of logged training`, level: "intermediate", weight: 1 });
  else out.push({ signal: `only ${s.spanMonths} months of logged training`, level: "beginner", weight: 1 });
  if (s.rpeShare >= 0.3) out.push({ signal: "logs RPE on most working sets", level: "advanced", weight: 1 });
  return out;
}

function dedupe(e: Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return e.filter((x) => {
    const k = `${x.level}:${x.signal}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export const EMPTY_SCORES: Scores = { beginner: 0, intermediate: 0, advanced: 0 };

/**
 * Level = most points (ties go to the lower level: we would rather explain too much than too
 * little). Confidence grows with the margin and with the amount of evidence.
 */
export function assess(previous: Scores, evidence: Evidence[], turn: number, now: Date): Assessment {
  const scores = { ...previous };
  for (const e of evidence) scores[e.level] = Math.round((scores[e.level] + e.weight) * 100) / 100;
  const total = scores.beginner + scores.intermediate + scores.advanced;
  let level: SophisticationLevel = "beginner";
  for (const l of SOPHISTICATION_LEVELS) if (scores[l] > scores[level]) level = l;
  const share = total > 0 ? scores[level] / total : 0;
  const amount = Math.min(1, total / 5);
  const confidence = total === 0 ? 0 : Math.round(share * amount * 1000) / 1000;
  return { turn, level, confidence, evidence, scores, at: now.toISOString() };
}
