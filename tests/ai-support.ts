import { inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { bodyMetrics, exercises, exerciseSets, workoutSessions } from "@/db/schema";
import { syncCatalog } from "@/lib/exercises/sync-catalog";
import { createUser } from "@/lib/users/create-user";

/** The fixed "today" of the AI tests: Thursday 26 Nov 2026 (UTC). */
export const TODAY = "2026-11-26";
export const NOW = new Date("2026-11-26T18:00:00Z");

function day(offset: number, hour = 17): Date {
  const d = new Date(`${TODAY}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + offset);
  d.setUTCHours(hour);
  return d;
}

/**
 * Ten weeks of training for one user: Mondays squat + bench (with a warm-up set), Thursdays squat +
 * deadlift, loads rising every week; a bodyweight entry every Monday. Returns the user id.
 */
export async function seedLifter(db: Db, email: string, opts: { secretNote?: string } = {}): Promise<string> {
  await syncCatalog(db);
  const user = await createUser(db, { email, password: "correct horse battery staple 1" });
  const ids = new Map(
    (
      await db
        .select({ slug: exercises.slug, id: exercises.id })
        .from(exercises)
        .where(inArray(exercises.slug, ["squat-barbell", "bench-press-barbell", "deadlift-barbell"]))
    ).map((r) => [r.slug, r.id]),
  );
  const squat = ids.get("squat-barbell")!;
  const bench = ids.get("bench-press-barbell")!;
  const dead = ids.get("deadlift-barbell")!;
  // Monday 2026-09-14 is 73 days before today; ten weeks up to Monday 2026-11-16 + Thursday 2026-11-19, and Monday 2026-11-23.
  for (let w = 0; w < 11; w++) {
    const monday = -73 + 7 * w;
    const sessions: { start: Date; name: string; sets: [string, number, number, "normal" | "warmup"][] }[] = [
      {
        start: day(monday),
        name: "Upper/Lower A",
        sets: [
          [squat, 100 + 2.5 * w, 5, "normal"],
          [squat, 100 + 2.5 * w, 5, "normal"],
          [squat, 100 + 2.5 * w, 5, "normal"],
          [bench, 40, 8, "warmup"],
          [bench, 60 + 1.25 * w, 8, "normal"],
          [bench, 60 + 1.25 * w, 8, "normal"],
          [bench, 60 + 1.25 * w, 8, "normal"],
        ],
      },
    ];
    if (monday + 3 < 0) {
      sessions.push({
        start: day(monday + 3),
        name: "Lower B",
        sets: [
          [squat, 90 + 2.5 * w, 8, "normal"],
          [squat, 90 + 2.5 * w, 8, "normal"],
          [dead, 140 + 5 * w, 5, "normal"],
        ],
      });
    }
    for (const s of sessions) {
      const [row] = await db
        .insert(workoutSessions)
        .values({ userId: user.id, startedAt: s.start, endedAt: new Date(s.start.getTime() + 3600_000), name: s.name, source: "manual" })
        .returning({ id: workoutSessions.id });
      const counters = new Map<string, number>();
      await db.insert(exerciseSets).values(
        s.sets.map(([exerciseId, weightKg, reps, setType], position) => {
          const n = (counters.get(exerciseId) ?? 0) + 1;
          counters.set(exerciseId, n);
          return { sessionId: row.id, userId: user.id, exerciseId, position, setNumber: n, setType, weightKg, reps, notes: opts.secretNote ?? null };
        }),
      );
    }
    await db.insert(bodyMetrics).values({
      userId: user.id,
      date: day(monday).toISOString().slice(0, 10),
      bodyweightKg: 82 - 0.3 * w,
      sleepHours: 7 + (w % 3) * 0.5,
      restingHr: 60 - (w % 4),
    });
  }
  return user.id;
}

/** Every number in a text (thousands separators removed). */
export function numbersIn(text: string): number[] {
  return (text.replace(/(\d),(?=\d{3}\b)/g, "$1").match(/\d+(?:\.\d+)?/g) ?? []).map(Number);
}

/** Numbers inside any JSON value: numeric values and digit groups inside strings (dates, names). */
export function numbersInValue(value: unknown, out = new Set<number>()): Set<number> {
  if (typeof value === "number") out.add(value);
  else if (typeof value === "string") for (const n of numbersIn(value)) out.add(n);
  else if (Array.isArray(value)) for (const v of value) numbersInValue(v, out);
  else if (value && typeof value === "object") for (const v of Object.values(value)) numbersInValue(v, out);
  return out;
}
