import { eq, sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { exercises, users } from "@/db/schema";
import { startFrom } from "@/lib/live/service";
import { saveLiveOps } from "@/lib/live/workout";
import type { LiveOp } from "@/lib/live/model";
import { queued } from "@/lib/live/op-log";
import { writeSession } from "@/lib/workouts/write";
import { useTestDatabase } from "./helpers/db";

const withIds = (ops: LiveOp[]) => ops.map(queued);

const state = vi.hoisted(() => ({ user: null as null | { id: string; email: string; name: string | null } }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => state.user }));

const { POST: createRoute } = await import("@/app/api/live/cues/route");
const { PATCH: patchRoute } = await import("@/app/api/live/cues/[id]/route");
const { checkAllowance } = await import("@/lib/billing/allowance");
const { ENTITLEMENTS } = await import("@/lib/billing/entitlements");

const db = useTestDatabase();
const LIMIT = ENTITLEMENTS.free.liveCuesPerHour;

/** A Free lifter mid-bench: set 1 done, sets 2 and 3 ahead. `next` is the set-start moment of set 2 (what the player prefetches). */
async function makeUser() {
  const d = db().db;
  const [u] = await d
    .insert(users)
    .values({ email: `prefetch-${crypto.randomUUID()}@example.com` })
    .returning({ id: users.id, email: users.email, name: users.name });
  state.user = u;
  const [bench] = await d.select({ id: exercises.id }).from(exercises).where(eq(exercises.slug, "bench-press-barbell"));
  const s = { setType: "normal" as const, weightKg: 100, reps: 5, rpe: null, durationSeconds: null, distanceM: null };
  const { id: sessionId } = await writeSession(d, u.id, {
    name: "Upper A",
    notes: null,
    startedAt: new Date("2025-10-14T17:00:00Z"),
    endedAt: new Date("2025-10-14T18:00:00Z"),
    source: "manual",
    exercises: [{ exerciseId: bench.id, sets: [s, s, s] }],
  });
  let w = await startFrom(d, u.id, { kind: "repeat", sessionId });
  const ex = w.state.exercises[0];
  w = await saveLiveOps(d, u.id, {
    workoutId: w.id,
    version: w.version,
    ops: withIds([
      { op: "completeSet", exerciseKey: ex.key, setKey: ex.sets[0].key, at: new Date().toISOString(), patch: { weightKg: 100, reps: 5 } },
    ]),
  });
  const next = { workoutId: w.id, trigger: "set-start", exerciseKey: ex.key, setKey: ex.sets[1].key };
  const done = { workoutId: w.id, trigger: "set-end", exerciseKey: ex.key, setKey: ex.sets[0].key };
  return { u, next, done };
}

const post = (b: unknown) => createRoute(new Request("http://app.test/api/live/cues", { method: "POST", body: JSON.stringify(b) }));
const patch = (id: string, b: unknown) =>
  patchRoute(new Request(`http://app.test/api/live/cues/${id}`, { method: "PATCH", body: JSON.stringify(b) }), { params: Promise.resolve({ id }) });
const remaining = async (userId: string) => (await checkAllowance(db().db, userId, { meter: "liveCues", peek: true })).remaining;
/** The per-minute prefetch burst limit is not what these tests are about (except the one that says so). */
const clearBurst = (userId: string) => db().db.execute(sql`delete from rate_limit_buckets where key = ${`liveCuePrefetch:user:${userId}`}`);
const fillAllowance = (userId: string, count: number) =>
  db().db.execute(sql`
    insert into rate_limit_buckets (key, window_start, count, expires_at)
    values (${`liveCues:user:${userId}`}, to_timestamp(floor(extract(epoch from now()) / 3600) * 3600), ${count}, now() + interval '1 hour')
    on conflict (key, window_start) do update set count = excluded.count`);
async function prefetch(b: Record<string, unknown>) {
  const res = await post({ ...b, prefetch: true });
  expect(res.status).toBe(200);
  return (await res.json()) as { id: string; text: string };
}

describe("prefetched live cues and the hourly allowance", () => {
  it("a prefetched cue that is never claimed costs nothing; the first claim counts it once, later claims never again", async () => {
    const { u, next } = await makeUser();
    const cue = await prefetch(next);
    expect(await remaining(u.id)).toBe(LIMIT);
    const row = await db().db.execute(sql`select prefetched, claimed_at from live_cues where id = ${cue.id}`);
    expect(row.rows[0]).toMatchObject({ prefetched: true, claimed_at: null });

    expect((await patch(cue.id, { shown: true })).status).toBe(200);
    expect(await remaining(u.id)).toBe(LIMIT - 1);
    expect((await patch(cue.id, { shown: true })).status).toBe(200);
    expect((await patch(cue.id, { played: true, playbackStartMs: 120 })).status).toBe(200);
    expect((await patch(cue.id, { feedback: 1 })).status).toBe(200);
    expect(await remaining(u.id)).toBe(LIMIT - 1);
    const claimed = await db().db.execute(sql`select claimed_at, played from live_cues where id = ${cue.id}`);
    expect(claimed.rows[0]).toMatchObject({ claimed_at: expect.anything(), played: true });
  });

  it("concurrent claims of one prefetched cue count it exactly once", async () => {
    const { u, next } = await makeUser();
    const cue = await prefetch(next);
    const all = await Promise.all([
      patch(cue.id, { shown: true }),
      patch(cue.id, { shown: true }),
      patch(cue.id, { played: true, playbackStartMs: 80 }),
      patch(cue.id, { shown: true }),
    ]);
    expect(all.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(await remaining(u.id)).toBe(LIMIT - 1);
  });

  it("a played report alone also claims (voice without a shown report)", async () => {
    const { u, next } = await makeUser();
    const cue = await prefetch(next);
    await patch(cue.id, { played: true, playbackStartMs: 90 });
    expect(await remaining(u.id)).toBe(LIMIT - 1);
  });

  it("a cue asked when due is counted when written, and claiming it does not count it again", async () => {
    const { u, done } = await makeUser();
    const res = await post(done);
    expect(res.status).toBe(200);
    const cue = await res.json();
    expect(await remaining(u.id)).toBe(LIMIT - 1);
    await patch(cue.id, { shown: true });
    await patch(cue.id, { shown: true });
    expect(await remaining(u.id)).toBe(LIMIT - 1);
    const row = await db().db.execute(sql`select prefetched, claimed_at from live_cues where id = ${cue.id}`);
    expect(row.rows[0]).toMatchObject({ prefetched: false, claimed_at: expect.anything() });
  });

  it("refuses the 11th unclaimed prefetch of the hour; a claim or an hour's age frees a slot", async () => {
    const { u, next } = await makeUser();
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) {
      await clearBurst(u.id);
      ids.push((await prefetch({ ...next, seed: String(i) })).id);
    }
    await clearBurst(u.id);
    const eleventh = await post({ ...next, seed: "10", prefetch: true });
    expect(eleventh.status).toBe(429);
    expect(await eleventh.json()).toMatchObject({ code: "prefetch_limit", error: expect.stringMatching(/never shown/) });
    const count = await db().db.execute(sql`select count(*)::int as n from live_cues where user_id = ${u.id}`);
    expect(count.rows[0]).toMatchObject({ n: 10 });
    // Asking when due still works (and is counted then).
    expect((await post(next)).status).toBe(200);

    await patch(ids[0], { shown: true });
    await clearBurst(u.id);
    expect((await post({ ...next, seed: "11", prefetch: true })).status).toBe(200);
    await clearBurst(u.id);
    expect((await post({ ...next, seed: "12", prefetch: true })).status).toBe(429);
    await db().db.execute(sql`update live_cues set created_at = now() - interval '61 minutes' where id = ${ids[1]}`);
    expect((await post({ ...next, seed: "13", prefetch: true })).status).toBe(200);
    expect(await remaining(u.id)).toBe(LIMIT - 2); // the cue asked when due, and the one claimed
  });

  it("concurrent prefetches cannot pass the cap together", async () => {
    const { u, next } = await makeUser();
    for (let i = 0; i < 8; i++) {
      await clearBurst(u.id);
      await prefetch({ ...next, seed: String(i) });
    }
    await clearBurst(u.id);
    const all = await Promise.all([0, 1, 2, 3].map((i) => post({ ...next, seed: `c${i}`, prefetch: true })));
    expect(all.map((r) => r.status).sort()).toEqual([200, 200, 429, 429]);
    const count = await db().db.execute(sql`select count(*)::int as n from live_cues where user_id = ${u.id} and prefetched and claimed_at is null`);
    expect(count.rows[0]).toMatchObject({ n: 10 });
  });

  it("more than 4 prefetches in a minute are refused before any cue is written", async () => {
    const { u, next } = await makeUser();
    for (let i = 0; i < 4; i++) await prefetch({ ...next, seed: String(i) });
    const fifth = await post({ ...next, seed: "4", prefetch: true });
    expect(fifth.status).toBe(429);
    expect((await fifth.json()).code).toBe("prefetch_limit");
    const count = await db().db.execute(sql`select count(*)::int as n from live_cues where user_id = ${u.id}`);
    expect(count.rows[0]).toMatchObject({ n: 4 });
  });

  it("a prefetch when the allowance is used up is refused with the same 429 message as a cue asked when due", async () => {
    const { u, next, done } = await makeUser();
    await fillAllowance(u.id, LIMIT);
    const due = await post(done);
    const early = await post({ ...next, prefetch: true });
    expect(due.status).toBe(429);
    expect(early.status).toBe(429);
    const [a, b] = [await due.json(), await early.json()];
    expect(b).toEqual(a);
    expect(b.error).toMatch(new RegExp(`all ${LIMIT} live workout cues this hour on the Free plan`));
    const count = await db().db.execute(sql`select count(*)::int as n from live_cues where user_id = ${u.id}`);
    expect(count.rows[0]).toMatchObject({ n: 0 });
  });

  it("claimed after the allowance ran out: shown this once (200), the count stays over the limit, the next cue is refused", async () => {
    const { u, next, done } = await makeUser();
    const cue = await prefetch(next);
    await fillAllowance(u.id, LIMIT);
    expect((await patch(cue.id, { shown: true })).status).toBe(200);
    const used = await db().db.execute(sql`select count from rate_limit_buckets where key = ${`liveCues:user:${u.id}`}`);
    expect(Number(used.rows[0].count)).toBe(LIMIT + 1);
    expect((await post(done)).status).toBe(429);
  });

  it("another user cannot claim my cue (404) and my allowance is untouched", async () => {
    const mine = await makeUser();
    const cue = await prefetch(mine.next);
    const other = await makeUser();
    const res = await patch(cue.id, { shown: true });
    expect(res.status).toBe(404);
    expect(await remaining(other.u.id)).toBe(LIMIT);
    expect(await remaining(mine.u.id)).toBe(LIMIT);
    const row = await db().db.execute(sql`select claimed_at from live_cues where id = ${cue.id}`);
    expect(row.rows[0]).toMatchObject({ claimed_at: null });
  });

  it("refuses a malformed claim", async () => {
    const { next } = await makeUser();
    const cue = await prefetch(next);
    expect((await patch(cue.id, { shown: false })).status).toBe(400);
    expect((await patch(cue.id, { shown: "yes" })).status).toBe(400);
  });
});
