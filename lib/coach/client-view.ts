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
  sophistication: { level: SophisticationLevel; confidence: number };
  coachId: string | null;
  expiresAt: string;
}

export function toClientInterview(v: InterviewView): ClientInterview {
  return {
    id: v.id,
    status: v.status,
    progress: v.progress,
    currentField: v.currentField,
    transcript: v.transcript.map((t) => ({ role: t.role, text: t.text, field: t.field })),
    sophistication: { level: v.sophistication.level, confidence: v.sophistication.confidence },
    coachId: v.coachId,
    expiresAt: v.expiresAt.toISOString(),
  };
}
