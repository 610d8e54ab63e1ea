import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { users } from "@/db/schema";
import { NotFoundError } from "@/lib/errors/user-error";
import { runSandboxedQuery, type SandboxResult } from "@/lib/sql";
import { getExerciseHistory, type ExerciseHistory } from "@/lib/workouts/exercise-history";
import { getSessionDetail, listSessions, type SessionDetail, type SessionPage } from "@/lib/workouts/queries";
import { getViewerPrefs, type ViewerPrefs } from "@/lib/workouts/viewer";
import { logTrainerRead, requireClientAccess, type ClientAccess } from "./access";

/**
 * The trainer's read-only window onto one client. Every function takes the trainer's id from the
 * session and the client id from the URL, and runs requireClientAccess before touching the
 * client's rows — then only ever uses `access.clientUserId` — and logs the read.
 */

export interface ClientHeader {
  access: ClientAccess;
  name: string;
  email: string;
  prefs: ViewerPrefs;
}

export async function loadClientHeader(db: Queryable, trainerUserId: string, clientUserId: string): Promise<ClientHeader> {
  const access = await requireClientAccess(db, trainerUserId, clientUserId);
  const [u] = await db.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, access.clientUserId)).limit(1);
  if (!u) throw new NotFoundError();
  await logTrainerRead(db, access, "name and display settings", "trainer client view");
  return { access, name: u.name?.trim() || u.email, email: u.email, prefs: await getViewerPrefs(db, access.clientUserId) };
}

export async function loadClientLog(db: Queryable, trainerUserId: string, clientUserId: string, page = 1): Promise<SessionPage> {
  const access = await requireClientAccess(db, trainerUserId, clientUserId);
  await logTrainerRead(db, access, "training log", "trainer client view");
  return listSessions(db, access.clientUserId, { page, pageSize: 20 });
}

export async function loadClientSession(db: Queryable, trainerUserId: string, clientUserId: string, sessionId: string): Promise<SessionDetail> {
  const access = await requireClientAccess(db, trainerUserId, clientUserId);
  const detail = await getSessionDetail(db, access.clientUserId, sessionId);
  if (!detail) throw new NotFoundError("This workout does not exist.");
  await logTrainerRead(db, access, `workout "${detail.name.slice(0, 80)}"`, "trainer client view");
  return detail;
}

/** e1RM trends of the client's most-trained exercises (by sets in the last 180 days). */
export async function loadClientCharts(db: Queryable, trainerUserId: string, clientUserId: string, limit = 3): Promise<ExerciseHistory[]> {
  const access = await requireClientAccess(db, trainerUserId, clientUserId);
  await logTrainerRead(db, access, "charts of lifts", "trainer client view");
  const r = await db.execute(sql`
    select s.exercise_id from exercise_sets s join workout_sessions w on w.id = s.session_id and w.user_id = s.user_id
    where s.user_id = ${access.clientUserId} and w.started_at > now() - interval '180 days' and s.reps >= 1 and s.weight_kg > 0
    group by s.exercise_id order by count(*) desc limit ${limit}`);
  const out: ExerciseHistory[] = [];
  for (const row of r.rows as { exercise_id: string }[]) {
    const h = await getExerciseHistory(db, access.clientUserId, String(row.exercise_id), 5);
    if (h) out.push(h);
  }
  return out;
}

/**
 * The chat's analytics over the client's data: the same sandbox, bound to the client's id only
 * after the link check passes for this very request. The SQL cannot name a user (layer 1), and
 * the id bound at $1 is the checked one, never anything from the request.
 */
export async function runClientQuery(db: Queryable, trainerUserId: string, clientUserId: string, query: string): Promise<SandboxResult> {
  const access = await requireClientAccess(db, trainerUserId, clientUserId);
  await logTrainerRead(db, access, "analytics query over training data", "trainer analytics (SQL sandbox)");
  return runSandboxedQuery({ userId: access.clientUserId, sql: query });
}

/** Ready-made questions for the analytics box (plain SQL over the sandbox's relations). */
export const CLIENT_QUESTIONS: { label: string; sql: string }[] = [
  {
    label: "Sessions per week, last 12 weeks",
    sql: "select date_trunc('week', started_at)::date as week, count(*) as sessions from sessions where started_at > now() - interval '84 days' group by 1 order by 1",
  },
  {
    label: "Best e1RM per exercise, last 90 days",
    sql: "select e.name as exercise, max(s.e1rm_kg) as best_e1rm_kg from sets s join exercises e on e.id = s.exercise_id join sessions w on w.id = s.session_id where w.started_at > now() - interval '90 days' and s.e1rm_kg is not null group by e.name order by best_e1rm_kg desc limit 15",
  },
  {
    label: "Weekly volume (kg), last 12 weeks",
    sql: "select date_trunc('week', w.started_at)::date as week, round(sum(s.volume_kg)) as volume_kg from sets s join sessions w on w.id = s.session_id where w.started_at > now() - interval '84 days' group by 1 order by 1",
  },
];
