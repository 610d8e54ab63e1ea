import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import { syncCatalog } from "@/lib/exercises/sync-catalog";
import { DEMO_EMAIL, DEMO_PASSWORD, DEMO_SUMMARY, seedDemoIfEmpty, type SeedResult } from "@/lib/seed/demo";
import { DEMO_COACH_ANSWERS } from "@/lib/seed/demo-coach";
import { loadCoachSettings } from "@/lib/chat/coach";
import { getPrimaryCoach } from "@/lib/coach/coaches";
import { getPlan } from "@/lib/billing/plan";
import { getProfile } from "@/lib/users/profile";
import { useTestDatabase } from "./helpers/db";

const DAY = 86_400_000;

describe("demo seed", () => {
  const t = useTestDatabase();
  let first: SeedResult;
  let userId: string;
  const now = new Date();

  beforeAll(async () => {
    await syncCatalog(t().db);
    first = await seedDemoIfEmpty(t().db, now);
    const [u] = await t().db.select().from(users).where(eq(users.email, DEMO_EMAIL));
    userId = u.id;
  });

  async function rows<T>(q: ReturnType<typeof sql>): Promise<T[]> {
    return (await t().db.execute(q)).rows as T[];
  }

  it("creates the demo account with a Pro plan and a full profile", async () => {
    expect(first).toMatchObject({ created: true, email: DEMO_EMAIL });
    const [u] = await t().db.select().from(users).where(eq(users.id, userId));
    expect(u.name).toBe("Demo Lifter");
    expect(await verifyPassword(DEMO_PASSWORD, u.passwordHash)).toBe(true);
    expect(await getPlan(t().db, userId)).toBe("pro");
    expect(await getProfile(t().db, userId)).toMatchObject({ fitnessLevel: "intermediate", units: "kg", timeZone: "Europe/London" });
  });

  it("writes a year of sessions, sets and body metrics", async () => {
    const [c] = await rows<{ sessions: number; sets: number; metrics: number; first: string; last: string }>(sql`
      select (select count(*)::int from workout_sessions where user_id = ${userId}) as sessions,
             (select count(*)::int from exercise_sets where user_id = ${userId}) as sets,
             (select count(*)::int from body_metrics where user_id = ${userId}) as metrics,
             (select min(started_at) from workout_sessions where user_id = ${userId}) as first,
             (select max(ended_at) from workout_sessions where user_id = ${userId}) as last`);
    expect(c.sessions).toBe(first.sessions);
    expect(c.sets).toBe(first.sets);
    expect(c.sessions).toBeGreaterThan(150);
    expect(c.sets).toBeGreaterThan(3000);
    expect(c.metrics).toBeGreaterThan(280);
    const spanDays = (new Date(c.last).getTime() - new Date(c.first).getTime()) / DAY;
    expect(spanDays).toBeGreaterThan(350);
    expect(spanDays).toBeLessThanOrEqual(366);
    expect(now.getTime() - new Date(c.last).getTime()).toBeLessThan(7 * DAY);
    expect(new Date(c.last).getTime()).toBeLessThanOrEqual(now.getTime());
    const perWeek = c.sessions / (spanDays / 7);
    expect(perWeek).toBeGreaterThanOrEqual(3);
    expect(perWeek).toBeLessThanOrEqual(4);
  });

  it("has realistic sessions: durations, warm-ups, RPE on top sets, main lifts", async () => {
    const [d] = await rows<{ min: number; max: number; avg: number }>(sql`
      select min(extract(epoch from ended_at - started_at) / 60)::float as min, max(extract(epoch from ended_at - started_at) / 60)::float as max,
             avg(extract(epoch from ended_at - started_at) / 60)::float as avg
      from workout_sessions where user_id = ${userId}`);
    expect(d.min).toBeGreaterThanOrEqual(20);
    expect(d.max).toBeLessThanOrEqual(120);
    expect(d.avg).toBeGreaterThan(45);
    const types = await rows<{ set_type: string; n: number }>(sql`
      select set_type, count(*)::int as n from exercise_sets where user_id = ${userId} group by set_type`);
    const byType = Object.fromEntries(types.map((r) => [r.set_type, r.n]));
    expect(byType.warmup).toBeGreaterThan(500);
    expect(byType.normal).toBeGreaterThan(2000);
    const lifts = await rows<{ name: string; sessions: number; with_rpe: number }>(sql`
      select e.name, count(distinct s.session_id)::int as sessions, count(*) filter (where s.rpe is not null)::int as with_rpe
      from exercise_sets s join exercises e on e.id = s.exercise_id
      where s.user_id = ${userId} and e.owner_user_id is null group by e.name`);
    for (const lift of Object.values(DEMO_SUMMARY.mainLifts)) {
      const row = lifts.find((l) => l.name === lift.name);
      expect(row, lift.name).toBeDefined();
      expect(row!.sessions).toBeGreaterThan(30);
      expect(row!.with_rpe).toBeGreaterThan(20);
    }
    const [custom] = await rows<{ n: number }>(sql`select count(*)::int as n from exercises where owner_user_id = ${userId}`);
    expect(custom.n).toBe(0);
  });

  it("has a gap of at least 14 days and regular deload weeks", async () => {
    const [gap] = await rows<{ days: number }>(sql`
      select max(extract(epoch from started_at - prev) / 86400)::float as days from (
        select started_at, lag(started_at) over (order by started_at) as prev from workout_sessions where user_id = ${userId}) g`);
    expect(gap.days).toBeGreaterThanOrEqual(14);
    const deloads = await rows<{ week: string }>(sql`
      select distinct date_trunc('week', started_at)::text as week from workout_sessions
      where user_id = ${userId} and name like '%(deload)%' order by 1`);
    expect(deloads.length).toBeGreaterThanOrEqual(7);
    const gaps = deloads.slice(1).map((w, i) => (Date.parse(w.week) - Date.parse(deloads[i].week)) / (7 * DAY));
    for (const g of gaps) {
      expect(g).toBeGreaterThanOrEqual(4);
      expect(g).toBeLessThanOrEqual(8); // a block interrupted by the fortnight off
    }
  });

  it("shows the squat climbing over the last six months, with a stall and PRs", async () => {
    // program week: 52 = the current Monday-based week in the demo's time zone, 0 = a year ago
    const weekly = await rows<{ week: number; e1rm: number; top: number; deload: boolean }>(sql`
      select 52 - round(extract(epoch from date_trunc('week', ${now.toISOString()}::timestamptz at time zone 'Europe/London')
                   - date_trunc('week', w.started_at at time zone 'Europe/London')) / 604800)::int as week,
             max(s.weight_kg * (1 + s.reps / 30.0))::float as e1rm,
             max(s.weight_kg) filter (where w.name like 'Lower A%')::float as top,
             bool_or(w.name like '%(deload)%') as deload
      from exercise_sets s join workout_sessions w on w.id = s.session_id join exercises e on e.id = s.exercise_id
      where s.user_id = ${userId} and e.slug = 'squat-barbell' and e.owner_user_id is null
        and s.set_type = 'normal' and s.reps between 1 and 12
      group by 1 order by 1`);
    const avg = (from: number, to: number) => {
      const v = weekly.filter((r) => r.week >= from && r.week <= to && !r.deload).map((r) => r.e1rm);
      return v.reduce((a, b) => a + b, 0) / v.length;
    };
    // six months ago vs the last month
    expect(avg(48, 52)).toBeGreaterThan(avg(25, 29) * 1.08);
    // the stall: the same top set on squat day throughout
    const [from, to] = DEMO_SUMMARY.squatStallWeeks;
    const stallTops = weekly.filter((r) => r.week >= from && r.week <= to && !r.deload && r.top !== null).map((r) => r.top);
    expect(stallTops.length).toBeGreaterThanOrEqual(4);
    expect(new Set(stallTops).size).toBe(1);
    // the most recent PR single is the best squat ever
    const best = await rows<{ weight: number; notes: string | null; started_at: string }>(sql`
      select s.weight_kg::float as weight, s.notes, w.started_at
      from exercise_sets s join workout_sessions w on w.id = s.session_id join exercises e on e.id = s.exercise_id
      where s.user_id = ${userId} and e.slug = 'squat-barbell' and s.set_type = 'normal'
      order by s.weight_kg desc, w.started_at desc limit 1`);
    expect(best[0].notes).toMatch(/PR/);
    expect(now.getTime() - new Date(best[0].started_at).getTime()).toBeLessThan(3 * 7 * DAY);
  });

  it("records body metrics most days with plausible values", async () => {
    const [m] = await rows<{ n: number; bw_min: number; bw_max: number; hr_min: number; hr_max: number; sleep_avg: number }>(sql`
      select count(*)::int as n, min(bodyweight_kg)::float as bw_min, max(bodyweight_kg)::float as bw_max,
             min(resting_hr)::int as hr_min, max(resting_hr)::int as hr_max, avg(sleep_hours)::float as sleep_avg
      from body_metrics where user_id = ${userId}`);
    expect(m.n).toBeGreaterThan(0.8 * 365);
    expect(m.bw_min).toBeGreaterThan(75);
    expect(m.bw_max).toBeLessThan(90);
    expect(m.bw_max - m.bw_min).toBeGreaterThan(1.5);
    expect(m.hr_min).toBeGreaterThan(40);
    expect(m.hr_max).toBeLessThan(75);
    expect(m.sleep_avg).toBeGreaterThan(6.5);
    expect(m.sleep_avg).toBeLessThan(8.5);
  });

  it("has a primary coach built by the coach creator from its interview, and the chat uses it", async () => {
    // One completed interview, the coach it created (primary), and that coach's card.
    const [iv] = await rows<{ status: string; coach_id: string; answers: number }>(sql`
      select status, coach_id, (select count(*)::int from jsonb_array_elements(transcript) x where x->>'role' = 'user') as answers
      from coach_interviews where user_id = ${userId}`);
    expect(iv).toMatchObject({ status: "completed", answers: DEMO_COACH_ANSWERS.length });
    const coach = await getPrimaryCoach(t().db, userId);
    expect(coach?.id).toBe(iv.coach_id);
    // The card says what the answers said, nothing else: goals, days from the log, the stated rule and its source.
    const card = coach!.card;
    expect(card.athlete.goals).toEqual(["strength", "fat_loss"]);
    expect(card.athlete.daysPerWeek).toBe(4);
    expect(card.athlete.equipment).toBe("full_gym");
    expect(card.safety.injuries).toEqual([]);
    expect(card.safety.avoid).toEqual([
      {
        movement: "behind-the-neck pressing",
        scope: "avoid",
        origin: "stated",
        reason: "you asked for this",
        source: "No behind-the-neck pressing please",
      },
    ]);
    expect(card.methodology.template).not.toBe("hypertrophy_blocks");
    // The chat loads it as the demo's plan and persona, not the default coach's.
    const settings = await loadCoachSettings(t().db, userId);
    expect(settings.plan?.programme).toContain(card.methodology.label);
    expect(settings.plan?.daysPerWeek).toBe(4);
    expect(settings.persona?.name).toBe(card.name);
  });

  it("does nothing the second time, or when any user exists", async () => {
    expect(await seedDemoIfEmpty(t().db)).toMatchObject({ created: false, sessions: 0, sets: 0 });
    const [c] = await rows<{ n: number }>(sql`select count(*)::int as n from workout_sessions`);
    expect(c.n).toBe(first.sessions);
    const [u] = await rows<{ n: number }>(sql`select count(*)::int as n from users`);
    expect(u.n).toBe(1);
  });
});
