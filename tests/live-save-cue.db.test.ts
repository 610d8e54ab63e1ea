import { eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it, vi } from "vitest";
import { exercises, users } from "@/db/schema";
import { startFrom } from "@/lib/live/service";
import { writeSession } from "@/lib/workouts/write";
import { stopEmbeddedVoices, wavDurationSeconds } from "@/lib/speech/embedded";
import type { LiveWorkout } from "@/lib/live/workout";
import type { LiveOp } from "@/lib/live/model";
import { queued } from "@/lib/live/op-log";
import { useTestDatabase } from "./helpers/db";

const withIds = (ops: LiveOp[]) => ops.map(queued);

const state = vi.hoisted(() => ({ user: null as null | { id: string; email: string; name: string | null } }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => state.user }));

const { PATCH } = await import("@/app/api/live/workout/route");
const { GET: audioRoute } = await import("@/app/api/live/cues/[id]/audio/route");
const { setPlan } = await import("@/lib/billing/plan");
const { ENTITLEMENTS } = await import("@/lib/billing/entitlements");

const db = useTestDatabase();
afterAll(() => stopEmbeddedVoices());

/** A lifter with Bench Press 102.5 × 5 × 3 last October and a live workout repeating it. */
async function lifter(plan?: "pro") {
  const d = db().db;
  const [u] = await d
    .insert(users)
    .values({ email: `save-cue-${crypto.randomUUID()}@example.com` })
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
  return { user: u, workout: await startFrom(d, u.id, { kind: "repeat", sessionId }) };
}

const patch = (body: unknown) => PATCH(new Request("http://app.test/api/live/workout", { method: "PATCH", body: JSON.stringify(body) }));
const audio = (id: string) => audioRoute(new Request(`http://app.test/api/live/cues/${id}/audio`), { params: Promise.resolve({ id }) });

/** Completes set `i` of the first exercise at weight × 5 and asks for its set-end cue in the same save. */
function completeWithCue(w: LiveWorkout, i: number, weightKg: number, extra: Record<string, unknown> = {}) {
  const ex = w.state.exercises[0];
  const setKey = ex.sets[i].key;
  return patch({
    workoutId: w.id,
    version: w.version,
    ops: withIds([{ op: "completeSet", exerciseKey: ex.key, setKey, at: new Date().toISOString(), patch: { weightKg, reps: 5 } }]),
    cue: { trigger: "set-end", exerciseKey: ex.key, setKey, ...extra },
  });
}

describe("PATCH /api/live/workout with a cue (one round trip from the tap to the cue)", () => {
  it("saves the set and answers its grounded set-end cue; the clip comes inline only once the server cache holds it", async () => {
    const { user, workout } = await lifter("pro");
    const res = await completeWithCue(workout, 0, 105);
    expect(res.status).toBe(200);
    const first = await res.json();
    expect(first.workout.version).toBe(workout.version + 1);
    expect(first.workout.state.exercises[0].sets[0]).toMatchObject({ weightKg: 105, reps: 5, prs: expect.arrayContaining(["weight"]) });
    expect(first.cue).toMatchObject({ trigger: "set-end", kind: "pr", voice: true, toast: "PR · 105 kg (was 102.5)" });
    expect(first.cue.text).toContain("102.5");
    // Nothing cached yet: no synthesis inside the save — the browser fetches the clip (and that caches it).
    expect(first.cue.clip).toBeUndefined();
    expect((await audio(first.cue.id)).status).toBe(200);
    const rows = await db().db.execute(sql`select trigger, text from live_cues where user_id = ${user.id}`);
    expect(rows.rows).toEqual([{ trigger: "set-end", text: first.cue.text }]);

    // The next set: its words are cached once fetched, and the same moment asked again carries the clip (decodable WAV).
    const w1 = first.workout as LiveWorkout;
    const second = await (await completeWithCue(w1, 1, 105)).json();
    // Whatever the template chose, its clip is fetched once (cached then), and the same moment asked again hits.
    if (!second.cue.clip) expect((await audio(second.cue.id)).status).toBe(200);
    const w2 = second.workout as LiveWorkout;
    const ex = w2.state.exercises[0];
    const again = await (
      await patch({
        workoutId: w2.id,
        version: w2.version,
        ops: withIds([{ op: "notes", exerciseKey: null, text: "felt quick" }]),
        cue: { trigger: "set-end", exerciseKey: ex.key, setKey: ex.sets[1].key },
      })
    ).json();
    expect(again.cue.text).toBe(second.cue.text);
    expect(again.cue.clip.mime).toBe("audio/wav");
    const wav = Buffer.from(again.cue.clip.base64, "base64");
    expect(wavDurationSeconds(wav)).toBeGreaterThan(0.3);
    const row = await db().db.execute(sql`select cached from live_cues where id = ${again.cue.id}`);
    expect(row.rows[0]).toMatchObject({ cached: true });

    // The browser says it keeps that clip: the answer leaves it out.
    const kept = await (
      await patch({
        workoutId: w2.id,
        version: again.workout.version,
        ops: withIds([{ op: "notes", exerciseKey: null, text: "felt quick!" }]),
        cue: { trigger: "set-end", exerciseKey: ex.key, setKey: ex.sets[1].key, haveClips: [again.cue.audio.key] },
      })
    ).json();
    expect(kept.cue.audio.key).toBe(again.cue.audio.key);
    expect(kept.cue.clip).toBeUndefined();
  });

  it("answers last time's sets only when asked or when an exercise is added", async () => {
    const { workout } = await lifter();
    const ex = workout.state.exercises[0];
    const plain = await (await patch({ workoutId: workout.id, version: workout.version, ops: withIds([{ op: "rename", name: "Upper A+" }]) })).json();
    expect(plain.last).toBeUndefined();
    expect(plain.workout.state.name).toBe("Upper A+");
    const asked = await (
      await patch({ workoutId: workout.id, version: plain.workout.version, ops: withIds([{ op: "rename", name: "Upper" }]), withLast: true })
    ).json();
    expect(asked.last[ex.exerciseId].sets.map((s: { weightKg: number }) => s.weightKg)).toEqual([102.5, 102.5, 102.5]);
  });

  it("Free: the cue is text only (no audio, no clip)", async () => {
    const { workout } = await lifter();
    const got = await (await completeWithCue(workout, 0, 102.5)).json();
    expect(got.cue).toMatchObject({ trigger: "set-end", voice: false, audio: null });
    expect(got.cue.clip).toBeUndefined();
  });

  it("a refused cue never fails the save: over the hourly cue limit the set is kept and the reason comes back", async () => {
    const { user, workout } = await lifter();
    const limit = ENTITLEMENTS.free.liveCuesPerHour;
    await db().db.execute(sql`
      insert into rate_limit_buckets (key, window_start, count, expires_at)
      values (${`liveCues:user:${user.id}`}, to_timestamp(floor(extract(epoch from now()) / 3600) * 3600), ${limit}, now() + interval '1 hour')`);
    const res = await completeWithCue(workout, 0, 100);
    expect(res.status).toBe(200);
    const got = await res.json();
    expect(got.cue).toBeUndefined();
    expect(got.cueError).toMatchObject({ status: 429, code: "rate_limited" });
    expect(got.cueError.error).toMatch(new RegExp(`all ${limit} live workout cues this hour`));
    expect(got.workout.state.exercises[0].sets[0]).toMatchObject({ weightKg: 100, reps: 5, completedAt: expect.any(String) });
    const cues = await db().db.execute(sql`select count(*)::int as n from live_cues where user_id = ${user.id}`);
    expect(Number((cues.rows[0] as { n: number }).n)).toBe(0);
  });

  it("a moment the save did not create is refused as not due (a set-end cue for a set still open)", async () => {
    const { workout } = await lifter();
    const ex = workout.state.exercises[0];
    const got = await (
      await patch({
        workoutId: workout.id,
        version: workout.version,
        ops: withIds([{ op: "rename", name: "x" }]),
        cue: { trigger: "set-end", exerciseKey: ex.key, setKey: ex.sets[2].key },
      })
    ).json();
    expect(got.workout.state.name).toBe("x");
    expect(got.cueError).toMatchObject({ status: 409, code: "cue_not_due" });
  });

  it("refuses numbers from the client and another lifter's workout", async () => {
    const { workout } = await lifter();
    const ex = workout.state.exercises[0];
    const base = { workoutId: workout.id, version: workout.version, ops: withIds([{ op: "rename", name: "y" }]) };
    expect(
      (await patch({ ...base, cue: { trigger: "set-end", exerciseKey: ex.key, setKey: ex.sets[0].key, facts: { done: { weightKg: 500 } } } })).status,
    ).toBe(400);
    expect((await patch({ ...base, cue: { trigger: "set-end", haveClips: ["not-a-key"] } })).status).toBe(400);
    await lifter(); // someone else signs in
    const res = await patch({ ...base, cue: { trigger: "set-end", exerciseKey: ex.key, setKey: ex.sets[0].key } });
    expect(res.status).toBe(404);
  });
});
