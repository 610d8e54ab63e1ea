import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { trainerLinks, trainerSettings } from "@/db/schema";
import { getEntitlements } from "@/lib/billing/entitlements";
import { NotFoundError, UserError } from "@/lib/errors/user-error";
import { recordDataAccess } from "@/lib/privacy/access-log";

/**
 * The one gate in front of every trainer read or write of a client's data. A client id that came
 * from a URL, a form or a tool argument is trusted only after `requireClientAccess` returned for it.
 */

type TrainerMode = "full" | "read-only" | "none";

export interface TrainerStanding {
  mode: TrainerMode;
  /** Set while the trainer is below the Trainer plan: read-only access ends then. */
  readOnlyUntil: Date | null;
  /** Client seats of the plan in effect now (0 below the Trainer plan). */
  seats: number;
}

export interface ClientAccess {
  trainerUserId: string;
  clientUserId: string;
  linkId: string;
  mode: "full" | "read-only";
  readOnlyUntil: Date | null;
}

const CLIENT_NOT_FOUND = "This athlete does not exist or is not linked to you.";

class TrainerAccessEndedError extends UserError {
  constructor() {
    super("Your Trainer plan has ended, and with it your access to your athletes' data. Choose the Trainer plan on /pricing to coach again.", {
      code: "trainer_access_ended",
      status: 403,
    });
  }
}

export class TrainerReadOnlyError extends UserError {
  constructor(until: Date | null) {
    super(
      `Your account is no longer on the Trainer plan: you can view your athletes${until ? ` until ${until.toISOString().slice(0, 10)}` : ""} but not change anything. Choose the Trainer plan on /pricing to coach again.`,
      { code: "trainer_read_only", status: 403 },
    );
  }
}

/**
 * Full on the Trainer plan. Below it: read-only until the stored period end seen the first time the
 * trainer was below the plan (fixed then, so a renewing Pro subscription does not extend it), then none.
 */
export async function trainerStanding(db: Queryable, trainerUserId: string, now: Date = new Date()): Promise<TrainerStanding> {
  const ents = await getEntitlements(db, trainerUserId, now);
  const seats = ents.limits.clientSeats;
  if (seats > 0) {
    await db
      .update(trainerSettings)
      .set({ readOnlyUntil: null, updatedAt: sql`now()` })
      .where(and(eq(trainerSettings.userId, trainerUserId), sql`${trainerSettings.readOnlyUntil} is not null`));
    return { mode: "full", readOnlyUntil: null, seats };
  }
  const periodEnd = ents.currentPeriodEnd && ents.currentPeriodEnd > now ? ents.currentPeriodEnd : now;
  const [row] = await db
    .insert(trainerSettings)
    .values({ userId: trainerUserId, readOnlyUntil: periodEnd })
    .onConflictDoUpdate({
      target: trainerSettings.userId,
      set: { readOnlyUntil: sql`coalesce(${trainerSettings.readOnlyUntil}, excluded.read_only_until)`, updatedAt: sql`now()` },
    })
    .returning({ readOnlyUntil: trainerSettings.readOnlyUntil });
  const until = row?.readOnlyUntil ?? null;
  return { mode: until && until > now ? "read-only" : "none", readOnlyUntil: until, seats: 0 };
}

/**
 * Checks that `trainerUserId` has an active link to `clientUserId` and a plan standing that allows
 * the request (`write` needs the Trainer plan now). Unknown, pending, declined and revoked links all
 * answer the same 404, so a trainer learns nothing about accounts that are not their clients.
 */
export async function requireClientAccess(
  db: Queryable,
  trainerUserId: string,
  clientUserId: string,
  opts: { write?: boolean; now?: Date } = {},
): Promise<ClientAccess> {
  if (typeof clientUserId !== "string" || !clientUserId || clientUserId.length > 100 || !trainerUserId) throw new NotFoundError(CLIENT_NOT_FOUND);
  const [link] = await db
    .select({ id: trainerLinks.id })
    .from(trainerLinks)
    .where(and(eq(trainerLinks.trainerUserId, trainerUserId), eq(trainerLinks.clientUserId, clientUserId), eq(trainerLinks.status, "active")))
    .limit(1);
  if (!link) throw new NotFoundError(CLIENT_NOT_FOUND);
  const standing = await trainerStanding(db, trainerUserId, opts.now);
  if (standing.mode === "none") throw new TrainerAccessEndedError();
  if (opts.write && standing.mode !== "full") throw new TrainerReadOnlyError(standing.readOnlyUntil);
  return { trainerUserId, clientUserId, linkId: link.id, mode: standing.mode, readOnlyUntil: standing.readOnlyUntil };
}

/**
 * Every read of a client's data by their trainer goes through here, after requireClientAccess:
 * it is recorded in the client's data-access log (shown to the client under Settings → Trainers).
 */
export async function logTrainerRead(db: Queryable, access: ClientAccess, what: string, via: string): Promise<void> {
  await recordDataAccess(db, { subjectUserId: access.clientUserId, actorUserId: access.trainerUserId, actorKind: "trainer", what, via });
}
