import "server-only";
import { UserError } from "@/lib/errors/user-error";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { messages } from "@/db/tables/chat";
import { saveWorkoutDraft, WorkoutDraftError } from "@/lib/workout-text/save";
import type { WorkoutDraft } from "@/lib/workout-text/types";
import { moveToDate } from "@/lib/time/local";
import { localDate } from "@/lib/time/zone";
import { getViewerPrefs } from "@/lib/workouts/viewer";
import type { ChatUIPart, DraftStatusPayload } from "./types";

const LOG_WORKOUT_PART = "tool-log_workout";

/** An expected refusal with a message the user can act on. */
export class DraftActionError extends UserError {
  constructor(message: string) {
    super(message);
    this.name = "DraftActionError";
  }
}

function findDraftStatus(parts: ChatUIPart[], toolCallId: string): DraftStatusPayload | undefined {
  const p = parts.find((x) => x.type === "data-draft-status" && x.id === toolCallId);
  return p && p.type === "data-draft-status" ? p.data : undefined;
}

/**
 * Locks the assistant message that proposed the draft (the user's own, fully stored) and checks
 * that it really holds a log_workout result with this tool call id.
 */
async function lockDraftMessage(tx: Db, userId: string, messageId: string, toolCallId: string) {
  const [row] = await tx
    .select({ id: messages.id, parts: messages.parts, status: messages.status })
    .from(messages)
    .where(and(eq(messages.id, messageId), eq(messages.userId, userId), eq(messages.role, "assistant")))
    .for("update")
    .limit(1);
  if (!row) throw new DraftActionError("This workout draft no longer exists.");
  if (row.status === "streaming") throw new DraftActionError("Wait until the coach has finished answering, then confirm.");
  const parts = (row.parts as ChatUIPart[]) ?? [];
  const proposed = parts.some(
    (p) => p.type === LOG_WORKOUT_PART && "toolCallId" in p && p.toolCallId === toolCallId && "state" in p && p.state === "output-available",
  );
  if (!proposed) throw new DraftActionError("This workout draft no longer exists.");
  return parts;
}

/**
 * The card edits each workout's calendar date; the start keeps its wall-clock time in the user's
 * zone on the new date (calendar math in lib/time, so a DST change does not shift it by an hour).
 */
function withEditedDates(draft: WorkoutDraft, timeZone: string): WorkoutDraft {
  return {
    ...draft,
    workouts: draft.workouts.map((w) => {
      const start = new Date(w.startedAt);
      return localDate(start, timeZone) === w.date ? w : { ...w, startedAt: moveToDate(start, w.date, timeZone).toISOString() };
    }),
  };
}

/**
 * Saves the (possibly edited, re-validated) draft and records on the message that it was saved,
 * in one transaction. Confirming twice returns the first result instead of logging twice.
 */
export async function confirmDraft(
  db: Db,
  userId: string,
  input: { messageId: string; toolCallId: string; draft: WorkoutDraft },
): Promise<DraftStatusPayload> {
  return db.transaction(async (tx) => {
    const txDb = tx as unknown as Db;
    const parts = await lockDraftMessage(txDb, userId, input.messageId, input.toolCallId);
    const existing = findDraftStatus(parts, input.toolCallId);
    if (existing?.status === "saved") return existing;
    if (existing?.status === "discarded") throw new DraftActionError("This draft was discarded. Ask the coach to log it again.");
    let saved: { sessionIds: string[]; sets: number };
    try {
      const { timeZone } = await getViewerPrefs(txDb, userId);
      saved = await saveWorkoutDraft(txDb, userId, withEditedDates(input.draft, timeZone));
    } catch (error) {
      if (error instanceof WorkoutDraftError) throw new DraftActionError(error.message);
      throw error;
    }
    const status: DraftStatusPayload = { status: "saved", sessionIds: saved.sessionIds, sets: saved.sets, at: new Date().toISOString() };
    await tx
      .update(messages)
      .set({ parts: [...parts, { type: "data-draft-status", id: input.toolCallId, data: status }] })
      .where(and(eq(messages.id, input.messageId), eq(messages.userId, userId)));
    return status;
  });
}

export async function discardDraft(db: Db, userId: string, input: { messageId: string; toolCallId: string }): Promise<DraftStatusPayload> {
  return db.transaction(async (tx) => {
    const parts = await lockDraftMessage(tx as unknown as Db, userId, input.messageId, input.toolCallId);
    const existing = findDraftStatus(parts, input.toolCallId);
    if (existing?.status === "saved") throw new DraftActionError("This workout is already logged; delete it from Workouts if it was a mistake.");
    if (existing) return existing;
    const status: DraftStatusPayload = { status: "discarded", at: new Date().toISOString() };
    await tx
      .update(messages)
      .set({ parts: [...parts, { type: "data-draft-status", id: input.toolCallId, data: status }] })
      .where(and(eq(messages.id, input.messageId), eq(messages.userId, userId)));
    return status;
  });
}
