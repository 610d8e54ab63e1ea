import "server-only";
import type { Queryable } from "@/db/client";
import { offlineExtractor } from "@/lib/coach/ai-extract";
import { answerInterview, finishInterview, startInterview } from "@/lib/coach/interviews";

/**
 * The demo lifter's answers to the coach creator's interview, in order. They match the demo
 * history (lib/seed/demo-program.ts) and profile (lib/seed/demo.ts): an intermediate on an
 * upper/lower split four days a week, chasing a 160 kg squat and a 110 kg bench while staying lean.
 * The first answer confirms what the interview reads from the training log.
 */
export const DEMO_COACH_ANSWERS = [
  "Yes, that's right",
  "Get stronger: squat 160 kg and bench 110 kg, and stay lean while I do it",
  "No injuries. No behind-the-neck pressing please",
  "A full commercial gym",
  "Balanced",
  "Alice",
  "kg",
] as const;

/**
 * Gives the demo account its primary coach through the real coach creator: an interview started
 * on its training history, answered by the offline extractor (the default with no API key), and
 * finished — so the coach card, its safety rules and their sources are exactly what a user who gave
 * these answers would get, and the chat's "what should I do today" follows its programme.
 */
export async function seedDemoCoach(db: Queryable, userId: string, now: Date): Promise<string> {
  const interview = await startInterview(db, userId, now);
  let coachId: string | null = null;
  for (const text of DEMO_COACH_ANSWERS) {
    const result = await answerInterview(db, userId, interview.id, text, { extractor: offlineExtractor, now });
    coachId = result?.coach?.id ?? null;
    if (coachId || result?.interview.currentField === null) break;
  }
  if (!coachId) coachId = (await finishInterview(db, userId, interview.id, now))?.coach?.id ?? null;
  if (!coachId) throw new Error("demo seed: the coach interview did not create a coach");
  return coachId;
}
