import "server-only";
import { randomBytes, randomInt } from "node:crypto";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { trainerLinks, users } from "@/db/schema";
import { checkAllowance } from "@/lib/billing/allowance";
import { NotFoundError, UserError } from "@/lib/errors/user-error";
import { sendTrainerInviteEmail } from "@/lib/mail/trainer-invite";
import { listDataAccess } from "@/lib/privacy/access-log";
import { normalizeEmail } from "@/lib/users/email";
import { TrainerReadOnlyError, trainerStanding } from "./access";

const INVITE_EMAIL_DAYS = 14;
const SHARE_CODE_DAYS = 7;
/** Open invitations a trainer may have at once (invitations are not seats; this only stops spam). */
const MAX_PENDING_INVITES = 50;

class InvitationError extends UserError {
  constructor(message: string, code = "invitation_invalid", status: 400 | 403 | 404 | 409 | 410 = 400) {
    super(message, { code, status });
  }
}

const SHARE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** XXXX-XXXX from an alphabet without look-alikes (~40 bits; single use, expires in a week). */
function newShareCode(): string {
  let s = "";
  for (let i = 0; i < 8; i++) s += SHARE_ALPHABET[randomInt(SHARE_ALPHABET.length)];
  return `${s.slice(0, 4)}-${s.slice(4)}`;
}

/** Share codes are typed by people: upper-case them and restore the dash; link tokens pass as they are. */
export function normalizeCode(code: string): string {
  const t = code.trim();
  const compact = t.replace(/[\s-]/g, "").toUpperCase();
  if (/^[A-Z0-9]{8}$/.test(compact)) return `${compact.slice(0, 4)}-${compact.slice(4)}`;
  return t;
}

async function requireFullTrainer(db: Queryable, trainerUserId: string) {
  const standing = await trainerStanding(db, trainerUserId);
  if (standing.mode === "full") return standing;
  if (standing.mode === "read-only") throw new TrainerReadOnlyError(standing.readOnlyUntil);
  throw new UserError("Inviting athletes is part of the Trainer plan. Choose it on /pricing.", { code: "plan_required", status: 403 });
}

async function countPending(db: Queryable, trainerUserId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(trainerLinks)
    .where(and(eq(trainerLinks.trainerUserId, trainerUserId), eq(trainerLinks.status, "pending"), sql`${trainerLinks.expiresAt} > now()`));
  return Number(row?.n ?? 0);
}

function lockTrainer(tx: Queryable, trainerUserId: string) {
  return tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`trainer-seats:${trainerUserId}`}))`);
}

async function activeClientCount(db: Queryable, trainerUserId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(trainerLinks)
    .where(and(eq(trainerLinks.trainerUserId, trainerUserId), eq(trainerLinks.status, "active")));
  return Number(row?.n ?? 0);
}

/** Email invitation: a one-time link bound to that address, sent through the mail seam. */
export async function inviteByEmail(
  db: Queryable,
  trainer: { id: string; name: string | null; email: string },
  email: string,
  origin: string,
  now: Date = new Date(),
): Promise<{ id: string; via: "smtp" | "log" }> {
  await requireFullTrainer(db, trainer.id);
  const inviteEmail = normalizeEmail(email);
  if (inviteEmail === normalizeEmail(trainer.email)) throw new InvitationError("You cannot invite yourself.");
  if ((await countPending(db, trainer.id)) >= MAX_PENDING_INVITES)
    throw new InvitationError(`You have ${MAX_PENDING_INVITES} open invitations; cancel some first.`, "too_many_invites", 409);
  const code = randomBytes(24).toString("base64url");
  const expiresAt = new Date(now.getTime() + INVITE_EMAIL_DAYS * 86_400_000);
  const [row] = await db.insert(trainerLinks).values({ trainerUserId: trainer.id, inviteEmail, code, expiresAt }).returning({ id: trainerLinks.id });
  const sent = await sendTrainerInviteEmail({
    to: inviteEmail,
    url: `${origin}/trainer/invite/${code}`,
    trainerName: trainer.name?.trim() || trainer.email,
    expires: expiresAt,
  });
  return { id: row.id, via: sent.via };
}

/** A share code anyone can enter once (the trainer hands it over in person or by chat). */
export async function createShareCode(
  db: Queryable,
  trainerUserId: string,
  now: Date = new Date(),
): Promise<{ id: string; code: string; expiresAt: Date }> {
  await requireFullTrainer(db, trainerUserId);
  if ((await countPending(db, trainerUserId)) >= MAX_PENDING_INVITES)
    throw new InvitationError(`You have ${MAX_PENDING_INVITES} open invitations; cancel some first.`, "too_many_invites", 409);
  const expiresAt = new Date(now.getTime() + SHARE_CODE_DAYS * 86_400_000);
  for (let attempt = 0; ; attempt++) {
    const code = newShareCode();
    try {
      const [row] = await db.insert(trainerLinks).values({ trainerUserId, code, expiresAt }).returning({ id: trainerLinks.id });
      return { id: row.id, code, expiresAt };
    } catch (e) {
      if (attempt >= 3 || (e as { code?: string }).code !== "23505") throw e;
    }
  }
}

export interface InvitationView {
  id: string;
  trainerName: string;
  trainerEmail: string;
  inviteEmail: string | null;
  expiresAt: Date;
}

const INVALID = "This invitation is not valid: it may have expired, been used or been cancelled. Ask your trainer for a new one.";

/** The invitation behind a code, for the person about to answer it (only pending and unexpired ones). */
export async function findInvitation(db: Queryable, code: string, now: Date = new Date()): Promise<InvitationView> {
  const c = normalizeCode(code);
  if (!c || c.length > 100) throw new InvitationError(INVALID, "invitation_invalid", 404);
  const [row] = await db
    .select({
      id: trainerLinks.id,
      status: trainerLinks.status,
      expiresAt: trainerLinks.expiresAt,
      inviteEmail: trainerLinks.inviteEmail,
      trainerName: users.name,
      trainerEmail: users.email,
    })
    .from(trainerLinks)
    .innerJoin(users, eq(users.id, trainerLinks.trainerUserId))
    .where(eq(trainerLinks.code, c))
    .limit(1);
  if (!row || row.status !== "pending" || row.expiresAt <= now) throw new InvitationError(INVALID, "invitation_invalid", 404);
  return {
    id: row.id,
    trainerName: row.trainerName?.trim() || row.trainerEmail,
    trainerEmail: row.trainerEmail,
    inviteEmail: row.inviteEmail,
    expiresAt: row.expiresAt,
  };
}

/**
 * The athlete accepts: one transaction under the trainer's seat lock, so two accepts racing for
 * the last seat cannot both win (the count and the update are serialized per trainer).
 */
export async function acceptInvitation(
  db: Queryable,
  athlete: { id: string; email: string },
  code: string,
  now: Date = new Date(),
): Promise<{ linkId: string; trainerUserId: string }> {
  const c = normalizeCode(code);
  return db.transaction(async (tx) => {
    const [pre] = await tx.select({ trainerUserId: trainerLinks.trainerUserId }).from(trainerLinks).where(eq(trainerLinks.code, c)).limit(1);
    if (!pre) throw new InvitationError(INVALID, "invitation_invalid", 404);
    await lockTrainer(tx, pre.trainerUserId);
    const [link] = await tx.select().from(trainerLinks).where(eq(trainerLinks.code, c)).for("update").limit(1);
    if (!link || link.status !== "pending" || link.expiresAt <= now) throw new InvitationError(INVALID, "invitation_invalid", 404);
    if (link.trainerUserId === athlete.id) throw new InvitationError("This is your own invitation; send it to your athlete.");
    if (link.inviteEmail && link.inviteEmail !== normalizeEmail(athlete.email))
      throw new InvitationError(
        "This invitation was sent to a different email address. Sign in with that address to accept it.",
        "invitation_other_email",
        403,
      );
    const [existing] = await tx
      .select({ id: trainerLinks.id })
      .from(trainerLinks)
      .where(and(eq(trainerLinks.trainerUserId, link.trainerUserId), eq(trainerLinks.clientUserId, athlete.id), eq(trainerLinks.status, "active")))
      .limit(1);
    if (existing) throw new InvitationError("You already train with this trainer.", "already_linked", 409);
    const standing = await trainerStanding(tx, link.trainerUserId, now);
    if (standing.mode !== "full") throw new InvitationError("This trainer's plan no longer includes client athletes.", "trainer_unavailable", 409);
    const allowance = await checkAllowance(tx, link.trainerUserId, {
      capacity: "clientSeats",
      inUse: await activeClientCount(tx, link.trainerUserId),
      now,
    });
    if (!allowance.allowed)
      throw new InvitationError("This trainer has no free client seats right now. Ask them to free one and try again.", "no_seats", 409);
    await tx
      .update(trainerLinks)
      .set({ status: "active", clientUserId: athlete.id, acceptedAt: now, code: null })
      .where(and(eq(trainerLinks.id, link.id), eq(trainerLinks.status, "pending")));
    return { linkId: link.id, trainerUserId: link.trainerUserId };
  });
}

export async function declineInvitation(db: Queryable, athlete: { id: string; email: string }, code: string, now: Date = new Date()): Promise<void> {
  const inv = await findInvitation(db, code, now);
  if (inv.inviteEmail && inv.inviteEmail !== normalizeEmail(athlete.email)) throw new InvitationError(INVALID, "invitation_invalid", 404);
  await db
    .update(trainerLinks)
    .set({ status: "declined", code: null, endedAt: now, endedBy: "client" })
    .where(and(eq(trainerLinks.id, inv.id), eq(trainerLinks.status, "pending")));
}

/**
 * Either side ends a link (or the trainer cancels a pending invitation). Always allowed — even a
 * trainer whose plan ended can let go, and an athlete can always stop sharing.
 */
export async function revokeLink(db: Queryable, userId: string, linkId: string, now: Date = new Date()): Promise<void> {
  const rows = await db
    .update(trainerLinks)
    .set({
      status: "revoked",
      code: null,
      endedAt: now,
      endedBy: sql`case when ${trainerLinks.trainerUserId} = ${userId} then 'trainer' else 'client' end`,
    })
    .where(
      and(
        eq(trainerLinks.id, linkId),
        inArray(trainerLinks.status, ["pending", "active"]),
        sql`(${trainerLinks.trainerUserId} = ${userId} or (${trainerLinks.clientUserId} = ${userId} and ${trainerLinks.status} = 'active'))`,
      ),
    )
    .returning({ id: trainerLinks.id });
  if (rows.length === 0) throw new NotFoundError("This link does not exist or has already ended.");
}

export interface TrainerLinkRow {
  id: string;
  clientUserId: string | null;
  clientName: string | null;
  clientEmail: string | null;
  inviteEmail: string | null;
  code: string | null;
  status: "pending" | "active";
  acceptedAt: Date | null;
  expiresAt: Date;
}

/** The trainer's own links: active clients and open invitations (their own rows only). */
export async function listTrainerLinks(db: Queryable, trainerUserId: string, now: Date = new Date()): Promise<TrainerLinkRow[]> {
  const rows = await db
    .select({
      id: trainerLinks.id,
      clientUserId: trainerLinks.clientUserId,
      clientName: users.name,
      clientEmail: users.email,
      inviteEmail: trainerLinks.inviteEmail,
      code: trainerLinks.code,
      status: trainerLinks.status,
      acceptedAt: trainerLinks.acceptedAt,
      expiresAt: trainerLinks.expiresAt,
    })
    .from(trainerLinks)
    .leftJoin(users, eq(users.id, trainerLinks.clientUserId))
    .where(and(eq(trainerLinks.trainerUserId, trainerUserId), inArray(trainerLinks.status, ["pending", "active"])))
    .orderBy(asc(trainerLinks.status), desc(trainerLinks.createdAt));
  return rows
    .filter((r) => r.status === "active" || r.expiresAt > now)
    .map((r) => ({ ...r, status: r.status as "pending" | "active", code: r.inviteEmail ? null : r.code }));
}

export interface AthleteTrainerRow {
  linkId: string;
  trainerUserId: string;
  trainerName: string;
  trainerEmail: string;
  acceptedAt: Date;
}

/** The athlete's trainers (active links). */
export async function listAthleteTrainers(db: Queryable, athleteUserId: string): Promise<AthleteTrainerRow[]> {
  const rows = await db
    .select({
      linkId: trainerLinks.id,
      trainerUserId: trainerLinks.trainerUserId,
      name: users.name,
      email: users.email,
      acceptedAt: trainerLinks.acceptedAt,
    })
    .from(trainerLinks)
    .innerJoin(users, eq(users.id, trainerLinks.trainerUserId))
    .where(and(eq(trainerLinks.clientUserId, athleteUserId), eq(trainerLinks.status, "active")))
    .orderBy(desc(trainerLinks.acceptedAt));
  return rows.map((r) => ({
    linkId: r.linkId,
    trainerUserId: r.trainerUserId,
    trainerName: r.name?.trim() || r.email,
    trainerEmail: r.email,
    acceptedAt: r.acceptedAt!,
  }));
}

export interface TrainerReadRow {
  id: string;
  trainerName: string;
  what: string;
  via: string;
  at: Date;
}

/** The athlete's log of reads by trainers (from the data-access log), newest first, with the trainer's name. */
export async function listTrainerReads(db: Queryable, athleteUserId: string, limit = 100): Promise<TrainerReadRow[]> {
  const rows = (await listDataAccess(db, athleteUserId, 500)).filter((r) => r.actorKind === "trainer").slice(0, limit);
  const ids = [...new Set(rows.map((r) => r.actorUserId).filter((x): x is string => Boolean(x)))];
  const names = new Map(
    ids.length
      ? (await db.select({ id: users.id, name: users.name, email: users.email }).from(users).where(inArray(users.id, ids))).map((u) => [
          u.id,
          u.name?.trim() || u.email,
        ])
      : [],
  );
  return rows.map((r) => ({
    id: r.id,
    trainerName: (r.actorUserId && names.get(r.actorUserId)) || "A former trainer",
    what: r.what,
    via: r.via,
    at: r.at,
  }));
}
