import { generateText, stepCountIs } from "ai";
import { eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { coachInterviews, coachVersions, coaches } from "@/db/schema";
import { createOfflineCoachModel } from "@/lib/ai/offline/model";
import { buildSystemPrompt } from "@/lib/ai/system-prompt";
import { offlineExtractor } from "@/lib/coach/ai-extract";
import { getChatPersona } from "@/lib/coach/chat-persona";
import {
  CoachLimitError,
  createCoach,
  getCoach,
  getPrimaryCoach,
  listCoaches,
  listCoachVersions,
  saveCoachVersion,
  setPrimaryCoach,
} from "@/lib/coach/coaches";
import { applyCoachEdit, CoachEditError } from "@/lib/coach/edit";
import { generateCoachCard } from "@/lib/coach/generate";
import { loadTrainingSummary } from "@/lib/coach/history";
import {
  abandonInterview,
  answerInterview,
  finishInterview,
  getInterview,
  INTERVIEW_TTL_DAYS,
  listInterviews,
  startInterview,
} from "@/lib/coach/interviews";
import { DEFAULT_CHAT_PERSONA } from "@/lib/coach/persona";
import { loadCoachSettings, systemPromptFor } from "@/lib/chat/coach";
import { SANDBOX_SCHEMA_DOC } from "@/lib/sql";
import { consumeRateLimit } from "@/lib/security/rate-limit";
import { createUser } from "@/lib/users/create-user";
import { setPlan } from "@/lib/billing/plan";
import { seedLifter, TODAY } from "./ai-support";
import { useTestDatabase } from "./helpers/db";

const session = vi.hoisted(() => ({ user: null as { id: string; email: string; name: string | null } | null }));
vi.mock("@/lib/auth/session", () => ({
  getCurrentUser: async () => session.user,
  requireUser: async () => {
    if (!session.user) throw new Error("redirect to sign-in");
    return session.user;
  },
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

const actions = await import("@/lib/coach/actions");

const BEGINNER = [
  "I want to lose weight and get fitter",
  "I'm new to this, never lifted",
  "3 days a week",
  "my left knee is a bit dodgy",
  "a local gym",
  "lots of encouragement please",
  "Alice",
  "kg",
];
const ADVANCED = [
  "Strength. I compete in powerlifting and want a bigger total",
  "9 years; I run RPE-based block periodization and track e1RM",
  "5 days a week",
  "old right shoulder impingement, careful with overhead work",
  "garage gym with a rack",
  "direct, no sugar-coating",
  "Aiden",
  "pounds",
];

const getDb = useTestDatabase();
const db = () => getDb().db;
let alice: { id: string; email: string; name: string | null };
let bob: { id: string; email: string; name: string | null };
let lifterId: string;

async function answerAll(userId: string, id: string, texts: string[]) {
  let last;
  for (const t of texts) last = await answerInterview(db(), userId, id, t, { extractor: offlineExtractor });
  return last!;
}
async function finishWithCoach(userId: string, texts: string[]) {
  const started = await startInterview(db(), userId);
  await answerAll(userId, started.id, texts);
  const done = await finishInterview(db(), userId, started.id);
  return done!;
}

beforeAll(async () => {
  const stamp = Date.now();
  alice = await createUser(db(), { email: `coach-a-${stamp}@x.test`, name: "Alice A" });
  bob = await createUser(db(), { email: `coach-b-${stamp}@x.test`, name: "Bob B" });
  lifterId = await seedLifter(db(), `coach-lifter-${stamp}@x.test`);
}, 120_000);
beforeEach(() => {
  session.user = null;
});

describe("interviews in the database", () => {
  it("saves every answer: resume shows the same question, progress and transcript", async () => {
    const started = await startInterview(db(), alice.id);
    expect(started).toMatchObject({ status: "in_progress", currentField: "goals", progress: { filled: 0, total: 8 } });
    await answerInterview(db(), alice.id, started.id, "I want to get stronger", { extractor: offlineExtractor });
    const r = await answerInterview(db(), alice.id, started.id, "I've done CrossFit for 2 years, 4 days a week, bad left shoulder", {
      extractor: offlineExtractor,
    });
    expect(r!.interview.progress.filled).toBe(4);
    expect(r!.interview.currentField).toBe("equipment");

    // "Close the tab": a fresh read gives exactly the same state.
    const resumed = (await getInterview(db(), alice.id, started.id))!;
    expect(resumed.currentField).toBe("equipment");
    expect(resumed.progress).toEqual(r!.interview.progress);
    expect(resumed.transcript).toEqual(r!.interview.transcript);
    expect(resumed.transcript.filter((t) => t.role === "user").map((t) => t.text)).toEqual([
      "I want to get stronger",
      "I've done CrossFit for 2 years, 4 days a week, bad left shoulder",
    ]);

    // Queryable metadata next to the jsonb transcript.
    const [row] = await db().select().from(coachInterviews).where(eq(coachInterviews.id, started.id));
    expect(row.progress).toBe(0.5);
    expect(row.currentField).toBe("equipment");
    expect(Array.isArray(row.sophisticationHistory)).toBe(true);
    expect((row.sophisticationHistory as unknown[]).length).toBe(2);
    expect(row.expiresAt.getTime()).toBeGreaterThan(Date.now() + (INTERVIEW_TTL_DAYS - 1) * 86_400_000);
    await abandonInterview(db(), alice.id, started.id);
  });

  it("completing the interview creates the coach, makes it primary and keeps the interview", async () => {
    const started = await startInterview(db(), alice.id);
    const last = await answerAll(alice.id, started.id, BEGINNER);
    // Beginner: the required fields are done, optional ones remain (not methodology etc.).
    expect(last.interview.progress.ratio).toBe(1);
    expect(last.interview.status).toBe("in_progress");
    const done = (await finishInterview(db(), alice.id, started.id))!;
    expect(done.interview.status).toBe("completed");
    expect(done.coach).not.toBeNull();
    const coach = (await getCoach(db(), alice.id, done.coach!.id))!;
    expect(coach).toMatchObject({ name: "Alice", isPrimary: true, currentVersion: 1 });
    expect(coach.card.methodology.template).toBe("novice_linear");
    expect(coach.card.safety.avoid.map((a) => a.movement)).toContain("jumping and plyometrics");
    await expect(answerInterview(db(), alice.id, started.id, "more", { extractor: offlineExtractor })).rejects.toThrow(/already finished/);
    const list = await listInterviews(db(), alice.id);
    expect(list.find((i) => i.id === started.id)).toMatchObject({ status: "completed", coachId: coach.id });
  });

  it("expires in-progress interviews after 7 days without answers (completed ones stay)", async () => {
    const started = await startInterview(db(), bob.id);
    const later = new Date(Date.now() + (INTERVIEW_TTL_DAYS + 1) * 86_400_000);
    const view = (await getInterview(db(), bob.id, started.id, later))!;
    expect(view.status).toBe("expired");
    await expect(answerInterview(db(), bob.id, started.id, "hi", { extractor: offlineExtractor, now: later })).rejects.toThrow(/expired/);
    const completed = (await listInterviews(db(), alice.id, later)).filter((i) => i.status === "completed");
    expect(completed.length).toBeGreaterThan(0);
  });

  it("pre-fills from the training log and says so", async () => {
    const summary = (await loadTrainingSummary(db(), lifterId))!;
    expect(summary.perWeek).toBe(2);
    expect(summary.mainLifts[0]).toBe("Squat (Barbell)");
    const started = await startInterview(db(), lifterId);
    expect(started.currentField).toBe("history_confirm");
    expect(started.fields.frequency).toMatchObject({ value: 2, source: "history" });
    expect(started.transcript.at(-1)!.text).toMatch(/you train about 2×\/week/);
    expect(started.transcript.at(-1)!.text).toMatch(/is that right\?/);
    expect(await loadTrainingSummary(db(), bob.id)).toBeNull();
    await abandonInterview(db(), lifterId, started.id);
  });
});

describe("coaches: versions, primary, limits", () => {
  it("every edit is a new version and the chat uses the current one", async () => {
    const coach = (await getPrimaryCoach(db(), alice.id))!;
    const { card, note } = applyCoachEdit(coach.card, {
      coachId: coach.id,
      name: "Coach Ally",
      persona: "aiden",
      enthusiasm: 0.5,
      supportiveness: 0.4,
      directness: 0.95,
      style: "direct",
      methodology: "hypertrophy_blocks",
      avoid: "jumping and plyometrics\nburpees",
      maxWeeklyVolumeIncreasePct: 8,
      deloadEveryWeeks: 6,
    });
    expect(note).toMatch(/name, tone, methodology, constraints/);
    const saved = (await saveCoachVersion(db(), alice.id, coach.id, card, note))!;
    expect(saved.currentVersion).toBe(2);
    const versions = (await listCoachVersions(db(), alice.id, coach.id))!;
    expect(versions.map((v) => v.version)).toEqual([2, 1]);
    const persona = await getChatPersona(db(), alice.id);
    expect(persona).toMatchObject({ name: "Coach Ally", avoid: ["jumping and plyometrics", "burpees"] });
    expect(persona.tone).toMatch(/direct/);
    // Version 1 is unchanged.
    const [v1] = await db().select().from(coachVersions).where(eq(coachVersions.version, 1));
    expect((v1.card as { name: string }).name).toBe("Alice");
  });

  it("an edit that breaks a safety rule is refused with a field error", async () => {
    const coach = (await getPrimaryCoach(db(), alice.id))!;
    const edit = {
      coachId: coach.id,
      name: "Coach Ally",
      persona: "alice",
      enthusiasm: 0.5,
      supportiveness: 0.5,
      directness: 0.5,
      style: "balanced",
      methodology: "novice_linear",
      avoid: "",
      maxWeeklyVolumeIncreasePct: 8,
      deloadEveryWeeks: 6,
    } as const;
    expect(() => applyCoachEdit(coach.card, edit)).not.toThrow(); // 8 % is within a beginner's 10 %
    const advancedCard = { ...coach.card, athlete: { ...coach.card.athlete, level: "advanced" as const } };
    let error: unknown;
    try {
      applyCoachEdit(advancedCard, edit);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CoachEditError);
    expect((error as CoachEditError).fieldErrors.maxWeeklyVolumeIncreasePct[0]).toMatch(/at most 5 %/);

    session.user = alice;
    const r = await actions.updateCoachAction({ ...edit, maxWeeklyVolumeIncreasePct: 12 });
    expect(r).toMatchObject({ ok: false, code: "validation" });
    expect((await getCoach(db(), alice.id, coach.id))!.currentVersion).toBe(coach.currentVersion);
  });

  it("limits coaches by plan and keeps exactly one primary", async () => {
    // Free plan: one coach. Alice already has one.
    const card = generateCoachCard({ fields: {}, level: "beginner", training: null });
    await expect(createCoach(db(), alice.id, { card })).rejects.toBeInstanceOf(CoachLimitError);
    await expect(startInterview(db(), alice.id)).rejects.toBeInstanceOf(CoachLimitError);
    await setPlan(db(), alice.id, "pro");
    const advanced = await finishWithCoach(alice.id, ADVANCED);
    expect(advanced.coach).not.toBeNull();
    const all = await listCoaches(db(), alice.id);
    expect(all).toHaveLength(2);
    expect(all.filter((c) => c.isPrimary)).toHaveLength(1);
    expect(await setPrimaryCoach(db(), alice.id, advanced.coach!.id)).toBe(true);
    const after = await listCoaches(db(), alice.id);
    expect(after.filter((c) => c.isPrimary).map((c) => c.id)).toEqual([advanced.coach!.id]);
    expect((await getChatPersona(db(), alice.id)).name).toBe("Aiden");
    // Deleting the primary hands over to the remaining coach; its interview is kept, unlinked.
    const ctx = await import("@/lib/coach/coaches");
    expect(await ctx.deleteCoach(db(), bob.id, advanced.coach!.id)).toBe(false);
    expect(await ctx.deleteCoach(db(), alice.id, advanced.coach!.id)).toBe(true);
    const remaining = await listCoaches(db(), alice.id);
    expect(remaining).toHaveLength(1);
    expect(remaining[0].isPrimary).toBe(true);
    expect(await getInterview(db(), alice.id, advanced.interview.id)).toMatchObject({ status: "completed", coachId: null });
    // The database itself refuses a second primary.
    const again = await finishWithCoach(alice.id, ADVANCED);
    expect(await setPrimaryCoach(db(), alice.id, again.coach!.id)).toBe(true);
    await expect(db().update(coaches).set({ isPrimary: true }).where(eq(coaches.userId, alice.id))).rejects.toThrow();
  });
});

describe("ownership", () => {
  it("another user's interview or coach is not found through the lib functions", async () => {
    const interview = (await listInterviews(db(), alice.id))[0];
    const coach = (await getPrimaryCoach(db(), alice.id))!;
    expect(await getInterview(db(), bob.id, interview.id)).toBeNull();
    expect(await answerInterview(db(), bob.id, interview.id, "hi", { extractor: offlineExtractor })).toBeNull();
    expect(await finishInterview(db(), bob.id, interview.id)).toBeNull();
    expect(await abandonInterview(db(), bob.id, interview.id)).toBe(false);
    expect(await getCoach(db(), bob.id, coach.id)).toBeNull();
    expect(await listCoachVersions(db(), bob.id, coach.id)).toBeNull();
    expect(await saveCoachVersion(db(), bob.id, coach.id, coach.card, "x")).toBeNull();
    expect(await setPrimaryCoach(db(), bob.id, coach.id)).toBe(false);
    expect(await getCoach(db(), bob.id, "not-a-uuid")).toBeNull();
    expect((await getCoach(db(), alice.id, coach.id))!.currentVersion).toBe(coach.currentVersion);
  });

  it("and through the server actions", async () => {
    const coach = (await getPrimaryCoach(db(), alice.id))!;
    const open = await startInterview(db(), lifterId);
    session.user = bob;
    expect(await actions.answerInterviewAction({ interviewId: open.id, text: "yes" })).toMatchObject({
      ok: false,
      error: "This interview doesn't exist.",
    });
    expect(await actions.finishInterviewAction({ interviewId: open.id })).toMatchObject({ ok: false, error: "This interview doesn't exist." });
    expect(await actions.abandonInterviewAction({ interviewId: open.id })).toMatchObject({ ok: false });
    expect(await actions.setPrimaryCoachAction({ coachId: coach.id })).toMatchObject({ ok: false, error: "This coach doesn't exist." });
    expect(await actions.deleteCoachAction({ coachId: coach.id })).toMatchObject({ ok: false, error: "This coach doesn't exist." });
    const edit = {
      coachId: coach.id,
      name: "Hacked",
      persona: "alice",
      enthusiasm: 1,
      supportiveness: 1,
      directness: 0,
      style: "encouraging",
      methodology: "conjugate",
      avoid: "",
      maxWeeklyVolumeIncreasePct: 1,
      deloadEveryWeeks: 4,
    } as const;
    expect(await actions.updateCoachAction(edit)).toMatchObject({ ok: false, error: "This coach doesn't exist." });
    expect((await getCoach(db(), alice.id, coach.id))!.name).toBe(coach.name);
    expect((await getInterview(db(), lifterId, open.id))!.transcript).toHaveLength(open.transcript.length);

    session.user = { id: lifterId, email: "l@x.test", name: null };
    const ok = await actions.answerInterviewAction({ interviewId: open.id, text: "yes, that's right" });
    expect(ok.ok).toBe(true);
    if (ok.ok) expect(ok.data.interview.currentField).toBe("goals");
    const tooLong = await actions.answerInterviewAction({ interviewId: open.id, text: "x".repeat(3000) });
    expect(tooLong).toMatchObject({ ok: false, code: "validation" });
  });

  it("caps answers at 120 an hour per user, counted in Postgres, and keeps the interview as it was", async () => {
    const user = await createUser(db(), { email: "chatty@example.test" });
    const open = await startInterview(db(), user.id);
    session.user = { id: user.id, email: "chatty@example.test", name: null };
    // 119 answers already this hour (from any instance: the count lives in rate_limit_buckets)
    await consumeRateLimit(db(), `coach-answer:${user.id}`, { limit: 120, windowSeconds: 3600, cost: 119 });
    expect((await actions.answerInterviewAction({ interviewId: open.id, text: "I want to get stronger" })).ok).toBe(true);
    const before = (await getInterview(db(), user.id, open.id))!.transcript.length;
    const blocked = await actions.answerInterviewAction({ interviewId: open.id, text: "3 days a week" });
    expect(blocked).toMatchObject({ ok: false, error: expect.stringMatching(/lot of answers.*progress is saved/) });
    expect((await getInterview(db(), user.id, open.id))!.transcript).toHaveLength(before);
    // another user is not affected
    session.user = { id: lifterId, email: "l@x.test", name: null };
    const other = await startInterview(db(), lifterId);
    expect((await actions.answerInterviewAction({ interviewId: other.id, text: "strength" })).ok).toBe(true);
  });
});

describe("the chat uses the primary coach", () => {
  it("default coach without one; the card's name, tone and constraints with one", async () => {
    expect(await getChatPersona(db(), bob.id)).toEqual(DEFAULT_CHAT_PERSONA);
    const settings = await loadCoachSettings(db(), alice.id);
    const system = systemPromptFor(settings, null);
    expect(system).toContain("name: Aiden");
    expect(system).toMatch(/avoid: .*overhead pressing/);
  });

  it("the offline coach follows the card: name, style and the injury constraint", async () => {
    const persona = await getChatPersona(db(), alice.id);
    const ask = async (q: string) =>
      (
        await generateText({
          model: createOfflineCoachModel({ chunkDelayMs: 0 }),
          system: buildSystemPrompt({ persona, units: "lb", timeZone: "UTC", today: TODAY, schemaDoc: SANDBOX_SCHEMA_DOC }),
          messages: [{ role: "user", content: q }],
          stopWhen: stepCountIs(3),
        })
      ).text;
    expect(await ask("hello")).toMatch(/^Aiden here\./);
    const shoulders = await ask("Suggest shoulder exercises");
    const suggestions = shoulders.split("\n").filter((l) => l.startsWith("- "));
    expect(suggestions.length).toBeGreaterThan(1);
    for (const line of suggestions) expect(line).not.toMatch(/overhead|military|push press|shoulder press|arnold/i);
    expect(shoulders).toMatch(/leaving out .*overhead pressing/);
  });
});
