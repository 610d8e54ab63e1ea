import "server-only";
import { and, inArray, isNull, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { exercises } from "@/db/schema";
import { syncCatalog } from "@/lib/exercises/sync-catalog";
import { createUser } from "@/lib/users/create-user";
import { setPlan } from "@/lib/billing/plan";
import { updateProfile } from "@/lib/users/profile";
import { localDate } from "@/lib/time/zone";
import { writeSessions, type ExerciseBlockToWrite, type SessionToWrite } from "@/lib/workouts/write";
import {
  DEMO_DELOAD_WEEKS,
  DEMO_HOLIDAY_WEEKS,
  DEMO_PR_WEEKS,
  DEMO_SQUAT_STALL_WEEKS,
  MAIN_LIFT_SLUGS,
  generateDemoMetrics,
  generateDemoSessions,
} from "./demo-program";
import { seedDemoCoach } from "./demo-coach";

export const DEMO_EMAIL = "demo@spotter.local";
export const DEMO_PASSWORD = "spotter-demo-2026";
const DEMO_NAME = "Demo Lifter";
export const DEMO_TIME_ZONE = "Europe/London";

/** Facts about the demo history that tests, e2e and the chat demo script can rely on. */
export const DEMO_SUMMARY = {
  email: DEMO_EMAIL,
  name: DEMO_NAME,
  plan: "pro",
  timeZone: DEMO_TIME_ZONE,
  units: "kg",
  fitnessLevel: "intermediate",
  months: 12,
  split: "upper/lower, 4 days a week (Mon, Tue, Thu, Sat) plus an occasional Sunday run",
  sessionsPerWeek: { min: 3, max: 4 },
  /** Catalog slugs and names of the main lifts. */
  mainLifts: {
    squat: { slug: MAIN_LIFT_SLUGS.squat, name: "Squat (Barbell)" },
    bench: { slug: MAIN_LIFT_SLUGS.bench, name: "Bench Press (Barbell)" },
    deadlift: { slug: MAIN_LIFT_SLUGS.deadlift, name: "Deadlift (Barbell)" },
    overheadPress: { slug: MAIN_LIFT_SLUGS.ohp, name: "Overhead Press (Barbell)" },
    row: { slug: MAIN_LIFT_SLUGS.row, name: "Bent Over Row (Barbell)" },
  },
  /** Week numbers count from 0 (the oldest, ~12 months ago) to 52 (the current week). */
  deloadWeeks: DEMO_DELOAD_WEEKS,
  /** A fortnight off (holiday) about seven months ago: no sessions, a gap of ≥ 14 days. */
  holidayWeeks: DEMO_HOLIDAY_WEEKS,
  /** The squat's e1RM is flat between these weeks, then climbs to new PRs. */
  squatStallWeeks: DEMO_SQUAT_STALL_WEEKS,
  prWeeks: DEMO_PR_WEEKS,
  goals: ["Squat 160 kg by next summer", "Bench 110 kg", "Train 4 times a week", "Stay lean while building strength"],
} as const;

/** Serialises concurrent seeders (two app instances starting on one empty database). */
const SEED_LOCK_KEY = 741_852_964;
const CHUNK = 2500;

export interface SeedResult {
  created: boolean;
  email: string;
  sessions: number;
  sets: number;
  metrics?: number;
}

async function insertChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/**
 * Creates the demo account with a year of training when the database has no users at all
 * (a fresh embedded install). Everything happens in one transaction, so a failure leaves no
 * half-seeded account; a second call (or a concurrent one) does nothing.
 */
export async function seedDemoIfEmpty(db: Queryable, now: Date = new Date()): Promise<SeedResult> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK_KEY})`);
    const any = await tx.execute<{ exists: boolean }>(sql`select exists (select 1 from users) as exists`);
    if (any.rows[0]?.exists) return { created: false, email: DEMO_EMAIL, sessions: 0, sets: 0 };

    const slugs = Object.values(MAIN_LIFT_SLUGS);
    const today = localDate(now, DEMO_TIME_ZONE);
    const sessions = generateDemoSessions(today, DEMO_TIME_ZONE, now);
    const metrics = generateDemoMetrics(today, new Set(sessions.map((s) => s.date)));
    const needed = [...new Set([...slugs, ...sessions.flatMap((s) => s.sets.map((x) => x.slug))])];

    let catalog = await tx
      .select({ id: exercises.id, slug: exercises.slug })
      .from(exercises)
      .where(and(isNull(exercises.ownerUserId), inArray(exercises.slug, needed)));
    if (catalog.length < needed.length) {
      await syncCatalog(tx);
      catalog = await tx
        .select({ id: exercises.id, slug: exercises.slug })
        .from(exercises)
        .where(and(isNull(exercises.ownerUserId), inArray(exercises.slug, needed)));
    }
    const idBySlug = new Map(catalog.map((r) => [r.slug, r.id]));
    const missing = needed.filter((s) => !idBySlug.has(s));
    if (missing.length) throw new Error(`demo seed: catalog lacks ${missing.join(", ")}`);

    const user = await createUser(tx, { email: DEMO_EMAIL, password: DEMO_PASSWORD, name: DEMO_NAME });
    await updateProfile(tx, user.id, {
      displayName: DEMO_NAME,
      fitnessLevel: "intermediate",
      units: "kg",
      timeZone: DEMO_TIME_ZONE,
      goals: [...DEMO_SUMMARY.goals],
      dateOfBirth: "1991-04-12",
    });
    // A complimentary Pro plan: active with no billing period, so it never "expires" on a long-running demo.
    await setPlan(tx, user.id, "pro");

    // Consecutive sets of one exercise form a block, as a lifter would have logged them.
    const toWrite: SessionToWrite[] = sessions.map((s) => {
      const exercises: ExerciseBlockToWrite[] = [];
      for (const { slug, ...set } of s.sets) {
        const exerciseId = idBySlug.get(slug)!;
        const last = exercises.at(-1);
        if (last?.exerciseId === exerciseId) last.sets.push(set);
        else exercises.push({ exerciseId, sets: [set] });
      }
      return { name: s.name, notes: s.notes, startedAt: s.startedAt, endedAt: s.endedAt, source: "manual", exercises };
    });
    const metricRows = metrics.map((m) => ({
      user_id: user.id,
      date: m.date,
      bodyweight_kg: m.bodyweightKg,
      sleep_hours: m.sleepHours,
      resting_hr: m.restingHr,
      strain: m.strain,
    }));
    const written = await writeSessions(tx, user.id, toWrite);
    // One JSON parameter per chunk: far cheaper to build than thousands of bound parameters.
    await insertChunks(metricRows, (chunk) =>
      tx.execute(sql`insert into body_metrics (user_id, date, bodyweight_kg, sleep_hours, resting_hr, strain)
        select * from json_to_recordset(${JSON.stringify(chunk)}::json)
          as x(user_id text, date date, bodyweight_kg numeric, sleep_hours numeric, resting_hr smallint, strain smallint)`),
    );

    // Its coach, built by the coach creator from the interview answers in ./demo-coach.ts.
    await seedDemoCoach(tx, user.id, now);

    return { created: true, email: DEMO_EMAIL, sessions: written.ids.length, sets: written.sets, metrics: metrics.length };
  });
}
