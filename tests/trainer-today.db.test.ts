import { generateText, stepCountIs } from "ai";
import { describe, expect, it } from "vitest";
import { createOfflineCoachModel } from "@/lib/ai/offline/model";
import { createCoachTools } from "@/lib/ai/tools";
import { loadCoachSettings, systemPromptFor } from "@/lib/chat/coach";
import { exerciseSets, trainerLinks, users, workoutSessions } from "@/db/schema";
import { setPlan } from "@/lib/billing/plan";
import { todayPlan } from "@/lib/plans/today";
import { parseProgrammeText } from "@/lib/trainer/programme-schema";
import { assignProgramme, saveProgramme } from "@/lib/trainer/programmes";
import { findExerciseByName } from "@/lib/exercises/resolver";
import { useTestDatabase } from "./helpers/db";

const db = useTestDatabase();

describe("an assigned programme is today's plan", () => {
  it("today's day with weights from the athlete's e1RM; rest days point at the next day; no programme → the rotation", async () => {
    const [t, c] = await db()
      .db.insert(users)
      .values([
        { email: `t-${crypto.randomUUID()}@example.com`, name: "T" },
        { email: `c-${crypto.randomUUID()}@example.com`, name: "C" },
      ])
      .returning({ id: users.id });
    await setPlan(db().db, t.id, "trainer");
    await db()
      .db.insert(trainerLinks)
      .values({ trainerUserId: t.id, clientUserId: c.id, status: "active", acceptedAt: new Date(), expiresAt: new Date() });
    const now = new Date("2026-11-02T09:00:00Z"); // Monday, client zone UTC
    expect(await todayPlan(db().db, c.id, now)).toBeNull(); // nothing logged, nothing assigned
    // A 100 kg × 3 squat → e1RM 110 kg.
    const squatEx = (await findExerciseByName(db().db, c.id, "Back squat"))!;
    const [s] = await db()
      .db.insert(workoutSessions)
      .values({ userId: c.id, name: "Squats", startedAt: new Date("2026-10-30T09:00:00Z") })
      .returning({ id: workoutSessions.id });
    await db()
      .db.insert(exerciseSets)
      .values({ sessionId: s.id, userId: c.id, exerciseId: squatEx.id, position: 0, setNumber: 1, weightKg: 100, reps: 3 });
    const body = parseProgrammeText("Day A: Back squat 5x5 @75%, Bench press 3x8 @RPE 8\nDay B: Deadlift 3x5", 2);
    const p = await saveProgramme(db().db, t.id, { name: "Base", body });
    await assignProgramme(db().db, t.id, c.id, p.id, { startDate: "2026-11-02", now });
    const plan = await todayPlan(db().db, c.id, now);
    expect(plan).toMatchObject({ source: "programme", name: "Day A (Base)" });
    expect(plan!.note).toContain("Today in your programme: Base, week 1, Day A.");
    const squat = plan!.exercises.find((e) => /squat/i.test(e.name))!;
    expect(squat.sets).toHaveLength(5);
    expect(squat.sets[0]).toEqual({ weightKg: 82.5, reps: 5, rpe: null }); // 75 % of 110 → 82.5
    expect(plan!.exercises.find((e) => /bench/i.test(e.name))!.sets[0]).toEqual({ weightKg: null, reps: 8, rpe: 8 });
    const tuesday = await todayPlan(db().db, c.id, new Date("2026-11-03T09:00:00Z"));
    expect(tuesday!.note).toContain("Rest day in your programme; next is Base, week 1, Day B on 2026-11-05.");

    // The chat's "what should I do today?" follows the same programme (offline coach, real tools).
    const askToday = async (userId: string) => {
      const settings = await loadCoachSettings(db().db, userId, now);
      const tools = createCoachTools({ userId, db: db().db, units: settings.units, timeZone: settings.timeZone, now: () => now });
      const r = await generateText({
        model: createOfflineCoachModel({ chunkDelayMs: 0, now: () => now }),
        system: systemPromptFor(settings, null, now),
        messages: [{ role: "user", content: "What should I do today?" }],
        tools,
        stopWhen: stepCountIs(6),
      });
      return { settings, text: r.text };
    };
    const client = await askToday(c.id);
    expect(client.settings.plan?.assignedToday).toEqual([
      "Today in your programme: Base, week 1, Day A.",
      `${squat.name}: 5 × 5 at 82.5 kg`,
      `${plan!.exercises.find((e) => /bench/i.test(e.name))!.name}: 3 × 8 @ RPE 8`,
    ]);
    expect(client.text).toContain("Today in your programme: Base, week 1, Day A. Your trainer set this session:");
    expect(client.text).toContain(`- ${squat.name}: 5 × 5 at 82.5 kg`);
    const trainer = await askToday(t.id); // no programme assigned to the trainer: the rotation answer
    expect(trainer.settings.plan?.assignedToday).toBeUndefined();
    expect(trainer.text).not.toContain("Your trainer set this session");
  });
});
