import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { programmeAssignments, trainerProgrammes, userProfiles } from "@/db/schema";
import { getPrimaryCoach } from "@/lib/coach/coaches";
import { NotFoundError, UserError } from "@/lib/errors/user-error";
import { localDate } from "@/lib/time/zone";
import { TrainerReadOnlyError, logTrainerRead, requireClientAccess, trainerStanding } from "./access";
import { draftProgramme } from "./programme-draft";
import { daysPerWeekOf, programmeBodySchema, scheduledOn, type ProgrammeBody, type ScheduledDay } from "./programme-schema";

export interface ProgrammeRow {
  id: string;
  name: string;
  weeks: number;
  daysPerWeek: number;
  body: ProgrammeBody;
  origin: "trainer" | "coach";
  updatedAt: Date;
}

const PROGRAMME_NOT_FOUND = "This programme does not exist.";

async function requireTrainerWrite(db: Queryable, trainerUserId: string) {
  const s = await trainerStanding(db, trainerUserId);
  if (s.mode === "read-only") throw new TrainerReadOnlyError(s.readOnlyUntil);
  if (s.mode === "none")
    throw new UserError("Programmes are part of the Trainer plan. Choose it on /pricing.", { code: "plan_required", status: 403 });
}

function toRow(r: typeof trainerProgrammes.$inferSelect): ProgrammeRow {
  return {
    id: r.id,
    name: r.name,
    weeks: r.weeks,
    daysPerWeek: r.daysPerWeek,
    body: programmeBodySchema.parse(r.body),
    origin: r.origin === "coach" ? "coach" : "trainer",
    updatedAt: r.updatedAt,
  };
}

/** Creates (no id) or updates the trainer's own programme template. */
export async function saveProgramme(
  db: Queryable,
  trainerUserId: string,
  input: { id?: string; name: string; body: ProgrammeBody; origin?: "trainer" | "coach" },
): Promise<{ id: string }> {
  await requireTrainerWrite(db, trainerUserId);
  const body = programmeBodySchema.parse(input.body);
  const values = { name: input.name.trim().slice(0, 120), weeks: body.weeks.length, daysPerWeek: daysPerWeekOf(body), body };
  if (input.id) {
    const rows = await db
      .update(trainerProgrammes)
      .set({ ...values, updatedAt: sql`now()` })
      .where(and(eq(trainerProgrammes.id, input.id), eq(trainerProgrammes.trainerUserId, trainerUserId)))
      .returning({ id: trainerProgrammes.id });
    if (rows.length === 0) throw new NotFoundError(PROGRAMME_NOT_FOUND);
    return rows[0];
  }
  const [row] = await db
    .insert(trainerProgrammes)
    .values({ trainerUserId, ...values, origin: input.origin ?? "trainer" })
    .returning({ id: trainerProgrammes.id });
  return row;
}

export async function listProgrammes(db: Queryable, trainerUserId: string): Promise<ProgrammeRow[]> {
  const rows = await db
    .select()
    .from(trainerProgrammes)
    .where(eq(trainerProgrammes.trainerUserId, trainerUserId))
    .orderBy(desc(trainerProgrammes.updatedAt));
  return rows.map(toRow);
}

async function getProgramme(db: Queryable, trainerUserId: string, id: string): Promise<ProgrammeRow> {
  const [row] = await db
    .select()
    .from(trainerProgrammes)
    .where(and(eq(trainerProgrammes.id, id), eq(trainerProgrammes.trainerUserId, trainerUserId)))
    .limit(1);
  if (!row) throw new NotFoundError(PROGRAMME_NOT_FOUND);
  return toRow(row);
}

export async function deleteProgramme(db: Queryable, trainerUserId: string, id: string): Promise<void> {
  const rows = await db
    .delete(trainerProgrammes)
    .where(and(eq(trainerProgrammes.id, id), eq(trainerProgrammes.trainerUserId, trainerUserId)))
    .returning({ id: trainerProgrammes.id });
  if (rows.length === 0) throw new NotFoundError(PROGRAMME_NOT_FOUND);
}

export async function clientTimeZone(db: Queryable, userId: string): Promise<string> {
  const [p] = await db.select({ timeZone: userProfiles.timeZone }).from(userProfiles).where(eq(userProfiles.userId, userId)).limit(1);
  return p?.timeZone ?? "UTC";
}

/**
 * Copies the trainer's programme onto the client, starting today in the client's zone (or
 * `startDate`). Any earlier active assignment ends. Needs the link and the Trainer plan now.
 */
export async function assignProgramme(
  db: Queryable,
  trainerUserId: string,
  clientUserId: string,
  programmeId: string,
  opts: { startDate?: string; now?: Date } = {},
): Promise<{ id: string; startDate: string }> {
  const access = await requireClientAccess(db, trainerUserId, clientUserId, { write: true, now: opts.now });
  const programme = await getProgramme(db, trainerUserId, programmeId);
  const startDate = opts.startDate ?? localDate(opts.now ?? new Date(), await clientTimeZone(db, access.clientUserId));
  return db.transaction(async (tx) => {
    await tx
      .update(programmeAssignments)
      .set({ status: "ended", endedAt: sql`now()` })
      .where(and(eq(programmeAssignments.clientUserId, access.clientUserId), eq(programmeAssignments.status, "active")));
    const [row] = await tx
      .insert(programmeAssignments)
      .values({
        clientUserId: access.clientUserId,
        trainerUserId,
        name: programme.name,
        weeks: programme.weeks,
        daysPerWeek: programme.daysPerWeek,
        body: programme.body,
        startDate,
      })
      .returning({ id: programmeAssignments.id });
    return { id: row.id, startDate };
  });
}

export interface AssignmentRow {
  id: string;
  trainerUserId: string | null;
  name: string;
  weeks: number;
  daysPerWeek: number;
  body: ProgrammeBody;
  startDate: string;
}

/** The athlete's own active assignment (their data: no trainer check). */
export async function getActiveAssignment(db: Queryable, userId: string): Promise<AssignmentRow | null> {
  const [row] = await db
    .select()
    .from(programmeAssignments)
    .where(and(eq(programmeAssignments.clientUserId, userId), eq(programmeAssignments.status, "active")))
    .limit(1);
  if (!row) return null;
  return {
    id: row.id,
    trainerUserId: row.trainerUserId,
    name: row.name,
    weeks: row.weeks,
    daysPerWeek: row.daysPerWeek,
    body: programmeBodySchema.parse(row.body),
    startDate: row.startDate,
  };
}

/** The trainer's view of a client's active assignment (checked and logged). */
export async function getClientAssignment(db: Queryable, trainerUserId: string, clientUserId: string): Promise<AssignmentRow | null> {
  const access = await requireClientAccess(db, trainerUserId, clientUserId);
  await logTrainerRead(db, access, "assigned programme", "trainer client view");
  return getActiveAssignment(db, access.clientUserId);
}

/** The athlete's plan for `date` (their local today by default) from the assigned programme. */
export async function assignedPlanForDay(
  db: Queryable,
  userId: string,
  opts: { date?: string; now?: Date } = {},
): Promise<{ assignment: AssignmentRow; today: ScheduledDay | null; date: string } | null> {
  const assignment = await getActiveAssignment(db, userId);
  if (!assignment) return null;
  const date = opts.date ?? localDate(opts.now ?? new Date(), await clientTimeZone(db, userId));
  return { assignment, today: scheduledOn(assignment.body, assignment.startDate, date), date };
}

/** The athlete stops following the assigned programme. */
export async function endAssignment(db: Queryable, userId: string, assignmentId: string): Promise<void> {
  const rows = await db
    .update(programmeAssignments)
    .set({ status: "ended", endedAt: sql`now()` })
    .where(and(eq(programmeAssignments.id, assignmentId), eq(programmeAssignments.clientUserId, userId), eq(programmeAssignments.status, "active")))
    .returning({ id: programmeAssignments.id });
  if (rows.length === 0) throw new NotFoundError("This programme is not active.");
}

/** A programme drafted by the trainer's own primary coach from its methodology (offline rules), saved as a template. */
export async function draftProgrammeFromCoach(db: Queryable, trainerUserId: string, weeks = 4): Promise<{ id: string; name: string }> {
  await requireTrainerWrite(db, trainerUserId);
  const coach = await getPrimaryCoach(db, trainerUserId);
  if (!coach)
    throw new UserError("Create your coach first (Coach → New coach): the draft follows its methodology.", { code: "no_coach", status: 409 });
  const draft = draftProgramme(coach.card, weeks);
  const saved = await saveProgramme(db, trainerUserId, { name: draft.name, body: draft.body, origin: "coach" });
  return { id: saved.id, name: draft.name };
}
