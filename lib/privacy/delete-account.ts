import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, inArray, isNull, like, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  accountDeletionTokens,
  exerciseSets,
  liveCues,
  rateLimitBuckets,
  speechClips,
  stripeEvents,
  trainerLinks,
  users,
  verificationTokens,
  workoutSessions,
} from "@/db/schema";
import { loginEmailKey } from "@/lib/auth/authenticate";
import { cancelAndForgetCustomer } from "@/lib/billing/customers";
import { UserError } from "@/lib/errors/user-error";
import { logError } from "@/lib/log/redact";
import { sendMail, type SendResult } from "@/lib/mail/transport";
import { clipKeyFor } from "@/lib/speech";
import { deletePendingTrainingRecords } from "@/lib/training/consent";
import { env } from "@/lib/config/env";

/** How long an emailed deletion link works. */
const DELETION_LINK_MINUTES = 30;

export class BillingCancelError extends UserError {
  constructor() {
    super("Your subscription could not be cancelled with the payment provider just now, so nothing was deleted. Please try again in a few minutes.", {
      code: "billing_cancel_failed",
      status: 409,
    });
  }
}

export class DeletionLinkError extends UserError {
  constructor() {
    super("This deletion link is invalid or has expired. Ask for a new one on Settings → Privacy.", { code: "deletion_link_invalid", status: 400 });
  }
}

export interface DeletionReport {
  userId: string;
  /** The Stripe customer deleted through the billing seam (which cancels its subscriptions), if any. */
  deletedCustomer: string | null;
  /** Cached speech clips of the user's cues that were purged. */
  purgedAudioClips: number;
  /** Pending (not yet exported) training records removed. */
  deletedTrainingRecords: number;
}

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

/** The speech-cache keys the user's cues may have produced (the active engine's and the embedded fallback's). */
async function userClipKeys(db: Db, userId: string): Promise<string[]> {
  const cues = await db.selectDistinct({ persona: liveCues.persona, text: liveCues.text }).from(liveCues).where(eq(liveCues.userId, userId));
  const keys = new Set<string>();
  const e = env();
  for (const c of cues) {
    const persona = c.persona === "aiden" ? "aiden" : "alice";
    keys.add(clipKeyFor(persona, c.text, e).key);
    keys.add(clipKeyFor(persona, c.text, { ...e, ELEVENLABS_API_KEY: undefined }).key);
  }
  return [...keys];
}

/**
 * Deletes the account and every personal row, for good:
 * 1. the Stripe customer is deleted through the billing seam (Stripe cancels its subscriptions at
 *    once); if that fails nothing else happens, so the user can retry and is never billed for a
 *    deleted account;
 * 2. one transaction removes the rows: sets and sessions first (sets restrict their exercises),
 *    then the users row — every per-user table cascades from it (tests/privacy-delete.db.test.ts
 *    checks all of them from the live catalog) — plus the rows that name the user without a
 *    foreign key: the customer's webhook events, rate-limit counters, magic-link tokens, trainer
 *    invitations to the email that were never accepted, and the cached audio of the user's cues.
 * Auth.js sessions: the database rows go with the user; a JWT cookie stops working at once because
 * every request re-reads the user row (lib/auth/session.ts).
 * Exported training records carry no user id (an HMAC only) and stay; pending ones are deleted.
 */
export async function deleteAccount(db: Db, userId: string): Promise<DeletionReport> {
  const [user] = await db.select({ id: users.id, email: users.email }).from(users).where(eq(users.id, userId));
  if (!user) return { userId, deletedCustomer: null, purgedAudioClips: 0, deletedTrainingRecords: 0 };

  let deletedCustomer: string | null;
  try {
    ({ deletedCustomer } = await cancelAndForgetCustomer(db, userId));
  } catch (error) {
    logError("[privacy] account deletion: billing cancel failed", error);
    throw new BillingCancelError();
  }

  const clipKeys = await userClipKeys(db, userId);
  return db.transaction(async (tx) => {
    const deletedTrainingRecords = await deletePendingTrainingRecords(tx, userId);
    if (deletedCustomer) await tx.delete(stripeEvents).where(eq(stripeEvents.customerId, deletedCustomer));
    await tx.delete(rateLimitBuckets).where(or(eq(rateLimitBuckets.key, loginEmailKey(user.email)), like(rateLimitBuckets.key, `%:user:${userId}`)));
    await tx.delete(verificationTokens).where(eq(verificationTokens.identifier, user.email));
    // Trainer invitations addressed to this email and never accepted (accepted ones cascade with the user).
    await tx.delete(trainerLinks).where(and(eq(trainerLinks.inviteEmail, user.email), isNull(trainerLinks.clientUserId)));
    const purged = clipKeys.length ? await tx.delete(speechClips).where(inArray(speechClips.key, clipKeys)).returning({ key: speechClips.key }) : [];
    await tx.delete(exerciseSets).where(eq(exerciseSets.userId, userId));
    await tx.delete(workoutSessions).where(eq(workoutSessions.userId, userId));
    await tx.delete(users).where(eq(users.id, userId));
    return { userId, deletedCustomer, purgedAudioClips: purged.length, deletedTrainingRecords };
  });
}

/**
 * Re-authentication for accounts without a password: a one-time link through the mail seam. Only
 * the token's hash is stored; asking again replaces the previous link.
 */
export async function sendDeletionLink(db: Db, user: { id: string; email: string }, origin: string, now = new Date()): Promise<SendResult> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + DELETION_LINK_MINUTES * 60_000);
  await db.transaction(async (tx) => {
    await tx.delete(accountDeletionTokens).where(eq(accountDeletionTokens.userId, user.id));
    await tx.insert(accountDeletionTokens).values({ tokenHash: sha256(token), userId: user.id, expiresAt, createdAt: now });
  });
  const url = `${origin}/settings/privacy/delete?token=${encodeURIComponent(token)}`;
  return sendMail(
    {
      to: user.email,
      subject: "Confirm deleting your Spotter account",
      text: [
        "Someone (hopefully you) asked to delete your Spotter account and all its data.",
        "",
        "Open this link while signed in to confirm. It works once and expires in 30 minutes:",
        url,
        "",
        "If you did not ask for this, ignore this email: nothing is deleted without the link.",
      ].join("\n"),
    },
    { logLine: `[spotter] ACCOUNT DELETION LINK for ${user.email} (SMTP not configured): ${url}` },
  );
}

/** True (and the token is used up) when `token` is the user's unexpired deletion link. */
export async function consumeDeletionToken(db: Db, userId: string, token: string, now = new Date()): Promise<boolean> {
  if (!token || token.length > 200) return false;
  const gone = await db
    .delete(accountDeletionTokens)
    .where(
      and(eq(accountDeletionTokens.tokenHash, sha256(token)), eq(accountDeletionTokens.userId, userId), gt(accountDeletionTokens.expiresAt, now)),
    )
    .returning({ userId: accountDeletionTokens.userId });
  return gone.length === 1;
}

/** Whether the account signs in with a password (then deletion asks for it; otherwise for an emailed link). */
export async function hasPassword(db: Db, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ has: sql<boolean>`${users.passwordHash} is not null` })
    .from(users)
    .where(eq(users.id, userId));
  return !!row?.has;
}
