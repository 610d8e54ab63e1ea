"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { ActionError, authedAction } from "@/lib/actions/safe-action";
import { getInterviewExtractor } from "@/lib/coach/ai-extract";
import { toClientInterview, type ClientInterview } from "@/lib/coach/client-view";
import { deleteCoach, getCoach, saveCoachVersion, setPrimaryCoach } from "@/lib/coach/coaches";
import { applyCoachEdit, coachEditSchema } from "@/lib/coach/edit";
import { consumeRateLimit } from "@/lib/security/rate-limit";
import { abandonInterview, answerInterview, finishInterview, MAX_ANSWER_CHARS, startInterview, type AnswerResult } from "@/lib/coach/interviews";

/** Same words whether the id is someone else's or gone: ids reveal nothing. */
const INTERVIEW_NOT_FOUND = "This interview doesn't exist.";
const COACH_NOT_FOUND = "This coach doesn't exist.";

const interviewIdSchema = z.object({ interviewId: z.string().min(1).max(64) });
const coachIdSchema = z.object({ coachId: z.string().min(1).max(64) });
const answerSchema = interviewIdSchema.extend({
  text: z.string().trim().min(1, "Type an answer first.").max(MAX_ANSWER_CHARS, `Answers can be up to ${MAX_ANSWER_CHARS} characters.`),
});

export interface InterviewStep {
  interview: ClientInterview;
  coachId: string | null;
  blocked: string | null;
}

function step(result: AnswerResult | null): InterviewStep {
  if (!result) throw new ActionError(INTERVIEW_NOT_FOUND);
  if (result.coach) revalidatePath("/coach");
  return { interview: toClientInterview(result.interview), coachId: result.coach?.id ?? null, blocked: result.blocked };
}

export const startInterviewAction = authedAction(z.object({}), async (_input, { user }) => {
  const view = await startInterview(getDb(), user.id);
  revalidatePath("/coach");
  return { id: view.id };
});

/** Answers may call a hosted model: a generous per-user cap, shared by all instances (Postgres). */
const ANSWER_LIMIT = { limit: 120, windowSeconds: 3600 };

export const answerInterviewAction = authedAction(answerSchema, async ({ interviewId, text }, { user }) => {
  const db = getDb();
  const rate = await consumeRateLimit(db, `coach-answer:${user.id}`, ANSWER_LIMIT);
  if (!rate.allowed)
    throw new ActionError("That's a lot of answers in a short time. Take a breather and continue in a few minutes — your progress is saved.");
  return step(await answerInterview(db, user.id, interviewId, text, { extractor: getInterviewExtractor().extractor }));
});

export const finishInterviewAction = authedAction(interviewIdSchema, async ({ interviewId }, { user }) =>
  step(await finishInterview(getDb(), user.id, interviewId)),
);

export const abandonInterviewAction = authedAction(interviewIdSchema, async ({ interviewId }, { user }) => {
  if (!(await abandonInterview(getDb(), user.id, interviewId))) throw new ActionError(INTERVIEW_NOT_FOUND);
  revalidatePath("/coach");
  return { id: interviewId };
});

export const updateCoachAction = authedAction(coachEditSchema, async (edit, { user }) => {
  const db = getDb();
  const coach = await getCoach(db, user.id, edit.coachId);
  if (!coach) throw new ActionError(COACH_NOT_FOUND);
  const next = applyCoachEdit(coach.card, edit);
  const saved = await saveCoachVersion(db, user.id, edit.coachId, next.card, next.note);
  if (!saved) throw new ActionError(COACH_NOT_FOUND);
  revalidatePath("/coach");
  revalidatePath(`/coach/${saved.id}`);
  return { id: saved.id, version: saved.currentVersion };
});

export const setPrimaryCoachAction = authedAction(coachIdSchema, async ({ coachId }, { user }) => {
  if (!(await setPrimaryCoach(getDb(), user.id, coachId))) throw new ActionError(COACH_NOT_FOUND);
  revalidatePath("/coach");
  revalidatePath(`/coach/${coachId}`);
  return { id: coachId };
});

export const deleteCoachAction = authedAction(coachIdSchema, async ({ coachId }, { user }) => {
  if (!(await deleteCoach(getDb(), user.id, coachId))) throw new ActionError(COACH_NOT_FOUND);
  revalidatePath("/coach");
  return { id: coachId };
});
