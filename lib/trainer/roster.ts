import "server-only";
import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { addDays, startOfIsoWeek } from "@/lib/time/calendar";
import { localDate } from "@/lib/time/zone";
import { loadRecordHistory } from "@/lib/workouts/record-history";
import { computeRecords, RECORD_LABELS, type RecordKind } from "@/lib/workouts/records";
import { logTrainerRead, requireClientAccess, trainerStanding, type ClientAccess, type TrainerStanding } from "./access";
import { listTrainerLinks } from "./links";
import { unreadCounts } from "./messages";
import { assignedBetween } from "./programme-schema";
import { clientTimeZone, getActiveAssignment, type AssignmentRow } from "./programmes";
import { getTrainerSettings } from "./settings";

/** Compliance = completed ÷ assigned training days in the window; a day counts once however many sessions. */
export interface Compliance {
  assigned: number;
  completed: number;
  /** 0–100, null when nothing was assigned in the window. */
  percent: number | null;
}

interface RosterClient {
  clientUserId: string;
  linkId: string;
  name: string;
  email: string;
  lastSessionAt: Date | null;
  sessionsThisWeek: number;
  assignedThisWeek: number | null;
  programme: string | null;
  compliance: { d7: Compliance; d30: Compliance; d90: Compliance };
  attention: string[];
  unread: number;
}

interface ClientPr {
  clientUserId: string;
  clientName: string;
  sessionId: string;
  at: Date;
  exercise: string;
  kind: RecordKind;
  label: string;
  value: number;
  previous: number | null;
}

/**
 * A scheduled day counts as done when the athlete trained that day or within the two days after
 * (a Monday session done on Tuesday still counts, once). Returns compliance over [from, today].
 */
export function windowCompliance(assignment: AssignmentRow | null, trainedDays: string[], from: string, today: string): Compliance {
  if (!assignment) return { assigned: 0, completed: 0, percent: null };
  const assigned = assignedBetween(assignment.body, assignment.startDate, from < assignment.startDate ? assignment.startDate : from, today);
  const days = [...new Set(trainedDays)].filter((d) => d >= assignment.startDate).sort();
  const used = new Set<string>();
  let completed = 0;
  for (const a of assigned) {
    const hit = days.find((d) => !used.has(d) && d >= a && d <= addDays(a, 2));
    if (hit) {
      used.add(hit);
      completed++;
    }
  }
  return { assigned: assigned.length, completed, percent: assigned.length ? Math.round((completed / assigned.length) * 100) : null };
}

/** Why a client needs attention: no session for `inactiveDays`, or 7-day compliance ≥ 20 points under the 30-day figure. */
export function attentionReasons(c: { lastSessionAt: Date | null; d7: Compliance; d30: Compliance }, inactiveDays: number, now: Date): string[] {
  const out: string[] = [];
  const idle = c.lastSessionAt ? Math.floor((now.getTime() - c.lastSessionAt.getTime()) / 86_400_000) : null;
  if (idle === null) out.push("No sessions logged yet");
  else if (idle >= inactiveDays) out.push(`No session for ${idle} days`);
  if (c.d7.percent !== null && c.d30.percent !== null && c.d30.percent - c.d7.percent >= 20)
    out.push(`Compliance dropped ${c.d30.percent - c.d7.percent} points (7 days ${c.d7.percent}% vs 30 days ${c.d30.percent}%)`);
  return out;
}

async function trainedDays(db: Queryable, clientUserId: string, timeZone: string, since: Date): Promise<{ days: string[]; last: Date | null }> {
  const r = await db.execute(sql`
    select to_char(started_at at time zone ${timeZone}, 'YYYY-MM-DD') as day, max(started_at) as last
    from workout_sessions where user_id = ${clientUserId} and started_at >= ${since.toISOString()}::timestamptz
    group by 1 order by 1`);
  const [lastRow] = (await db.execute(sql`select max(started_at) as last from workout_sessions where user_id = ${clientUserId}`)).rows as {
    last: unknown;
  }[];
  const last = lastRow?.last ? new Date(String(lastRow.last instanceof Date ? lastRow.last.toISOString() : lastRow.last)) : null;
  return { days: (r.rows as { day: string }[]).map((x) => String(x.day)), last };
}

/** One client's roster line; the caller has passed requireClientAccess for them. */
async function rosterLine(
  db: Queryable,
  access: ClientAccess,
  who: { name: string; email: string },
  inactiveDays: number,
  now: Date,
): Promise<RosterClient> {
  const tz = await clientTimeZone(db, access.clientUserId);
  const today = localDate(now, tz);
  const { days, last } = await trainedDays(db, access.clientUserId, tz, new Date(now.getTime() - 95 * 86_400_000));
  const assignment = await getActiveAssignment(db, access.clientUserId);
  const monday = startOfIsoWeek(today);
  const d7 = windowCompliance(assignment, days, addDays(today, -6), today);
  const d30 = windowCompliance(assignment, days, addDays(today, -29), today);
  const d90 = windowCompliance(assignment, days, addDays(today, -89), today);
  return {
    clientUserId: access.clientUserId,
    linkId: access.linkId,
    name: who.name,
    email: who.email,
    lastSessionAt: last,
    sessionsThisWeek: (
      (
        await db.execute(sql`select count(*)::int as n from workout_sessions where user_id = ${access.clientUserId}
        and (started_at at time zone ${tz})::date >= ${monday}::date`)
      ).rows[0] as { n: number }
    ).n,
    assignedThisWeek: assignment ? assignedBetween(assignment.body, assignment.startDate, monday, addDays(monday, 6)).length : null,
    programme: assignment?.name ?? null,
    compliance: { d7, d30, d90 },
    attention: attentionReasons({ lastSessionAt: last, d7, d30 }, inactiveDays, now),
    unread: 0,
  };
}

export interface Roster {
  standing: TrainerStanding;
  inactiveDays: number;
  clients: RosterClient[];
  prs: ClientPr[];
}

/** The trainer's roster: every active client through requireClientAccess (and logged), plus their recent PRs. */
export async function loadRoster(db: Queryable, trainerUserId: string, now: Date = new Date()): Promise<Roster> {
  const standing = await trainerStanding(db, trainerUserId, now);
  const { inactiveDays } = await getTrainerSettings(db, trainerUserId);
  if (standing.mode === "none") return { standing, inactiveDays, clients: [], prs: [] };
  const links = (await listTrainerLinks(db, trainerUserId, now)).filter((l) => l.status === "active" && l.clientUserId);
  const clients: RosterClient[] = [];
  const prs: ClientPr[] = [];
  for (const l of links) {
    const access = await requireClientAccess(db, trainerUserId, l.clientUserId!, { now });
    await logTrainerRead(db, access, "training summary and personal records", "trainer roster");
    const name = l.clientName?.trim() || l.clientEmail || "Athlete";
    clients.push(await rosterLine(db, access, { name, email: l.clientEmail ?? "" }, inactiveDays, now));
    prs.push(...(await recentPrs(db, access, name, new Date(now.getTime() - 30 * 86_400_000))));
  }
  const unread = await unreadCounts(db, trainerUserId);
  for (const c of clients) c.unread = unread.get(c.clientUserId) ?? 0;
  prs.sort((a, b) => b.at.getTime() - a.at.getTime());
  return { standing, inactiveDays, clients, prs: prs.slice(0, 30) };
}

async function recentPrs(db: Queryable, access: ClientAccess, clientName: string, since: Date): Promise<ClientPr[]> {
  const history = await loadRecordHistory(db, access.clientUserId);
  const { bySession } = computeRecords(history);
  const at = new Map(history.map((s) => [s.sessionId, s.startedAt]));
  const recent = [...bySession.entries()].filter(([sid]) => (at.get(sid)?.getTime() ?? 0) >= since.getTime());
  if (recent.length === 0) return [];
  const ids = [...new Set(recent.flatMap(([, rs]) => rs.map((r) => r.exerciseId)))];
  const names = new Map(
    (
      (await db.execute(sql`select id, name from exercises where id = any(${`{${ids.join(",")}}`}::uuid[])`)).rows as { id: string; name: string }[]
    ).map((r) => [String(r.id), String(r.name)]),
  );
  return recent.flatMap(([sessionId, rs]) =>
    rs
      .filter((r) => r.kind !== "volume")
      .map((r) => ({
        clientUserId: access.clientUserId,
        clientName,
        sessionId,
        at: at.get(sessionId)!,
        exercise: names.get(r.exerciseId) ?? "Exercise",
        kind: r.kind,
        label: RECORD_LABELS[r.kind],
        value: r.value,
        previous: r.previous,
      })),
  );
}
