import "server-only";
import { and, asc, eq, gte, lt, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { liveCues, messages, trainingRecords, userProfiles, users, type TrainingCadence } from "@/db/schema";
import { getEntitlements } from "@/lib/billing/entitlements";
import { textOf } from "@/lib/chat/messages";
import { CUE_PERSONAS } from "@/lib/cues/personas";
import { uuid7 } from "@/lib/ids/uuid7";
import { getTrainingConsent, lockTrainingSubject } from "./consent";
import { TRAINING_CONSENT_VERSION } from "./consent-text";
import { dropBiometrics, scrubText } from "./scrub";
import { sourceRef, trainingHmacKey, trainingSubject } from "./subject";
import { retentionCutoff } from "./retention";
import { contextTagsFor } from "./tags";

/** Sources are collected once they have settled (thumbs arrive during and just after a workout). */
const SETTLE_MS = 2 * 3_600_000;
/** At most this many source rows per user and source per collection run. */
const MAX_SOURCE_ROWS = 5000;

const CHAT_SYSTEM_PROMPT = "You are Spotter, a strength coach. Answer the lifter from their training log, briefly and safely.";

export type TrainingMessage = { role: "system" | "user" | "assistant"; content: string; weight?: 0 | 1 };

export interface CollectResult {
  users: number;
  chat: number;
  cue: number;
}

/** Cadence of a lifter's records: weekly batches for paid plans, monthly for Free. */
function cadenceForPlan(plan: string): TrainingCadence {
  return plan === "free" ? "monthly" : "weekly";
}

/** Quality 0–1 from the lifter's thumbs on a cue: up 1, down 0, none 0.5. */
function cueQuality(feedback: number | null): number {
  return feedback === 1 ? 1 : feedback === -1 ? 0 : 0.5;
}

/** Users whose newest consent row is a grant of the current text. */
async function consentingUsers(db: Queryable): Promise<string[]> {
  const r = await db.execute<{ user_id: string }>(sql`
    select user_id from (
      select distinct on (user_id) user_id, granted, text_version
      from training_consents order by user_id, created_at desc, id desc
    ) latest where granted and text_version = ${TRAINING_CONSENT_VERSION}`);
  return r.rows.map((row) => row.user_id);
}

/**
 * Turns consenting lifters' settled chat exchanges and live cues into anonymized records
 * (state 'created'). Per user, under the same advisory lock as consent changes, consent is checked
 * again, so a withdrawal that wins the race leaves nothing behind. Only material from after the
 * current grant (and within six months) is used. Idempotent: a source row is taken once.
 */
export async function collectTrainingRecords(db: Queryable, opts: { now?: Date; userIds?: string[] } = {}): Promise<CollectResult> {
  const now = opts.now ?? new Date();
  const key = await trainingHmacKey(db);
  const ids = opts.userIds ?? (await consentingUsers(db));
  const total: CollectResult = { users: 0, chat: 0, cue: 0 };
  for (const userId of ids) {
    const r = await db.transaction(async (tx) => {
      await lockTrainingSubject(tx, userId);
      const consent = await getTrainingConsent(tx, userId);
      if (!consent.granted || !consent.latest) return null;
      const settled = new Date(now.getTime() - SETTLE_MS);
      const [who] = await tx
        .select({ name: users.name, email: users.email, displayName: userProfiles.displayName })
        .from(users)
        .leftJoin(userProfiles, eq(userProfiles.userId, users.id))
        .where(eq(users.id, userId));
      if (!who) return null;
      const names = [who.name, who.displayName, who.email];
      const cadence = cadenceForPlan((await getEntitlements(tx, userId, now)).plan);
      const subject = trainingSubject(key, userId);
      // Only what happened after the current grant, and never anything past the retention limit.
      const cutoff = retentionCutoff(now);
      const since = consent.latest.at > cutoff ? consent.latest.at : cutoff;
      const scrub = (text: string) => scrubText(dropBiometrics(text), { names }).trim();
      const base = { userId, subject, cadence, state: "created" as const, createdAt: now };
      const rows: (typeof trainingRecords.$inferInsert)[] = [];

      // Chat: each user message with the assistant answer that follows it.
      const chat = await tx
        .select({
          id: messages.id,
          conversationId: messages.conversationId,
          role: messages.role,
          parts: messages.parts,
          status: messages.status,
          createdAt: messages.createdAt,
        })
        .from(messages)
        .where(and(eq(messages.userId, userId), gte(messages.createdAt, since), lt(messages.createdAt, settled)))
        .orderBy(asc(messages.conversationId), asc(messages.seq))
        .limit(MAX_SOURCE_ROWS);
      for (let i = 1; i < chat.length; i++) {
        const q = chat[i - 1];
        const a = chat[i];
        if (q.role !== "user" || a.role !== "assistant" || a.conversationId !== q.conversationId || a.status !== "complete") continue;
        const question = scrub(textOf(q.parts));
        const answer = scrub(textOf(a.parts));
        if (!question || !answer) continue;
        rows.push({
          ...base,
          id: uuid7(),
          source: "chat",
          sourceRef: sourceRef(key, "chat", a.id),
          messages: [
            { role: "system", content: CHAT_SYSTEM_PROMPT },
            { role: "user", content: question },
            { role: "assistant", content: answer },
          ] satisfies TrainingMessage[],
          contextTags: contextTagsFor("chat", `${question} ${answer}`),
          // No chat feedback exists yet: every answer counts as neutral.
          quality: 0.5,
          occurredAt: a.createdAt,
        });
      }

      // Live cues, with the lifter's thumbs.
      const cues = await tx
        .select()
        .from(liveCues)
        .where(and(eq(liveCues.userId, userId), gte(liveCues.createdAt, since), lt(liveCues.createdAt, settled)))
        .orderBy(asc(liveCues.createdAt))
        .limit(MAX_SOURCE_ROWS);
      for (const c of cues) {
        const text = scrub(c.text);
        if (!text) continue;
        const persona = CUE_PERSONAS[c.persona as keyof typeof CUE_PERSONAS];
        const quality = cueQuality(c.feedback);
        rows.push({
          ...base,
          id: uuid7(),
          source: "cue",
          sourceRef: sourceRef(key, "cue", c.id),
          messages: [
            { role: "system", content: `You are ${persona?.name ?? c.persona}, a strength coach speaking into a lifter's earbuds during a workout.` },
            { role: "user", content: `Write one ${c.trigger} cue (${c.kind}).` },
            { role: "assistant", content: text, weight: quality < 0.5 ? 0 : 1 },
          ] satisfies TrainingMessage[],
          contextTags: contextTagsFor("cue", text, { trigger: c.trigger, persona: c.persona }),
          quality,
          persona: c.persona,
          trigger: c.trigger,
          template: c.template,
          feedback: c.feedback,
          occurredAt: c.createdAt,
        });
      }
      let chatN = 0;
      let cueN = 0;
      for (let i = 0; i < rows.length; i += 500) {
        const inserted = await tx
          .insert(trainingRecords)
          .values(rows.slice(i, i + 500))
          .onConflictDoNothing({ target: [trainingRecords.source, trainingRecords.sourceRef] })
          .returning({ source: trainingRecords.source });
        for (const x of inserted)
          if (x.source === "chat") chatN++;
          else cueN++;
      }
      return { chat: chatN, cue: cueN };
    });
    if (!r) continue;
    total.users++;
    total.chat += r.chat;
    total.cue += r.cue;
  }
  return total;
}
