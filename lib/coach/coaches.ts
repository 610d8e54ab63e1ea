import "server-only";
import { UserError } from "@/lib/errors/user-error";
import { and, asc, desc, eq, ne, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { coachInterviews, coaches, coachVersions } from "@/db/schema";
import { checkAllowance } from "@/lib/billing/allowance";
import { getEntitlements } from "@/lib/billing/entitlements";
import { coachCardSchema, type CoachCard } from "./card";
import { isUuid } from "@/lib/ids/is-uuid";

/**
 * Coaches and their versions. Every query is scoped by the owner's id; a coach id of another user
 * behaves exactly like a missing one (null / false). Every edit writes a new version.
 */
export class CoachLimitError extends UserError {
  constructor(readonly limit: number) {
    super(
      limit === 1
        ? "Your plan includes one coach. Edit your coach, delete it to start over, or upgrade on /pricing to keep several."
        : `Your plan includes up to ${limit} coaches. Delete one or upgrade on /pricing to add more.`,
      { code: "coach_limit", status: 403 },
    );
    this.name = "CoachLimitError";
  }
}

export interface CoachSummary {
  id: string;
  name: string;
  isPrimary: boolean;
  currentVersion: number;
  createdAt: Date;
  updatedAt: Date;
}
export interface CoachWithCard extends CoachSummary {
  card: CoachCard;
}

const summaryColumns = {
  id: coaches.id,
  name: coaches.name,
  isPrimary: coaches.isPrimary,
  currentVersion: coaches.currentVersion,
  createdAt: coaches.createdAt,
  updatedAt: coaches.updatedAt,
};

/** Serialises coach writes per user (limit checks and primary switches cannot race). */
async function lockUser(tx: Queryable, userId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`coach:${userId}`}))`);
}

export async function coachLimit(db: Queryable, userId: string): Promise<{ used: number; limit: number }> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(coaches)
    .where(eq(coaches.userId, userId));
  return { used: Number(row?.n ?? 0), limit: (await getEntitlements(db, userId)).limits.maxCoaches };
}

export async function createCoach(
  db: Queryable,
  userId: string,
  input: { card: CoachCard; interviewId?: string | null; note?: string; makePrimary?: boolean },
): Promise<CoachSummary> {
  const card = coachCardSchema.parse(input.card);
  return db.transaction(async (tx) => {
    await lockUser(tx, userId);
    const { used } = await coachLimit(tx, userId);
    const allowance = await checkAllowance(tx, userId, { capacity: "coaches", inUse: used });
    if (!allowance.allowed) throw new CoachLimitError(allowance.limit);
    const [primary] = await tx
      .select({ id: coaches.id })
      .from(coaches)
      .where(and(eq(coaches.userId, userId), eq(coaches.isPrimary, true)))
      .limit(1);
    const makePrimary = !primary || input.makePrimary === true;
    if (makePrimary && primary) await tx.update(coaches).set({ isPrimary: false }).where(eq(coaches.id, primary.id));
    const [coach] = await tx
      .insert(coaches)
      .values({ userId, name: card.name, isPrimary: makePrimary, currentVersion: 1, interviewId: input.interviewId ?? null })
      .returning(summaryColumns);
    await tx.insert(coachVersions).values({ coachId: coach.id, userId, version: 1, card, note: input.note ?? "Created" });
    return coach;
  });
}

async function withCard(db: Queryable, userId: string, row: CoachSummary | undefined): Promise<CoachWithCard | null> {
  if (!row) return null;
  const [v] = await db
    .select({ card: coachVersions.card })
    .from(coachVersions)
    .where(and(eq(coachVersions.coachId, row.id), eq(coachVersions.userId, userId), eq(coachVersions.version, row.currentVersion)))
    .limit(1);
  const parsed = coachCardSchema.safeParse(v?.card);
  if (!parsed.success) {
    console.error(`[coach] stored card of coach ${row.id} v${row.currentVersion} does not validate`);
    return null;
  }
  return { ...row, card: parsed.data };
}

export async function getCoach(db: Queryable, userId: string, coachId: string): Promise<CoachWithCard | null> {
  if (!isUuid(coachId)) return null;
  const [row] = await db
    .select(summaryColumns)
    .from(coaches)
    .where(and(eq(coaches.id, coachId), eq(coaches.userId, userId)))
    .limit(1);
  return withCard(db, userId, row);
}

export async function getPrimaryCoach(db: Queryable, userId: string): Promise<CoachWithCard | null> {
  const [row] = await db
    .select(summaryColumns)
    .from(coaches)
    .where(and(eq(coaches.userId, userId), eq(coaches.isPrimary, true)))
    .limit(1);
  return withCard(db, userId, row);
}

export async function listCoaches(db: Queryable, userId: string): Promise<CoachWithCard[]> {
  const rows = await db
    .select(summaryColumns)
    .from(coaches)
    .where(eq(coaches.userId, userId))
    .orderBy(desc(coaches.isPrimary), asc(coaches.createdAt));
  const out: CoachWithCard[] = [];
  for (const r of rows) {
    const c = await withCard(db, userId, r);
    if (c) out.push(c);
  }
  return out;
}

/** Saves an edited card as the next version. Null when the coach is not this user's. */
export async function saveCoachVersion(db: Queryable, userId: string, coachId: string, card: CoachCard, note: string): Promise<CoachWithCard | null> {
  if (!isUuid(coachId)) return null;
  const valid = coachCardSchema.parse(card);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select(summaryColumns)
      .from(coaches)
      .where(and(eq(coaches.id, coachId), eq(coaches.userId, userId)))
      .for("update")
      .limit(1);
    if (!row) return null;
    const version = row.currentVersion + 1;
    await tx.insert(coachVersions).values({ coachId, userId, version, card: valid, note: note.slice(0, 200) });
    const [updated] = await tx
      .update(coaches)
      .set({ currentVersion: version, name: valid.name, updatedAt: new Date() })
      .where(and(eq(coaches.id, coachId), eq(coaches.userId, userId)))
      .returning(summaryColumns);
    return { ...updated, card: valid };
  });
}

export async function setPrimaryCoach(db: Queryable, userId: string, coachId: string): Promise<boolean> {
  if (!isUuid(coachId)) return false;
  return db.transaction(async (tx) => {
    await lockUser(tx, userId);
    const [row] = await tx
      .select({ id: coaches.id })
      .from(coaches)
      .where(and(eq(coaches.id, coachId), eq(coaches.userId, userId)))
      .limit(1);
    if (!row) return false;
    await tx
      .update(coaches)
      .set({ isPrimary: false })
      .where(and(eq(coaches.userId, userId), eq(coaches.isPrimary, true), ne(coaches.id, coachId)));
    await tx
      .update(coaches)
      .set({ isPrimary: true })
      .where(and(eq(coaches.id, coachId), eq(coaches.userId, userId)));
    return true;
  });
}

/** Deletes a coach (and its versions); if it was primary, the oldest remaining coach takes over. */
export async function deleteCoach(db: Queryable, userId: string, coachId: string): Promise<boolean> {
  if (!isUuid(coachId)) return false;
  return db.transaction(async (tx) => {
    await lockUser(tx, userId);
    const [gone] = await tx
      .delete(coaches)
      .where(and(eq(coaches.id, coachId), eq(coaches.userId, userId)))
      .returning({ isPrimary: coaches.isPrimary });
    if (!gone) return false;
    // The interview that produced it stays (with its transcript) but no longer links to it.
    await tx
      .update(coachInterviews)
      .set({ coachId: null })
      .where(and(eq(coachInterviews.userId, userId), eq(coachInterviews.coachId, coachId)));
    if (gone.isPrimary) {
      const [next] = await tx.select({ id: coaches.id }).from(coaches).where(eq(coaches.userId, userId)).orderBy(asc(coaches.createdAt)).limit(1);
      if (next) await tx.update(coaches).set({ isPrimary: true }).where(eq(coaches.id, next.id));
    }
    return true;
  });
}

export interface CoachVersionSummary {
  version: number;
  note: string | null;
  createdAt: Date;
}

export async function listCoachVersions(db: Queryable, userId: string, coachId: string): Promise<CoachVersionSummary[] | null> {
  if (!isUuid(coachId)) return null;
  const [owned] = await db
    .select({ id: coaches.id })
    .from(coaches)
    .where(and(eq(coaches.id, coachId), eq(coaches.userId, userId)))
    .limit(1);
  if (!owned) return null;
  return db
    .select({ version: coachVersions.version, note: coachVersions.note, createdAt: coachVersions.createdAt })
    .from(coachVersions)
    .where(and(eq(coachVersions.coachId, coachId), eq(coachVersions.userId, userId)))
    .orderBy(desc(coachVersions.version));
}
