import type { SophisticationLevel } from "@/db/tables/coach";
import type { Turn } from "./engine";
import type { InterviewView } from "./interviews";

/** What the interview page needs in the browser (no field internals, no history summary). */
export interface ClientInterview {
  id: string;
  status: InterviewView["status"];
  progress: { filled: number; total: number; ratio: number };
  currentField: string | null;
  transcript: Pick<Turn, "role" | "text" | "field">[];
  /** null until there is evidence (an answer or the training log said something about the level). */
  sophistication: { level: SophisticationLevel; confidence: number } | null;
  coachId: string | null;
  expiresAt: string;
}

/** Any assessment so far rests on evidence (a default "beginner" with no evidence is not a level). */
export function hasEvidence(history: { scores: { beginner: number; intermediate: number; advanced: number } }[]): boolean {
  const last = history.at(-1);
  return Boolean(last && last.scores.beginner + last.scores.intermediate + last.scores.advanced > 0);
}

export function toClientInterview(v: InterviewView): ClientInterview {
  return {
    id: v.id,
    status: v.status,
    progress: v.progress,
    currentField: v.currentField,
    transcript: v.transcript.map((t) => ({ role: t.role, text: t.text, field: t.field })),
    sophistication: hasEvidence(v.sophistication.history) ? { level: v.sophistication.level, confidence: v.sophistication.confidence } : null,
    coachId: v.coachId,
    expiresAt: v.expiresAt.toISOString(),
  };
}
