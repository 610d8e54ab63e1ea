import { describe, expect, it } from "vitest";
import { trainerLinks, users } from "@/db/schema";
import { setPlan } from "@/lib/billing/plan";
import { createCoach, getPrimaryCoach } from "@/lib/coach/coaches";
import { generateCoachCard, methodologyBlock } from "@/lib/coach/generate";
import { answerProposal, applyProposal, listPendingProposals, proposalFromCard, proposeCoachChanges } from "@/lib/trainer/coach-proposals";
import { draftProgramme } from "@/lib/trainer/programme-draft";
import { draftProgrammeFromCoach, listProgrammes } from "@/lib/trainer/programmes";
import { revokeLink } from "@/lib/trainer/links";
import { useTestDatabase } from "./helpers/db";

const db = useTestDatabase();

async function user(label: string) {
  const [u] = await db()
    .db.insert(users)
    .values({ email: `${label}-${crypto.randomUUID()}@example.com`, name: label })
    .returning({ id: users.id });
  return u.id;
}

const beginner = () => generateCoachCard({ fields: {}, level: "beginner", training: null });

async function trainerWithCoach(methodology: "five_three_one" | "rpe_blocks" = "five_three_one") {
  const t = await user("trainer");
  await setPlan(db().db, t, "trainer");
  const card = beginner();
  const theirs = generateCoachCard({ fields: {}, level: "beginner", training: null });
  await createCoach(db().db, t, {
    card: {
      ...theirs,
      methodology: methodologyBlock(methodology),
      safety: {
        ...card.safety,
        rules: ["Stop a set at the first sharp pain."],
        maxWeeklyVolumeIncreasePct: 5,
        deload: { everyWeeks: 4, rules: ["Halve the sets."] },
      },
    },
  });
  return t;
}

async function linked(t: string) {
  const c = await user("client");
  const [l] = await db()
    .db.insert(trainerLinks)
    .values({ trainerUserId: t, clientUserId: c, status: "active", acceptedAt: new Date(), expiresAt: new Date() })
    .returning({ id: trainerLinks.id });
  return { c, linkId: l.id };
}

describe("trainer's methodology on a client's coach", () => {
  it("changes nothing until the client confirms; then a new version with the methodology and only stricter safety", async () => {
    const t = await trainerWithCoach();
    const { c } = await linked(t);
    const coach = await createCoach(db().db, c, { card: beginner() });
    const before = (await getPrimaryCoach(db().db, c))!;
    await proposeCoachChanges(db().db, t, c);
    expect((await getPrimaryCoach(db().db, c))!.currentVersion).toBe(before.currentVersion);
    const [p] = await listPendingProposals(db().db, c);
    expect(p.content.methodology.template).toBe("five_three_one");
    // Another athlete cannot answer it.
    const other = await user("other");
    await expect(answerProposal(db().db, other, p.id, true)).rejects.toMatchObject({ status: 404 });
    const r = await answerProposal(db().db, c, p.id, true);
    const after = (await getPrimaryCoach(db().db, c))!;
    expect(after.id).toBe(coach.id);
    expect(after.currentVersion).toBe(before.currentVersion + 1);
    expect(r.coachVersion).toBe(after.currentVersion);
    expect(after.card.methodology.template).toBe("five_three_one");
    expect(after.card.safety.rules).toContain("Stop a set at the first sharp pain.");
    expect(after.card.safety.maxWeeklyVolumeIncreasePct).toBe(Math.min(5, before.card.safety.maxWeeklyVolumeIncreasePct));
    expect(after.card.safety.injuries).toEqual(before.card.safety.injuries);
    expect(await listPendingProposals(db().db, c)).toEqual([]);
    await expect(answerProposal(db().db, c, p.id, true)).rejects.toMatchObject({ status: 404 });
  });

  it("declining leaves the coach alone; a client without a coach is told to create one; a revoked link hides the proposal", async () => {
    const t = await trainerWithCoach("rpe_blocks");
    const { c, linkId } = await linked(t);
    await proposeCoachChanges(db().db, t, c);
    const [p] = await listPendingProposals(db().db, c);
    await expect(answerProposal(db().db, c, p.id, true)).rejects.toMatchObject({ code: "no_coach" });
    await createCoach(db().db, c, { card: beginner() });
    const v = (await getPrimaryCoach(db().db, c))!.currentVersion;
    expect(await answerProposal(db().db, c, p.id, false)).toEqual({ coachVersion: null });
    expect((await getPrimaryCoach(db().db, c))!.currentVersion).toBe(v);
    await proposeCoachChanges(db().db, t, c);
    expect(await listPendingProposals(db().db, c)).toHaveLength(1);
    await revokeLink(db().db, c, linkId);
    expect(await listPendingProposals(db().db, c)).toEqual([]);
  });

  it("safety never loosens: a looser trainer keeps the client's stricter ramp", () => {
    const client = { ...beginner() };
    client.safety = { ...client.safety, maxWeeklyVolumeIncreasePct: 2 };
    const trainerCard = beginner();
    const merged = applyProposal(client, { ...proposalFromCard(trainerCard), maxWeeklyVolumeIncreasePct: 10 }, "T");
    expect(merged.safety.maxWeeklyVolumeIncreasePct).toBe(2);
  });
});

describe("programmes drafted by the trainer's coach", () => {
  it("follows the coach's methodology, days per week and main lifts", () => {
    const card = beginner();
    const c = {
      ...card,
      methodology: methodologyBlock("five_three_one"),
      athlete: { ...card.athlete, daysPerWeek: 3, mainLifts: ["Back squat", "Bench press"] },
    };
    const d = draftProgramme(c, 4);
    expect(d.body.weeks).toHaveLength(4);
    expect(d.body.weeks[0].days).toHaveLength(3);
    expect(d.body.weeks[0].days[0].exercises[0]).toEqual({ exercise: "Back squat", sets: 3, reps: 5, intensity: { kind: "e1rm", percent: 75 } });
    expect(d.body.weeks[3].days[0].exercises[0].intensity).toEqual({ kind: "e1rm", percent: 60 }); // deload week
  });

  it("saves the draft as the trainer's template (origin coach); needs a coach and the Trainer plan", async () => {
    const t = await trainerWithCoach();
    const saved = await draftProgrammeFromCoach(db().db, t, 6);
    const [p] = (await listProgrammes(db().db, t)).filter((x) => x.id === saved.id);
    expect(p).toMatchObject({ origin: "coach", weeks: 6 });
    const bare = await user("bare");
    await setPlan(db().db, bare, "trainer");
    await expect(draftProgrammeFromCoach(db().db, bare)).rejects.toMatchObject({ code: "no_coach" });
    const free = await user("free");
    await expect(draftProgrammeFromCoach(db().db, free)).rejects.toMatchObject({ code: "plan_required" });
  });
});
