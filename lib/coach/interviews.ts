import "server-only";
import { UserError } from "@/lib/errors/user-error";
import { and, desc, eq, lt } from "drizzle-orm";
import { z } from "zod";
import type { Queryable } from "@/db/client";
import { coachInterviews, type CoachInterviewRow, type InterviewStatus, type SophisticationLevel } from "@/db/schema";
import { getProfile } from "@/lib/users/profile";
import type { Extractor } from "./ai-extract";
import { progressOf } from "./checklist";
import { coachLimit, createCoach, CoachLimitError, type CoachSummary } from "./coaches";
import { applyAnswer, currentLevel, finishEarly, startState, turnSchema, type InterviewState, type Turn } from "./engine";
import type { AskKey } from "./extract";
import { fieldMapSchema, type FieldMap } from "./fields";
import { generateCoachCard } from "./generate";
import type { TrainingSummary } from "./history";
import { loadTrainingSummary } from "./history";
import { isUuid } from "@/lib/ids/is-uuid";
import { assessmentSchema, type Assessment } from "./sophistication";

/**
 * Interviews in the database: start, answer, finish early, abandon, list. Scoped by owner on
 * every query. An answer is a compare-and-set on updated_at, so two tabs cannot overwrite each
 * other's progress. In-progress interviews expire 7 days after the last answer; completed ones
 * are kept with their full transcript.
 */
export const INTERVIEW_TTL_DAYS = 7;
export const MAX_ANSWER_CHARS = 2000;

export class InterviewError extends UserError {
  constructor(message: string) {
    super(message);
    this.name = "InterviewError";
  }
}

export interface InterviewView {
  id: string;
  status: InterviewStatus;
  progress: { filled: number; total: number; ratio: number };
  currentField: AskKey | null;
  transcript: Turn[];
  fields: FieldMap;
  sophistication: { level: SophisticationLevel; confidence: number; history: Assessment[] };
  training: TrainingSummary | null;
  coachId: string | null;
  createdAt: Date;
  updatedAt: Date;
  expiresAt: Date;
  completedAt: Date | null;
}

const expiry = (now: Date) => new Date(now.getTime() + INTERVIEW_TTL_DAYS * 86_400_000);

function toState(row: CoachInterviewRow): InterviewState {
  const transcript = z.array(turnSchema).safeParse(row.transcript);
  const fields = fieldMapSchema.safeParse(row.fields);
  const history = z.array(assessmentSchema).safeParse(row.sophisticationHistory);
  return {
    transcript: transcript.success ? transcript.data : [],
    fields: fields.success ? (fields.data as FieldMap) : {},
    assessments: history.success ? history.data : [],
    training: (row.trainingSummary as TrainingSummary | null) ?? null,
    currentField: (row.currentField as AskKey | null) ?? null,
  };
}

function toView(row: CoachInterviewRow): InterviewView {
  const state = toState(row);
  return {
    id: row.id,
    status: row.status,
    progress: progressOf(state.fields),
    currentField: row.status === "in_progress" ? state.currentField : null,
    transcript: state.transcript,
    fields: state.fields,
    sophistication: { level: row.sophistication, confidence: row.sophisticationConfidence, history: state.assessments },
    training: state.training,
    coachId: row.coachId,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    expiresAt: row.expiresAt,
    completedAt: row.completedAt,
  };
}

function stateColumns(state: InterviewState) {
  const last = state.assessments.at(-1);
  return {
    transcript: state.transcript,
    fields: state.fields,
    progress: progressOf(state.fields).ratio,
    currentField: state.currentField,
    sophistication: currentLevel(state),
    sophisticationConfidence: last?.confidence ?? 0,
    sophisticationHistory: state.assessments,
  };
}

/** Marks in-progress interviews past their expiry as expired (for one user, or all). */
async function expireStaleInterviews(db: Queryable, now = new Date(), userId?: string): Promise<number> {
  const rows = await db
    .update(coachInterviews)
    .set({ status: "expired", currentField: null, updatedAt: now })
    .where(
      and(eq(coachInterviews.status, "in_progress"), lt(coachInterviews.expiresAt, now), userId ? eq(coachInterviews.userId, userId) : undefined),
    )
    .returning({ id: coachInterviews.id });
  return rows.length;
}

export async function startInterview(db: Queryable, userId: string, now = new Date()): Promise<InterviewView> {
  const { used, limit } = await coachLimit(db, userId);
  if (used >= limit) throw new CoachLimitError(limit);
  const training = await loadTrainingSummary(db, userId);
  const state = startState(training, now);
  const [row] = await db
    .insert(coachInterviews)
    .values({ userId, ...stateColumns(state), trainingSummary: training, expiresAt: expiry(now), createdAt: now, updatedAt: now })
    .returning();
  return toView(row);
}

async function loadRow(db: Queryable, userId: string, id: string, now: Date): Promise<CoachInterviewRow | null> {
  if (!isUuid(id)) return null;
  await expireStaleInterviews(db, now, userId);
  const [row] = await db
    .select()
    .from(coachInterviews)
    .where(and(eq(coachInterviews.id, id), eq(coachInterviews.userId, userId)))
    .limit(1);
  return row ?? null;
}

export async function getInterview(db: Queryable, userId: string, id: string, now = new Date()): Promise<InterviewView | null> {
  const row = await loadRow(db, userId, id, now);
  return row ? toView(row) : null;
}

export interface InterviewListItem {
  id: string;
  status: InterviewStatus;
  progress: number;
  sophistication: SophisticationLevel;
  coachId: string | null;
  createdAt: Date;
  updatedAt: Date;
  expiresAt: Date;
}

export async function listInterviews(db: Queryable, userId: string, now = new Date()): Promise<InterviewListItem[]> {
  await expireStaleInterviews(db, now, userId);
  return db
    .select({
      id: coachInterviews.id,
      status: coachInterviews.status,
      progress: coachInterviews.progress,
      sophistication: coachInterviews.sophistication,
      coachId: coachInterviews.coachId,
      createdAt: coachInterviews.createdAt,
      updatedAt: coachInterviews.updatedAt,
      expiresAt: coachInterviews.expiresAt,
    })
    .from(coachInterviews)
    .where(eq(coachInterviews.userId, userId))
    .orderBy(desc(coachInterviews.updatedAt))
    .limit(50);
}

/** The newest interview still in progress (what /coach/new offers to resume). */
export async function latestOpenInterview(db: Queryable, userId: string, now = new Date()): Promise<InterviewListItem | null> {
  const all = await listInterviews(db, userId, now);
  return all.find((i) => i.status === "in_progress") ?? null;
}

export interface AnswerResult {
  interview: InterviewView;
  /** Set when this answer completed the interview and the coach was created. */
  coach: CoachSummary | null;
  /** The interview is done but the coach could not be created (plan limit): shown to the user. */
  blocked: string | null;
}

async function requireOpen(db: Queryable, userId: string, id: string, now: Date): Promise<CoachInterviewRow | null> {
  const row = await loadRow(db, userId, id, now);
  if (!row) return null;
  if (row.status === "expired")
    throw new InterviewError("This interview expired after 7 days without answers. Start a new one — it only takes a few minutes.");
  if (row.status !== "in_progress") throw new InterviewError("This interview is already finished.");
  return row;
}

/** Saves the new state (compare-and-set on updated_at) and, when finished, creates the coach. */
async function persist(
  db: Queryable,
  userId: string,
  row: CoachInterviewRow,
  state: InterviewState,
  finished: boolean,
  now: Date,
): Promise<AnswerResult> {
  const profile = await getProfile(db, userId);
  return db.transaction(async (tx) => {
    let coach: CoachSummary | null = null;
    let blocked: string | null = null;
    if (finished) {
      try {
        const card = generateCoachCard({
          fields: state.fields,
          level: currentLevel(state),
          training: state.training,
          transcript: state.transcript,
          defaultUnits: profile.units,
        });
        coach = await createCoach(tx, userId, { card, interviewId: row.id, note: "Created from the interview" });
      } catch (error) {
        if (!(error instanceof CoachLimitError)) throw error;
        blocked = error.message;
      }
    }
    const done = Boolean(coach);
    const [saved] = await tx
      .update(coachInterviews)
      .set({
        ...stateColumns(state),
        status: done ? "completed" : "in_progress",
        completedAt: done ? now : null,
        coachId: coach?.id ?? null,
        expiresAt: expiry(now),
        updatedAt: now,
      })
      .where(
        and(
          eq(coachInterviews.id, row.id),
          eq(coachInterviews.userId, userId),
          eq(coachInterviews.updatedAt, row.updatedAt),
          eq(coachInterviews.status, "in_progress"),
        ),
      )
      .returning();
    if (!saved) throw new InterviewError("This interview changed in another tab. Reload the page to continue where you left off.");
    return { interview: toView(saved), coach, blocked };
  });
}

export async function answerInterview(
  db: Queryable,
  userId: string,
  id: string,
  text: string,
  opts: { extractor: Extractor; now?: Date },
): Promise<AnswerResult | null> {
  const now = opts.now ?? new Date();
  const answer = text.trim();
  if (!answer) throw new InterviewError("Type an answer first.");
  if (answer.length > MAX_ANSWER_CHARS) throw new InterviewError(`Answers can be up to ${MAX_ANSWER_CHARS} characters.`);
  const row = await requireOpen(db, userId, id, now);
  if (!row) return null;
  const state = toState(row);
  if (state.currentField === null) return persist(db, userId, row, state, true, now);
  const question = [...state.transcript].reverse().find((t) => t.role === "coach")?.text ?? "";
  const extraction = await opts.extractor(answer, { asking: state.currentField, question });
  const profile = await getProfile(db, userId);
  const outcome = applyAnswer(state, answer, extraction, now, { units: profile.units });
  return persist(db, userId, row, outcome.state, outcome.done, now);
}

/** Finish now: defaults for what is missing, then the coach. */
export async function finishInterview(db: Queryable, userId: string, id: string, now = new Date()): Promise<AnswerResult | null> {
  const row = await requireOpen(db, userId, id, now);
  if (!row) return null;
  const profile = await getProfile(db, userId);
  const state = toState(row);
  const { state: finished } = state.currentField === null ? { state } : finishEarly(state, now, { units: profile.units });
  return persist(db, userId, row, finished, true, now);
}

export async function abandonInterview(db: Queryable, userId: string, id: string, now = new Date()): Promise<boolean> {
  if (!isUuid(id)) return false;
  const rows = await db
    .update(coachInterviews)
    .set({ status: "abandoned", currentField: null, updatedAt: now })
    .where(and(eq(coachInterviews.id, id), eq(coachInterviews.userId, userId), eq(coachInterviews.status, "in_progress")))
    .returning({ id: coachInterviews.id });
  return rows.length > 0;
}
