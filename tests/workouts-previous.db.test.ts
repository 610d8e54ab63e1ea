import { beforeAll, describe, expect, it } from "vitest";
import { exercises, users } from "@/db/schema";
import { previousPerformances } from "@/lib/workouts/previous";
import { writeSessions } from "@/lib/workouts/write";
import { useTestDatabase } from "./helpers/db";

const set = (reps: number, weightKg: number, setType: "normal" | "warmup" = "normal") => ({
  setType,
  reps,
  weightKg,
  rpe: null,
  durationSeconds: null,
  distanceM: null,
});

describe("previous values shown while logging", () => {
  const db = useTestDatabase();
  let alice: string;
  let bob: string;
  let bench: { id: string; name: string };
  let older: string;
  let newer: string;

  beforeAll(async () => {
    const d = db().db;
    const stamp = Date.now();
    [{ id: alice }, { id: bob }] = await d
      .insert(users)
      .values([{ email: `pa-${stamp}@x.test` }, { email: `pb-${stamp}@x.test` }])
      .returning({ id: users.id });
    [bench] = await d.select({ id: exercises.id, name: exercises.name }).from(exercises).limit(1);
    const s = (startedAt: string, sets: ReturnType<typeof set>[]) => ({
      name: "W",
      notes: null,
      startedAt: new Date(startedAt),
      endedAt: null,
      source: "manual" as const,
      exercises: [{ exerciseId: bench.id, sets }],
    });
    const written = await d.transaction((tx) =>
      writeSessions(tx, alice, [
        s("2026-01-05T10:00:00Z", [set(5, 100), set(5, 100)]),
        s("2026-01-08T10:00:00Z", [set(5, 40, "warmup"), set(3, 110), set(3, 110)]),
      ]),
    );
    [older, newer] = written.ids;
    await d.transaction((tx) => writeSessions(tx, bob, [s("2026-01-09T10:00:00Z", [set(1, 200)])]));
  });

  it("shows the most recent session's working sets in the user's unit", async () => {
    const prev = await previousPerformances(db().db, alice, { unit: "kg", timeZone: "UTC" });
    expect(prev[bench.name.toLowerCase()]).toEqual({ date: "Thu 8 Jan", sets: ["110 kg × 3", "110 kg × 3"] });
    const lb = await previousPerformances(db().db, alice, { unit: "lb", timeZone: "UTC" });
    expect(lb[bench.name.toLowerCase()].sets[0]).toBe("242.5 lb × 3");
  });

  it("when editing a session, shows the one before it", async () => {
    const prev = await previousPerformances(db().db, alice, {
      unit: "kg",
      timeZone: "UTC",
      before: new Date("2026-01-08T10:00:00Z"),
      excludeSessionId: newer,
    });
    expect(prev[bench.name.toLowerCase()].sets).toEqual(["100 kg × 5", "100 kg × 5"]);
    expect(older).toBeTruthy();
  });

  it("never shows another user's sets", async () => {
    const prevBob = await previousPerformances(db().db, bob, { unit: "kg", timeZone: "UTC" });
    expect(prevBob[bench.name.toLowerCase()].sets).toEqual(["200 kg × 1"]);
    const fresh = await db()
      .db.insert(users)
      .values({ email: `pc-${Date.now()}@x.test` })
      .returning({ id: users.id });
    expect(await previousPerformances(db().db, fresh[0].id, { unit: "kg", timeZone: "UTC" })).toEqual({});
  });
});
