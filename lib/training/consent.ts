import "server-only";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { trainingConsents, trainingRecords } from "@/db/schema";
import { UserError } from "@/lib/errors/user-error";
import { uuid7 } from "@/lib/ids/uuid7";
import { TRAINING_CONSENT_VERSION } from "./consent-text";

/**
 * Training-data consent: off by default (no row = no), an explicit opt-in recorded with the time
 * and the version of the text shown, every decision kept as a row. A grant of an older text version
 * does not count (`granted` is false, `needsReconsent` true) until the lifter agrees again.
 */
export interface TrainingConsent {
  /** True only for a grant of the current text version. */
  granted: boolean;
  /** The latest decision as stored (null: never asked / never answered). */
  latest: { granted: boolean; textVersion: string; at: Date } | null;
  /** A grant exists but for an older version of the text. */
  needsReconsent: boolean;
  currentVersion: string;
}

export interface TrainingConsentEvent {
  granted: boolean;
  textVersion: string;
  at: Date;
}

/** Serializes consent changes and record collection for one user (same key in collect.ts). */
export async function lockTrainingSubject(tx: Queryable, userId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`training:${userId}`}))`);
}

export async function getTrainingConsent(db: Queryable, userId: string): Promise<TrainingConsent> {
  const [row] = await db
    .select()
    .from(trainingConsents)
    .where(eq(trainingConsents.userId, userId))
    .orderBy(desc(trainingConsents.createdAt), desc(trainingConsents.id))
    .limit(1);
  const latest = row ? { granted: row.granted, textVersion: row.textVersion, at: row.createdAt } : null;
  const current = !!row?.granted && row.textVersion === TRAINING_CONSENT_VERSION;
  return { granted: current, latest, needsReconsent: !!row?.granted && !current, currentVersion: TRAINING_CONSENT_VERSION };
}

/** Every decision, newest first (for the privacy page and the data export). */
export async function listTrainingConsentHistory(db: Queryable, userId: string): Promise<TrainingConsentEvent[]> {
  const rows = await db
    .select()
    .from(trainingConsents)
    .where(eq(trainingConsents.userId, userId))
    .orderBy(desc(trainingConsents.createdAt), desc(trainingConsents.id));
  return rows.map((r) => ({ granted: r.granted, textVersion: r.textVersion, at: r.createdAt }));
}

/**
 * Opt in to the current text. `textVersion` is the version the lifter was shown; a stale page
 * (older version) is refused so nobody agrees to words they did not see.
 */
export async function grantTrainingConsent(db: Queryable, userId: string, opts: { textVersion?: string; now?: Date } = {}): Promise<TrainingConsent> {
  const textVersion = opts.textVersion ?? TRAINING_CONSENT_VERSION;
  if (textVersion !== TRAINING_CONSENT_VERSION) throw new StaleConsentTextError();
  return db.transaction(async (tx) => {
    await lockTrainingSubject(tx, userId);
    const before = await getTrainingConsent(tx, userId);
    if (!before.granted) {
      await tx.insert(trainingConsents).values({ id: uuid7(), userId, granted: true, textVersion, createdAt: opts.now ?? new Date() });
    }
    return getTrainingConsent(tx, userId);
  });
}

/**
 * Withdraw: records the decision and, in the same transaction, deletes every record of this user
 * that has not been exported (created, pending_export). Exported records carry no user id.
 */
export async function withdrawTrainingConsent(
  db: Queryable,
  userId: string,
  opts: { now?: Date } = {},
): Promise<TrainingConsent & { deletedRecords: number }> {
  return db.transaction(async (tx) => {
    await lockTrainingSubject(tx, userId);
    const before = await getTrainingConsent(tx, userId);
    if (before.latest?.granted) {
      await tx
        .insert(trainingConsents)
        .values({ id: uuid7(), userId, granted: false, textVersion: before.latest.textVersion, createdAt: opts.now ?? new Date() });
    }
    const deletedRecords = await deletePendingTrainingRecords(tx, userId);
    return { ...(await getTrainingConsent(tx, userId)), deletedRecords };
  });
}

/** The user's records that still wait for export; returns how many went. */
export async function deletePendingTrainingRecords(tx: Queryable, userId: string): Promise<number> {
  const gone = await tx
    .delete(trainingRecords)
    .where(and(eq(trainingRecords.userId, userId), inArray(trainingRecords.state, ["created", "pending_export"])))
    .returning({ id: trainingRecords.id });
  return gone.length;
}

class StaleConsentTextError extends UserError {
  constructor() {
    super("The consent text has changed since this page was loaded. Please reload and read it again.", { code: "stale_consent_text", status: 409 });
  }
}
