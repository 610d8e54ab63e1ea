import "server-only";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Queryable } from "@/db/client";
import { liveCues } from "@/db/tables/live";
import { getChatModel } from "@/lib/ai/provider";
import { checkAllowance, refundAllowance } from "@/lib/billing/allowance";
import { ENTITLEMENTS, getEntitlements, upgradeFor } from "@/lib/billing/entitlements";
import { generateCue } from "@/lib/cues/engine";
import type { LiveCue } from "@/lib/cues/client/types";
import type { CueFacts } from "@/lib/cues/types";
import { NotFoundError, RateLimitedError, UserError } from "@/lib/errors/user-error";
import { clipKeyFor, speak, type SpeechResult, type VoicePersona } from "@/lib/speech";
import { cuePreferencesOf, deployedModel } from "@/lib/training/registry";
import { isUuid } from "@/lib/ids/is-uuid";
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

/**
 * A cue for the lifter: counted against the plan's hourly cue allowance (Postgres), written by the
 * model seam with the offline fallback, and recorded. Over the limit: RateLimitedError (429).
 */
export async function createCue(db: Queryable, userId: string, req: z.output<typeof cueRequestSchema>): Promise<CreatedCue> {
  const ents = await getEntitlements(db, userId);
  const allowance = await checkAllowance(db, userId, { meter: "liveCues" }, ents);
  if (!allowance.allowed) throw new RateLimitedError(allowance.message!, allowance.resetAt ?? undefined);
  const deployed = await deployedModel(db);
  const seam = getChatModel(deployed);
  const preferences = cuePreferencesOf(deployed);
  const cue = await generateCue({ ...req, facts: req.facts as CueFacts }, { model: seam.offline ? null : seam.model, preferences });
  const [row] = await db
    .insert(liveCues)
    .values({
      userId,
      trigger: cue.trigger,
      kind: cue.kind,
      persona: cue.persona,
      text: cue.text,
      toast: cue.toast,
      source: cue.source,
      template: cue.template,
      generationMs: Math.round(cue.generationMs),
    })
    .returning({ id: liveCues.id });
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

/** Playback and thumbs from the browser. */
export async function updateCue(db: Queryable, userId: string, cueId: string, patch: z.output<typeof cueUpdateSchema>): Promise<void> {
  await ownedCue(db, userId, cueId);
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
