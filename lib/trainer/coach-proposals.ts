import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Queryable } from "@/db/client";
import { coachProposals, trainerLinks, users } from "@/db/schema";
import { coachCardSchema, type CoachCard } from "@/lib/coach/card";
import { getPrimaryCoach, saveCoachVersion } from "@/lib/coach/coaches";
import { NotFoundError, UserError } from "@/lib/errors/user-error";
import { requireClientAccess } from "./access";

/**
 * A trainer proposes their coach's methodology and safety rules for a client's coach; nothing
 * changes until the client confirms. Applying writes a new version of the client's primary coach:
 * methodology replaced, safety only ever tightened (rules added, volume ramp and deload interval
 * the stricter of the two), the client's own injuries and restrictions kept.
 */

const methodologyShape = coachCardSchema.shape.methodology;
const proposalSchema = z.object({
  methodology: methodologyShape,
  methodologyPrompt: z.string().min(1).max(1500),
  safetyRules: z.array(z.string().min(1).max(240)).max(8),
  maxWeeklyVolumeIncreasePct: z.number().min(0).max(10),
  deload: coachCardSchema.shape.safety.shape.deload,
});
export type CoachProposalContent = z.infer<typeof proposalSchema>;

class CoachProposalError extends UserError {
  constructor(message: string, code = "coach_proposal") {
    super(message, { code, status: 409 });
  }
}

export function proposalFromCard(card: CoachCard): CoachProposalContent {
  return {
    methodology: card.methodology,
    methodologyPrompt: card.prompts.methodology,
    safetyRules: card.safety.rules,
    maxWeeklyVolumeIncreasePct: card.safety.maxWeeklyVolumeIncreasePct,
    deload: card.safety.deload,
  };
}

/** The client's card with the trainer's methodology and the stricter of both safety settings. */
export function applyProposal(card: CoachCard, p: CoachProposalContent, trainerName: string): CoachCard {
  const rules = [...card.safety.rules];
  for (const r of p.safetyRules) if (!rules.some((x) => x.toLowerCase() === r.toLowerCase()) && rules.length < 8) rules.push(r);
  const safetyPrompt = `${card.prompts.safety}\nRules from ${trainerName} (trainer): ${p.safetyRules.join(" ")}`.slice(0, 1500);
  return coachCardSchema.parse({
    ...card,
    methodology: p.methodology,
    prompts: { ...card.prompts, methodology: p.methodologyPrompt, safety: p.safetyRules.length ? safetyPrompt : card.prompts.safety },
    safety: {
      ...card.safety,
      rules,
      maxWeeklyVolumeIncreasePct: Math.min(card.safety.maxWeeklyVolumeIncreasePct, p.maxWeeklyVolumeIncreasePct),
      deload: {
        everyWeeks: Math.min(card.safety.deload.everyWeeks, p.deload.everyWeeks),
        rules: [...new Set([...card.safety.deload.rules, ...p.deload.rules])].slice(0, 6),
      },
    },
  });
}

/** The trainer proposes their primary coach's methodology and safety rules (replacing an earlier pending proposal). */
export async function proposeCoachChanges(db: Queryable, trainerUserId: string, clientUserId: string): Promise<{ id: string }> {
  const access = await requireClientAccess(db, trainerUserId, clientUserId, { write: true });
  const coach = await getPrimaryCoach(db, trainerUserId);
  if (!coach)
    throw new CoachProposalError(
      "Create your own coach first (Coach → New coach): its methodology and safety rules are what you propose.",
      "no_coach",
    );
  const content = proposalFromCard(coach.card);
  return db.transaction(async (tx) => {
    await tx
      .update(coachProposals)
      .set({ status: "withdrawn", answeredAt: sql`now()` })
      .where(
        and(
          eq(coachProposals.trainerUserId, trainerUserId),
          eq(coachProposals.clientUserId, access.clientUserId),
          eq(coachProposals.status, "pending"),
        ),
      );
    const [row] = await tx
      .insert(coachProposals)
      .values({ trainerUserId, clientUserId: access.clientUserId, content })
      .returning({ id: coachProposals.id });
    return row;
  });
}

export interface PendingProposal {
  id: string;
  trainerUserId: string;
  trainerName: string;
  content: CoachProposalContent;
  createdAt: Date;
}

/** The client's pending proposals from trainers they are still linked to. */
export async function listPendingProposals(db: Queryable, clientUserId: string): Promise<PendingProposal[]> {
  const rows = await db
    .select({
      id: coachProposals.id,
      trainerUserId: coachProposals.trainerUserId,
      name: users.name,
      email: users.email,
      content: coachProposals.content,
      createdAt: coachProposals.createdAt,
    })
    .from(coachProposals)
    .innerJoin(users, eq(users.id, coachProposals.trainerUserId))
    .innerJoin(
      trainerLinks,
      and(
        eq(trainerLinks.trainerUserId, coachProposals.trainerUserId),
        eq(trainerLinks.clientUserId, coachProposals.clientUserId),
        eq(trainerLinks.status, "active"),
      ),
    )
    .where(and(eq(coachProposals.clientUserId, clientUserId), eq(coachProposals.status, "pending")))
    .orderBy(desc(coachProposals.createdAt));
  return rows.flatMap((r) => {
    const c = proposalSchema.safeParse(r.content);
    return c.success
      ? [{ id: r.id, trainerUserId: r.trainerUserId, trainerName: r.name?.trim() || r.email, content: c.data, createdAt: r.createdAt }]
      : [];
  });
}

/** The client confirms (apply to their primary coach) or declines. */
export async function answerProposal(
  db: Queryable,
  clientUserId: string,
  proposalId: string,
  accept: boolean,
): Promise<{ coachVersion: number | null }> {
  const pending = (await listPendingProposals(db, clientUserId)).find((p) => p.id === proposalId);
  if (!pending) throw new NotFoundError("This proposal does not exist or was already answered.");
  if (!accept) {
    await db
      .update(coachProposals)
      .set({ status: "declined", answeredAt: sql`now()` })
      .where(and(eq(coachProposals.id, proposalId), eq(coachProposals.clientUserId, clientUserId), eq(coachProposals.status, "pending")));
    return { coachVersion: null };
  }
  const coach = await getPrimaryCoach(db, clientUserId);
  if (!coach)
    throw new CoachProposalError("You have no coach yet: create one (Coach → New coach), then apply your trainer's methodology.", "no_coach");
  const card = applyProposal(coach.card, pending.content, pending.trainerName);
  const saved = await saveCoachVersion(db, clientUserId, coach.id, card, `Methodology and safety rules from ${pending.trainerName} (trainer)`);
  if (!saved) throw new NotFoundError("Your coach no longer exists.");
  await db
    .update(coachProposals)
    .set({ status: "accepted", answeredAt: sql`now()`, appliedCoachVersion: saved.currentVersion })
    .where(and(eq(coachProposals.id, proposalId), eq(coachProposals.clientUserId, clientUserId)));
  return { coachVersion: saved.currentVersion };
}
