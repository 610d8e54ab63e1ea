import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { bodyMetrics, conversations, exercises, exerciseSets, liveCues, messages, userProfiles, workoutSessions } from "@/db/schema";
import type { Db } from "@/db/client";
import exportCommand from "@/lib/admin/commands/export";
import { importWorkoutFile } from "@/lib/import";
import { listDataAccess } from "@/lib/privacy/access-log";
import { grantTrainingConsent } from "@/lib/training/consent";
import { recordDataAccess } from "@/lib/privacy/access-log";
import { exportArchive } from "@/lib/privacy/export";
import { exportResponse } from "@/lib/privacy/export-response";
import { createUser } from "@/lib/users/create-user";
import { writeSessions } from "@/lib/workouts/write";
import { collect, readZip } from "./helpers/zip-reader";
import { useTestDatabase } from "./helpers/db";

const set = (
  o: Partial<{
    setType: "normal" | "warmup" | "failure" | "drop";
    reps: number | null;
    weightKg: number | null;
    rpe: number | null;
    durationSeconds: number | null;
    distanceM: number | null;
    notes: string | null;
  }>,
) => ({
  setType: "normal" as const,
  reps: null,
  weightKg: null,
  rpe: null,
  durationSeconds: null,
  distanceM: null,
  notes: null,
  ...o,
});

async function newLifter(db: Db, email: string, timeZone = "Europe/Berlin") {
  const u = await createUser(db, { email, password: "correct-horse-1", name: "Export Tester" });
  await db.update(userProfiles).set({ timeZone }).where(eq(userProfiles.userId, u.id));
  return u;
}

/**
 * The training log as a lifter sees it: sessions in order, each with its sets in order, by exercise name.
 * (set_number is left out: it is a display counter each writer derives — the form counts an exercise
 * across the session, the importer per block — not something the lifter entered.)
 */
async function trainingLog(db: Db, userId: string) {
  const sessions = await db.select().from(workoutSessions).where(eq(workoutSessions.userId, userId)).orderBy(asc(workoutSessions.startedAt));
  const out = [];
  for (const s of sessions) {
    const sets = await db
      .select({
        exercise: exercises.name,
        setType: exerciseSets.setType,
        weightKg: exerciseSets.weightKg,
        reps: exerciseSets.reps,
        rpe: exerciseSets.rpe,
        durationSeconds: exerciseSets.durationSeconds,
        distanceM: exerciseSets.distanceM,
        notes: exerciseSets.notes,
      })
      .from(exerciseSets)
      .innerJoin(exercises, eq(exercises.id, exerciseSets.exerciseId))
      .where(eq(exerciseSets.sessionId, s.id))
      .orderBy(asc(exerciseSets.position));
    out.push({ name: s.name, startedAt: s.startedAt.toISOString(), endedAt: s.endedAt?.toISOString() ?? null, notes: s.notes, sets });
  }
  return out;
}

describe("data export", () => {
  const t = useTestDatabase();

  it("exports everything as versioned JSON + a CSV that re-imports into a fresh account as the same training log", async () => {
    const db = t().db;
    const a = await newLifter(db, "export-a@example.com");
    const bySlug = async (slug: string) => (await db.select({ id: exercises.id }).from(exercises).where(eq(exercises.slug, slug)))[0]?.id;
    const [custom] = await db
      .insert(exercises)
      .values({ slug: "zercher-carry-x", name: "Zercher Carry X", ownerUserId: a.id, category: "strength", equipment: "barbell" })
      .returning();
    const ids = [await bySlug("bench-press-barbell"), await bySlug("squat-barbell")].filter(Boolean) as string[];
    expect(ids.length).toBe(2);
    await db.transaction((tx) =>
      writeSessions(tx, a.id, [
        {
          name: 'Push, "heavy" day',
          notes: "Felt strong,\nslept well",
          startedAt: new Date("2026-03-29T00:30:15Z"), // the night Berlin moves to summer time
          endedAt: new Date("2026-03-29T01:45:00Z"),
          source: "manual",
          exercises: [
            {
              exerciseId: ids[0],
              sets: [
                set({ setType: "warmup", reps: 10, weightKg: 40 }),
                set({ reps: 5, weightKg: 102.5, rpe: 8.5, notes: "paused, 2s" }),
                set({ setType: "failure", reps: 3, weightKg: 102.5 }),
                set({ setType: "drop", reps: 8, weightKg: 80 }),
              ],
            },
            { exerciseId: custom.id, sets: [set({ distanceM: 40, durationSeconds: 35, weightKg: 60 })] },
            { exerciseId: ids[0], sets: [set({ reps: 12, weightKg: 60 })] },
          ],
        },
        {
          name: "Legs",
          notes: null,
          startedAt: new Date("2026-04-02T16:00:00Z"),
          endedAt: null,
          source: "chat",
          exercises: [{ exerciseId: ids[1], sets: [set({ reps: 5, weightKg: 140 }), set({ reps: 5, weightKg: 140, rpe: 9 })] }],
        },
      ]),
    );
    await db.insert(bodyMetrics).values({ userId: a.id, date: "2026-04-01", bodyweightKg: 82.4, sleepHours: 7.5, restingHr: 52 });
    const [conv] = await db.insert(conversations).values({ userId: a.id, title: "Bench plan" }).returning();
    await db.insert(messages).values([
      { conversationId: conv.id, userId: a.id, role: "user", parts: [{ type: "text", text: "How is my bench?" }] },
      { conversationId: conv.id, userId: a.id, role: "assistant", parts: [{ type: "text", text: "Up 5 kg." }] },
    ]);
    await db.insert(liveCues).values({
      userId: a.id,
      trigger: "set-end",
      kind: "praise",
      persona: "alice",
      text: "Nice set!",
      toast: "Nice set",
      source: "template",
      generationMs: 3,
    });
    await recordDataAccess(db, { subjectUserId: a.id, actorUserId: null, actorKind: "operator", what: "Full data export", via: "admin CLI: export" });
    await grantTrainingConsent(db, a.id);
    const other = await newLifter(db, "export-other@example.com");
    await db.insert(bodyMetrics).values({ userId: other.id, date: "2026-04-01", bodyweightKg: 99 });

    const { bytes } = await collect(exportArchive(db, a.id));
    const files = readZip(bytes);
    for (const name of [
      "README.txt",
      "account.json",
      "sessions.json",
      "workouts.csv",
      "exercises.json",
      "body-metrics.json",
      "conversations.json",
      "coaches.json",
      "coach-interviews.json",
      "cue-history.json",
      "billing.json",
      "live.json",
      "consents.json",
      "access-log.json",
      "trainer.json",
    ]) {
      expect(files.has(name), name).toBe(true);
    }
    const json = (n: string) => JSON.parse(files.get(n)!.toString("utf8"));
    for (const [name] of files) if (name.endsWith(".json")) expect(json(name)).toMatchObject({ format: "spotter-export", version: 1 });
    const account = json("account.json");
    expect(account.user).toMatchObject({ id: a.id, email: "export-a@example.com", hasPassword: true });
    expect(JSON.stringify(account)).not.toContain("argon2");
    expect(json("sessions.json").items.map((s: { name: string; sets: unknown[] }) => [s.name, s.sets.length])).toEqual([
      ['Push, "heavy" day', 6],
      ["Legs", 2],
    ]);
    expect(json("body-metrics.json").items).toEqual([
      expect.objectContaining({ date: "2026-04-01", bodyweightKg: 82.4, sleepHours: 7.5, restingHr: 52 }),
    ]);
    expect(json("conversations.json").items[0].messages.map((m: { role: string }) => m.role)).toEqual(["user", "assistant"]);
    expect(json("cue-history.json").items[0]).toMatchObject({ text: "Nice set!" });
    expect(json("access-log.json").items[0]).toMatchObject({ actorKind: "operator", via: "admin CLI: export" });
    expect(json("exercises.json").custom.map((e: { name: string }) => e.name)).toEqual(["Zercher Carry X"]);
    expect(json("consents.json").trainingData).toMatchObject({ granted: true, history: [expect.objectContaining({ granted: true })] });
    expect(bytes.toString("latin1")).not.toContain("export-other@example.com");

    // Round trip: the CSV into a fresh account (same time zone) gives the same training log.
    const b = await newLifter(db, "export-b@example.com");
    const result = await importWorkoutFile(db, { userId: b.id, fileName: "workouts.csv", content: new Uint8Array(files.get("workouts.csv")!) });
    expect(result).toMatchObject({ sessions: 2, sets: 8, skipped: { count: 0 }, warnings: { count: 0 } });
    expect(await trainingLog(db, b.id)).toEqual(await trainingLog(db, a.id));
  });

  it("pages through a large account: every session and set arrives, in order, in many chunks", async () => {
    const db = t().db;
    const u = await newLifter(db, "export-big@example.com", "UTC");
    const [ex] = await db.select({ id: exercises.id }).from(exercises).limit(1);
    const base = Date.UTC(2024, 0, 1, 7);
    const sessions = Array.from({ length: 450 }, (_, i) => ({
      name: `S${i}`,
      notes: null,
      startedAt: new Date(base + i * 86_400_000),
      endedAt: new Date(base + i * 86_400_000 + 3_600_000),
      source: "manual" as const,
      exercises: [{ exerciseId: ex.id, sets: [set({ reps: 5, weightKg: 100 + (i % 10) }), set({ reps: 5, weightKg: 100 })] }],
    }));
    await db.transaction((tx) => writeSessions(tx, u.id, sessions));
    const { bytes, chunks } = await collect(exportArchive(db, u.id));
    expect(chunks).toBeGreaterThan(20);
    const files = readZip(bytes);
    const items = JSON.parse(files.get("sessions.json")!.toString()).items as { name: string; sets: unknown[] }[];
    expect(items.map((s) => s.name)).toEqual(sessions.map((s) => s.name));
    expect(items.every((s) => s.sets.length === 2)).toBe(true);
    const csvLines = files.get("workouts.csv")!.toString().trimEnd().split("\n");
    expect(csvLines).toHaveLength(1 + 900);
  });

  it("the download response is a ZIP attachment for the signed-in user only", async () => {
    const db = t().db;
    const u = await newLifter(db, "export-route@example.com");
    const res = exportResponse(db, u);
    expect(res.headers.get("content-type")).toBe("application/zip");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="spotter-export-export-route-\d{4}-\d{2}-\d{2}\.zip"$/);
    const files = readZip(Buffer.from(await res.arrayBuffer()));
    expect(JSON.parse(files.get("account.json")!.toString()).user.id).toBe(u.id);
  });

  it("`admin export` writes the same archive to a file and logs the operator's read", async () => {
    const db = t().db;
    const u = await newLifter(db, "export-cli@example.com");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "spotter-export-"));
    try {
      const out = path.join(dir, "x.zip");
      const r = (await exportCommand.run({ db, values: { email: "EXPORT-CLI@example.com", out }, positionals: [] })) as { bytes: number };
      expect(r.bytes).toBe(fs.statSync(out).size);
      expect(fs.existsSync(`${out}.partial`)).toBe(false);
      const files = readZip(fs.readFileSync(out));
      expect(JSON.parse(files.get("account.json")!.toString()).user.email).toBe("export-cli@example.com");
      expect((await listDataAccess(db, u.id))[0]).toMatchObject({ actorKind: "operator", what: "Full data export", via: "admin CLI: export" });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
