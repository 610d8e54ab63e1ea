import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { exercises, users } from "@/db/schema";
import { startFrom } from "@/lib/live/service";
import { saveLiveOps } from "@/lib/live/workout";
import { writeSession } from "@/lib/workouts/write";
import { stopEmbeddedVoices, wavDurationSeconds } from "@/lib/speech/embedded";
import type { LiveOp } from "@/lib/live/model";
import { queued } from "@/lib/live/op-log";
import { useTestDatabase } from "./helpers/db";

const state = vi.hoisted(() => ({ user: null as null | { id: string; email: string; name: string | null } }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => state.user }));

const { POST: createRoute } = await import("@/app/api/live/cues/route");
const { PATCH: patchRoute } = await import("@/app/api/live/cues/[id]/route");
const { GET: audioRoute } = await import("@/app/api/live/cues/[id]/audio/route");
const { setPlan } = await import("@/lib/billing/plan");
const { ENTITLEMENTS } = await import("@/lib/billing/entitlements");

const db = useTestDatabase();
const withIds = (ops: LiveOp[]) => ops.map(queued);
afterAll(() => stopEmbeddedVoices());

let body: Record<string, unknown> = {};

/**
 * A user with Bench Press 102.5 × 5 last October and a live workout repeating it, whose first set
 * was just done at 105 × 5 — a weight PR. The cue request names only that moment; the server builds the facts.
 */
async function makeUser(plan?: "pro" | "trainer") {
  const d = db().db;
  const [u] = await d
    .insert(users)
    .values({ email: `live-${crypto.randomUUID()}@example.com` })
    .returning({ id: users.id, email: users.email, name: users.name });
  if (plan) await setPlan(d, u.id, plan);
  state.user = u;
  const [bench] = await d.select({ id: exercises.id }).from(exercises).where(eq(exercises.slug, "bench-press-barbell"));
  const s = { setType: "normal" as const, weightKg: 102.5, reps: 5, rpe: null, durationSeconds: null, distanceM: null };
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
      { op: "completeSet", exerciseKey: ex.key, setKey: ex.sets[0].key, at: new Date().toISOString(), patch: { weightKg: 105, reps: 5 } },
    ]),
  });
  body = { workoutId: w.id, trigger: "set-end", exerciseKey: ex.key, setKey: ex.sets[0].key };
  return u;
}

const post = (b: unknown = body) => createRoute(new Request("http://app.test/api/live/cues", { method: "POST", body: JSON.stringify(b) }));
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
const audio = (id: string) => audioRoute(new Request(`http://app.test/api/live/cues/${id}/audio`), ctx(id));

describe("live cues API", () => {
  it("creates a grounded, recorded cue for any plan", async () => {
    const u = await makeUser();
    const res = await post();
    expect(res.status).toBe(200);
    const cue = await res.json();
    expect(cue).toMatchObject({ trigger: "set-end", kind: "pr", persona: "alice", voice: false, audio: null, toast: "PR · 105 kg (was 102.5)" });
    expect(cue.text).toContain("102.5");
    const r = await db().db.execute(sql`select user_id, text from live_cues where id = ${cue.id}`);
    expect(r.rows[0]).toMatchObject({ user_id: u.id, text: cue.text });
  });

  it("builds the facts on the server: numbers from the client are refused, and so are other users' workouts and stale moments", async () => {
    await makeUser();
    expect((await post({ ...body, facts: { unit: "kg", done: { weightKg: 500, reps: 5 } } })).status).toBe(400);
    expect((await post({ ...body, trigger: "shout" })).status).toBe(400);
    // A set-start cue for a set that is already done is stale: no cue.
    const stale = await post({ ...body, trigger: "set-start" });
    expect(stale.status).toBe(409);
    expect((await stale.json()).code).toBe("cue_not_due");
    const mine = body;
    await makeUser();
    expect((await post(mine)).status).toBe(404);
  });

  it("Free: speech is 402 with an upgrade link; the text cue still works", async () => {
    await makeUser();
    const cue = await (await post()).json();
    const res = await audio(cue.id);
    expect(res.status).toBe(402);
    expect(await res.json()).toMatchObject({
      code: "voice_requires_upgrade",
      upgradeUrl: "/pricing",
      error: expect.stringMatching(/Upgrade to Pro/),
    });
  });

  it("Pro: the cue's audio is real WAV audio; a second fetch is cached and not counted", async () => {
    const u = await makeUser("pro");
    const cue = await (await post()).json();
    expect(cue.voice).toBe(true);
    expect(cue.audio).toEqual({ url: `/api/live/cues/${cue.id}/audio`, key: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const first = await audio(cue.id);
    expect(first.status).toBe(200);
    // The browser keeps the clip under the key the cue announced, and may cache the response (it is per user).
    expect(first.headers.get("x-speech-key")).toBe(cue.audio.key);
    expect(first.headers.get("cache-control")).toBe("private, max-age=2592000, immutable");
    expect(first.headers.get("content-type")).toBe("audio/wav");
    expect(first.headers.get("x-speech-cached")).toBe("0");
    expect(wavDurationSeconds(Buffer.from(await first.arrayBuffer()))).toBeGreaterThan(0.3);
    const again = await audio(cue.id);
    expect(again.headers.get("x-speech-cached")).toBe("1");
    const used = await db().db.execute(
      sql`select coalesce(sum(count), 0)::int as n from rate_limit_buckets where key = ${`speechGenerations:user:${u.id}`}`,
    );
    expect(Number((used.rows[0] as { n: number }).n)).toBe(1);
    const row = await db().db.execute(sql`select cached, speech_ms from live_cues where id = ${cue.id}`);
    expect(row.rows[0]).toMatchObject({ cached: true });
  });

  it("over the speech allowance: a cached clip is still served, a fresh synthesis is 429", async () => {
    const u = await makeUser("pro");
    const cached = await (await post()).json();
    expect((await audio(cached.id)).status).toBe(200); // body's clip is in the cache now
    await db().db.execute(sql`
      insert into rate_limit_buckets (key, window_start, count, expires_at)
      values (${`speechGenerations:user:${u.id}`}, to_timestamp(floor(extract(epoch from now()) / 3600) * 3600), ${ENTITLEMENTS.pro.speechGenerationsPerHour}, now() + interval '1 hour')
      on conflict (key, window_start) do update set count = excluded.count`);
    const again = await (await post()).json();
    const hit = await audio(again.id);
    expect(hit.status).toBe(200);
    expect(hit.headers.get("x-speech-cached")).toBe("1");
    const fresh = await (await post({ workoutId: body.workoutId, trigger: "workout-end" })).json();
    const refused = await audio(fresh.id);
    expect(refused.status).toBe(429);
    expect((await refused.json()).error).toMatch(/all 100 spoken cues this hour/);
  });

  it("a set that repeats the one before gets a 'same again' cue (set-start and set-end); a changed weight is said", async () => {
    const u = await makeUser();
    const w = (await db().db.execute(sql`select id, version, state from live_workouts where user_id = ${u.id}`)).rows[0] as {
      id: string;
      version: number;
      state: { exercises: { key: string; sets: { key: string }[] }[] };
    };
    const ex = w.state.exercises[0];
    const [, s2, s3] = ex.sets;
    // Set 2 done like set 1 (105 × 5), set 3 prefilled the same.
    await saveLiveOps(db().db, u.id, {
      workoutId: w.id,
      version: w.version,
      ops: withIds([
        { op: "completeSet", exerciseKey: ex.key, setKey: s2.key, at: new Date().toISOString(), patch: { weightKg: 105, reps: 5 } },
        { op: "updateSet", exerciseKey: ex.key, setKey: s3.key, patch: { weightKg: 105, reps: 5 } },
      ]),
    });
    for (const [trigger, setKey] of [
      ["set-end", s2.key],
      ["set-start", s3.key],
    ])
      for (let seed = 0; seed < 5; seed++) {
        const res = await post({ workoutId: w.id, trigger, exerciseKey: ex.key, setKey, seed: String(seed) });
        expect(res.status).toBe(200);
        const cue = await res.json();
        expect(cue.text, cue.text).not.toMatch(/105|102\.5/);
      }
    const v = (await db().db.execute(sql`select version from live_workouts where id = ${w.id}`)).rows[0] as { version: number };
    await saveLiveOps(db().db, u.id, {
      workoutId: w.id,
      version: v.version,
      ops: withIds([{ op: "updateSet", exerciseKey: ex.key, setKey: s3.key, patch: { weightKg: 107.5 } }]),
    });
    for (let seed = 0; seed < 5; seed++) {
      const cue = await (await post({ workoutId: w.id, trigger: "set-start", exerciseKey: ex.key, setKey: s3.key, seed: String(seed) })).json();
      expect(cue.text).not.toMatch(/same/i);
    }
  });

  it("never serves or updates another user's cue", async () => {
    await makeUser("pro");
    const cue = await (await post()).json();
    await makeUser("pro");
    expect((await audio(cue.id)).status).toBe(404);
    const patch = await patchRoute(new Request("http://app.test/x", { method: "PATCH", body: JSON.stringify({ feedback: 1 }) }), ctx(cue.id));
    expect(patch.status).toBe(404);
  });

  it("records playback and thumbs", async () => {
    await makeUser("pro");
    const cue = await (await post()).json();
    const res = await patchRoute(
      new Request("http://app.test/x", { method: "PATCH", body: JSON.stringify({ played: true, playbackStartMs: 240, feedback: -1 }) }),
      ctx(cue.id),
    );
    expect(res.status).toBe(200);
    const row = await db().db.execute(sql`select played, playback_start_ms, feedback from live_cues where id = ${cue.id}`);
    expect(row.rows[0]).toMatchObject({ played: true, playback_start_ms: 240, feedback: -1 });
  });

  it("Free hits the hourly cue limit from the entitlements map with a clear message", async () => {
    const u = await makeUser();
    const limit = ENTITLEMENTS.free.liveCuesPerHour;
    await db().db.execute(sql`
      insert into rate_limit_buckets (key, window_start, count, expires_at)
      values (${`liveCues:user:${u.id}`}, to_timestamp(floor(extract(epoch from now()) / 3600) * 3600), ${limit}, now() + interval '1 hour')`);
    const res = await post();
    expect(res.status).toBe(429);
    expect((await res.json()).error).toMatch(new RegExp(`all ${limit} live workout cues this hour on the Free plan`));
  });
});
