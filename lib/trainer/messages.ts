import "server-only";
import { and, asc, eq, isNull, ne, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { trainerLinks, trainerMessages, workoutSessions } from "@/db/schema";
import { NotFoundError } from "@/lib/errors/user-error";
import { logTrainerRead, requireClientAccess } from "./access";

/**
 * One thread per trainer–athlete pair (messages with a session id are comments on that workout).
 * The trainer's side goes through requireClientAccess (writing needs the Trainer plan); the
 * athlete's side needs an active link to that trainer. Reading a thread marks what was sent to
 * the reader as read.
 */

export const MAX_MESSAGE_CHARS = 4000;

export interface ThreadMessage {
  id: string;
  fromMe: boolean;
  body: string;
  sessionId: string | null;
  createdAt: Date;
  readAt: Date | null;
}

type Pair = { trainerUserId: string; clientUserId: string };

/** The athlete's side: an active link to this trainer, or 404. */
async function requireTrainerOfAthlete(db: Queryable, athleteUserId: string, trainerUserId: string): Promise<Pair> {
  const [l] = await db
    .select({ id: trainerLinks.id })
    .from(trainerLinks)
    .where(and(eq(trainerLinks.trainerUserId, trainerUserId), eq(trainerLinks.clientUserId, athleteUserId), eq(trainerLinks.status, "active")))
    .limit(1);
  if (!l) throw new NotFoundError("This trainer does not exist or is not linked to you.");
  return { trainerUserId, clientUserId: athleteUserId };
}

async function requireClientSession(db: Queryable, clientUserId: string, sessionId: string | undefined): Promise<string | null> {
  if (!sessionId) return null;
  const [s] = await db
    .select({ id: workoutSessions.id })
    .from(workoutSessions)
    .where(and(eq(workoutSessions.id, sessionId), eq(workoutSessions.userId, clientUserId)))
    .limit(1);
  if (!s) throw new NotFoundError("This workout does not exist.");
  return s.id;
}

async function insert(db: Queryable, pair: Pair, authorUserId: string, body: string, sessionId: string | null) {
  const [row] = await db
    .insert(trainerMessages)
    .values({ ...pair, authorUserId, body: body.trim().slice(0, MAX_MESSAGE_CHARS), sessionId })
    .returning({ id: trainerMessages.id });
  return row;
}

/** The trainer writes to a client (optionally as a comment on one of the client's workouts). */
export async function sendAsTrainer(
  db: Queryable,
  trainerUserId: string,
  clientUserId: string,
  body: string,
  sessionId?: string,
): Promise<{ id: string }> {
  const access = await requireClientAccess(db, trainerUserId, clientUserId, { write: true });
  const sid = await requireClientSession(db, access.clientUserId, sessionId);
  return insert(db, { trainerUserId, clientUserId: access.clientUserId }, trainerUserId, body, sid);
}

/** The athlete writes to their trainer (optionally about one of their own workouts). */
export async function sendAsAthlete(
  db: Queryable,
  athleteUserId: string,
  trainerUserId: string,
  body: string,
  sessionId?: string,
): Promise<{ id: string }> {
  const pair = await requireTrainerOfAthlete(db, athleteUserId, trainerUserId);
  const sid = await requireClientSession(db, athleteUserId, sessionId);
  return insert(db, pair, athleteUserId, body, sid);
}

async function readThread(db: Queryable, pair: Pair, viewerUserId: string, opts: { sessionId?: string } = {}): Promise<ThreadMessage[]> {
  const where = and(
    eq(trainerMessages.trainerUserId, pair.trainerUserId),
    eq(trainerMessages.clientUserId, pair.clientUserId),
    opts.sessionId ? eq(trainerMessages.sessionId, opts.sessionId) : undefined,
  );
  const rows = await db.select().from(trainerMessages).where(where).orderBy(asc(trainerMessages.createdAt), asc(trainerMessages.id)).limit(500);
  await db
    .update(trainerMessages)
    .set({ readAt: sql`now()` })
    .where(and(where, ne(trainerMessages.authorUserId, viewerUserId), isNull(trainerMessages.readAt)));
  return rows.map((r) => ({
    id: r.id,
    fromMe: r.authorUserId === viewerUserId,
    body: r.body,
    sessionId: r.sessionId,
    createdAt: r.createdAt,
    readAt: r.readAt,
  }));
}

/** The trainer's thread with a client (read-only access is enough to read it). */
export async function trainerThread(
  db: Queryable,
  trainerUserId: string,
  clientUserId: string,
  opts: { sessionId?: string } = {},
): Promise<ThreadMessage[]> {
  const access = await requireClientAccess(db, trainerUserId, clientUserId);
  await logTrainerRead(db, access, opts.sessionId ? "comments on a workout" : "messages with you", "trainer messages");
  return readThread(db, { trainerUserId, clientUserId: access.clientUserId }, trainerUserId, opts);
}

export async function athleteThread(db: Queryable, athleteUserId: string, trainerUserId: string): Promise<ThreadMessage[]> {
  return readThread(db, await requireTrainerOfAthlete(db, athleteUserId, trainerUserId), athleteUserId);
}

/** The athlete's trainers' comments on one of their workouts (their own data: no link needed to see what was said). */
export async function commentsOnMyWorkout(db: Queryable, athleteUserId: string, sessionId: string): Promise<ThreadMessage[]> {
  const rows = await db
    .select()
    .from(trainerMessages)
    .where(and(eq(trainerMessages.clientUserId, athleteUserId), eq(trainerMessages.sessionId, sessionId)))
    .orderBy(asc(trainerMessages.createdAt));
  return rows.map((r) => ({
    id: r.id,
    fromMe: r.authorUserId === athleteUserId,
    body: r.body,
    sessionId: r.sessionId,
    createdAt: r.createdAt,
    readAt: r.readAt,
  }));
}

/** Unread messages sent to `userId`, per other party (client ids for a trainer, trainer ids for an athlete). */
export async function unreadCounts(db: Queryable, userId: string): Promise<Map<string, number>> {
  const r = await db.execute(sql`
    select case when m.trainer_user_id = ${userId} then m.client_user_id else m.trainer_user_id end as other, count(*)::int as n
    from trainer_messages m
    join trainer_links l on l.trainer_user_id = m.trainer_user_id and l.client_user_id = m.client_user_id and l.status = 'active'
    where (m.trainer_user_id = ${userId} or m.client_user_id = ${userId}) and m.author_user_id <> ${userId} and m.read_at is null
    group by 1`);
  return new Map((r.rows as { other: string; n: number }[]).map((x) => [String(x.other), Number(x.n)]));
}
