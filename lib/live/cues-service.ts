import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Queryable } from "@/db/client";
import { liveCues } from "@/db/tables/live";
import { getChatModel } from "@/lib/ai/provider";
import { checkAllowance, refundAllowance } from "@/lib/billing/allowance";
import { ENTITLEMENTS, getEntitlements, upgradeFor, type UserEntitlements } from "@/lib/billing/entitlements";
import { generateCue } from "@/lib/cues/engine";
import type { LiveCue } from "@/lib/cues/client/types";
import type { CueFacts } from "@/lib/cues/types";
import { NotFoundError, RateLimitedError, UserError } from "@/lib/errors/user-error";
import { cachedSpeech, clipKeyFor, speak, type SpeechResult, type VoicePersona } from "@/lib/speech";
import { cuePreferencesOf, deployedModel } from "@/lib/training/registry";
import { isUuid } from "@/lib/ids/is-uuid";
import { consumeRateLimit } from "@/lib/security/rate-limit";
import type { cueRequestSchema, cueUpdateSchema } from "./schemas";

/** Voice is a paid feature: 402 with where to upgrade. */
class VoiceRequiresUpgradeError extends UserError {
  constructor(planLabel: string, to: string | null) {
    super(`Spoken cues are not included in the ${planLabel} plan.${to ? ` Upgrade to ${to} to hear Alice and Aiden.` : ""}`, {
      code: "voice_requires_upgrade",
      status: 402,
      details: { upgradeUrl: "/pricing" },
    });
  }
}

/** The cue as the browser gets it (lib/cues/client/types.ts). */
export type CreatedCue = LiveCue;

/** Prefetched cues from the last hour that were never shown: each cost a model call, none was counted. */
const MAX_UNCLAIMED_PREFETCHES = 10;
/** Prefetches started per user and minute: bounds the model calls a burst can spend before the cap is re-checked at insert. */
const PREFETCH_BURST = { limit: 4, windowSeconds: 60 } as const;

/** Too many cues written ahead and never shown. The player then asks when the cue is due. */
class PrefetchLimitError extends UserError {
  constructor() {
    super(`${MAX_UNCLAIMED_PREFETCHES} cues prepared ahead in the last hour were never shown, so for now cues are written only when they are due.`, {
      code: "prefetch_limit",
      status: 429,
    });
  }
}

async function unclaimedPrefetches(db: Queryable, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(liveCues)
    .where(
      and(
        eq(liveCues.userId, userId),
        eq(liveCues.prefetched, true),
        isNull(liveCues.claimedAt),
        sql`${liveCues.createdAt} > now() - interval '1 hour'`,
      ),
    );
  return Number(row?.n ?? 0);
}

/** A prefetch is written only while the allowance has room (peeked, not counted) and under the unclaimed cap. */
async function prefetchRoom(db: Queryable, userId: string, ents: UserEntitlements): Promise<void> {
  const allowance = await checkAllowance(db, userId, { meter: "liveCues", peek: true }, ents);
  if (!allowance.allowed) throw new RateLimitedError(allowance.message!, allowance.resetAt ?? undefined);
  if ((await unclaimedPrefetches(db, userId)) >= MAX_UNCLAIMED_PREFETCHES) throw new PrefetchLimitError();
}

async function admitPrefetch(db: Queryable, userId: string, ents: UserEntitlements): Promise<void> {
  await prefetchRoom(db, userId, ents);
  const burst = await consumeRateLimit(db, `liveCuePrefetch:user:${userId}`, PREFETCH_BURST);
  if (!burst.allowed) throw new PrefetchLimitError();
}

/**
 * A cue for the lifter, written by the model seam with the offline fallback, and recorded. Counted
 * against the plan's hourly cue allowance (Postgres) when written — except a prefetch, which is
 * counted when the browser claims it (claimCue). Over the limit: RateLimitedError (429).
 */
export async function createCue(
  db: Queryable,
  userId: string,
  req: z.output<typeof cueRequestSchema>,
  opts: { prefetch?: boolean } = {},
): Promise<CreatedCue> {
  const prefetch = opts.prefetch ?? false;
  const ents = await getEntitlements(db, userId);
  if (prefetch) await admitPrefetch(db, userId, ents);
  else {
    const allowance = await checkAllowance(db, userId, { meter: "liveCues" }, ents);
    if (!allowance.allowed) throw new RateLimitedError(allowance.message!, allowance.resetAt ?? undefined);
  }
  const deployed = await deployedModel(db);
  const seam = getChatModel(deployed);
  const preferences = cuePreferencesOf(deployed);
  const cue = await generateCue({ ...req, facts: req.facts as CueFacts }, { model: seam.offline ? null : seam.model, preferences });
  const values = {
    userId,
    trigger: cue.trigger,
    kind: cue.kind,
    persona: cue.persona,
    text: cue.text,
    toast: cue.toast,
    source: cue.source,
    template: cue.template,
    generationMs: Math.round(cue.generationMs),
    prefetched: prefetch,
  };
  const row = prefetch
    ? // Concurrent prefetches each passed the checks above: the count that decides is taken under a per-user lock.
      await db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`liveCuePrefetch:${userId}`}))`);
        await prefetchRoom(tx, userId, ents);
        const [r] = await tx.insert(liveCues).values(values).returning({ id: liveCues.id });
        return r;
      })
    : (await db.insert(liveCues).values(values).returning({ id: liveCues.id }))[0];
  return {
    id: row.id,
    trigger: cue.trigger,
    kind: cue.kind,
    persona: cue.persona,
    text: cue.text,
    toast: cue.toast,
    source: cue.source,
    generationMs: cue.generationMs,
    voice: ents.limits.liveWorkoutVoice,
    audio: ents.limits.liveWorkoutVoice ? { url: `/api/live/cues/${row.id}/audio`, key: clipKeyFor(voicePersona(cue.persona), cue.text).key } : null,
  };
}

const voicePersona = (p: string): VoicePersona => (p === "aiden" ? "aiden" : "alice");

async function ownedCue(db: Queryable, userId: string, cueId: string) {
  if (!isUuid(cueId)) throw new NotFoundError("This cue does not exist.");
  const [row] = await db
    .select()
    .from(liveCues)
    .where(and(eq(liveCues.id, cueId), eq(liveCues.userId, userId)))
    .limit(1);
  if (!row) throw new NotFoundError("This cue does not exist.");
  return row;
}

/**
 * The cue's audio. Pro and up only (402 otherwise); a fresh synthesis counts against the hourly
 * speech allowance, a cached clip does not (the unit is given back).
 */
export async function cueAudio(db: Queryable, userId: string, cueId: string): Promise<SpeechResult> {
  const [cue, ents] = await Promise.all([ownedCue(db, userId, cueId), getEntitlements(db, userId)]);
  if (!ents.limits.liveWorkoutVoice) {
    const to = upgradeFor(ents.plan, "liveWorkoutVoice");
    throw new VoiceRequiresUpgradeError(ents.limits.label, to ? ENTITLEMENTS[to].label : null);
  }
  // Only a fresh synthesis is counted: a cached clip costs nothing and skips the allowance queries.
  let counted = false;
  const beforeRender = async () => {
    const allowance = await checkAllowance(db, userId, { meter: "speechGenerations" }, ents);
    if (!allowance.allowed) throw new RateLimitedError(allowance.message!, allowance.resetAt ?? undefined);
    counted = true;
  };
  let audio: SpeechResult;
  try {
    audio = await speak(db, voicePersona(cue.persona), cue.text, undefined, { beforeRender });
  } catch (err) {
    if (counted) await refundAllowance(db, userId, "speechGenerations");
    throw err;
  }
  await db
    .update(liveCues)
    .set({ cached: audio.cached, speechMs: Math.round(audio.ms) })
    .where(and(eq(liveCues.id, cueId), eq(liveCues.userId, userId)));
  return audio;
}

/**
 * The browser surfaced the cue (toast or voice). The first claim sets claimed_at — one conditional
 * UPDATE, so two concurrent claims cannot both win — and a prefetched cue is counted against the
 * hourly allowance then, in the same transaction. Over the limit the claim still succeeds: the cue
 * was written while there was room and is already on the lifter's screen; the count stays over
 * the limit, so the next cue is refused.
 */
async function claimCue(db: Queryable, userId: string, cueId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [won] = await tx
      .update(liveCues)
      .set({ claimedAt: sql`now()` })
      .where(and(eq(liveCues.id, cueId), eq(liveCues.userId, userId), isNull(liveCues.claimedAt)))
      .returning({ prefetched: liveCues.prefetched });
    if (won?.prefetched) await checkAllowance(tx, userId, { meter: "liveCues" });
  });
}

/** Clips larger than this travel by GET …/audio, not inside a save's JSON answer. */
const MAX_INLINE_CLIP_BYTES = 192 * 1024;

/**
 * The cue's clip when the server cache already holds it (no synthesis, nothing counted), for a save's
 * answer to carry — unless the browser said it keeps that clip (`have`: its recent clip keys).
 */
export async function inlineCachedClip(db: Queryable, userId: string, cue: CreatedCue, have: readonly string[] = []): Promise<CreatedCue> {
  if (!cue.audio || have.includes(cue.audio.key)) return cue;
  const hit = await cachedSpeech(db, voicePersona(cue.persona), cue.text);
  if (!hit || hit.audio.length > MAX_INLINE_CLIP_BYTES) return cue;
  await db
    .update(liveCues)
    .set({ cached: true, speechMs: Math.round(hit.ms) })
    .where(and(eq(liveCues.id, cue.id), eq(liveCues.userId, userId)));
  return { ...cue, clip: { mime: hit.mime, base64: hit.audio.toString("base64") } };
}

/** Shown (claimed), playback and thumbs from the browser. */
export async function updateCue(db: Queryable, userId: string, cueId: string, patch: z.output<typeof cueUpdateSchema>): Promise<void> {
  await ownedCue(db, userId, cueId);
  if (patch.shown || patch.played) await claimCue(db, userId, cueId);
  const set: Partial<typeof liveCues.$inferInsert> = {};
  if (patch.played !== undefined) set.played = patch.played;
  if (patch.playbackStartMs !== undefined) set.playbackStartMs = patch.playbackStartMs;
  if (patch.feedback !== undefined) set.feedback = patch.feedback;
  if (Object.keys(set).length === 0) return;
  await db
    .update(liveCues)
    .set(set)
    .where(and(eq(liveCues.id, cueId), eq(liveCues.userId, userId)));
}
