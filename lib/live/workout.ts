import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, Queryable } from "@/db/client";
import { liveWorkouts } from "@/db/tables/live";
import { NotFoundError, UserError } from "@/lib/errors/user-error";
import { isUuid } from "@/lib/ids/is-uuid";
import {
  addSet,
  emptyBests,
  computeRecords,
  isVolumeRecord,
  newSetRecords,
  RECORD_LABELS,
  setVolumeKg,
  type RecordKind,
} from "@/lib/workouts/records";
import { loadRecordHistory, loadRecords } from "@/lib/workouts/record-history";
import { lastSessionSets, type LastSets } from "@/lib/workouts/previous";
import { writeSession } from "@/lib/workouts/write";
import { SET_TYPES } from "@/lib/workouts/constants";
import {
  applyOps,
  completedSets,
  completedVolumeKg,
  LiveOpError,
  newKey,
  type ExerciseMeta,
  type LiveOp,
  type LiveState,
  type StartExercise,
} from "./model";
import { applyOnce, type QueuedOp } from "./op-log";
import { getLiveSettings } from "./settings";

export type LiveOrigin = "empty" | "plan" | "repeat" | "template";

export interface LiveWorkout {
  id: string;
  version: number;
  origin: LiveOrigin;
  state: LiveState;
  /** Ids of the newest operations applied (lib/live/op-log.ts): the browser drops these from its queue. */
  appliedOpIds: string[];
}

/** Another tab or device saved first: the answer carries the current workout so the client can rebase. */
class LiveConflictError extends UserError {
  constructor(current: LiveWorkout | null) {
    super(current ? "This workout changed on another screen; your changes were applied to the newest version." : "This workout has ended.", {
      code: current ? "live_conflict" : "live_gone",
      status: 409,
      details: { current },
    });
  }
}

class LiveWorkoutActiveError extends UserError {
  constructor(current: LiveWorkout) {
    super("You already have a workout in progress. Finish or discard it first.", { code: "live_active", status: 409, details: { current } });
  }
}

const NOT_FOUND = "This workout is not in progress any more.";

/**
 * Compound lifts rest longer: olympic lifts, barbell and trap-bar work, and free-weight moves
 * whose primary muscles span two groups or more. Everything else is an accessory.
 */
function isCompound(category: string, equipment: string, primary: string[]): boolean {
  if (category === "olympic") return true;
  if (category === "cardio" || category === "mobility") return false;
  if (/barbell|trap/.test(equipment)) return true;
  return primary.length >= 2 && category !== "machine";
}

/** Catalog facts for exercises this user may use (the catalog and their own); unknown or foreign ids are absent. */
export async function exerciseMeta(db: Queryable, userId: string, ids: string[]): Promise<Map<string, ExerciseMeta>> {
  const wanted = [...new Set(ids.filter(isUuid))];
  const out = new Map<string, ExerciseMeta>();
  if (!wanted.length) return out;
  const r = await db.execute(sql`
    select id, name, category, equipment, primary_muscles
    from exercises
    where id = any(${`{${wanted.join(",")}}`}::uuid[]) and (owner_user_id is null or owner_user_id = ${userId})
  `);
  for (const x of r.rows as { id: string; name: string; category: string; equipment: string; primary_muscles: string[] | string }[]) {
    const primary = Array.isArray(x.primary_muscles) ? x.primary_muscles : String(x.primary_muscles).replace(/[{}]/g, "").split(",").filter(Boolean);
    out.set(String(x.id), {
      exerciseId: String(x.id),
      name: x.name,
      compound: isCompound(x.category, x.equipment, primary),
      barbell: /barbell/.test(x.equipment) && !/ez/.test(x.equipment),
    });
  }
  return out;
}

function toWorkout(row: typeof liveWorkouts.$inferSelect): LiveWorkout {
  return { id: row.id, version: row.version, origin: row.origin as LiveOrigin, state: row.state as LiveState, appliedOpIds: row.appliedOpIds ?? [] };
}

export async function getLiveWorkout(db: Queryable, userId: string): Promise<LiveWorkout | null> {
  const [row] = await db.select().from(liveWorkouts).where(eq(liveWorkouts.userId, userId)).limit(1);
  return row ? toWorkout(row) : null;
}

export async function ownedWorkout(db: Queryable, userId: string, workoutId: string): Promise<LiveWorkout> {
  if (!isUuid(workoutId)) throw new NotFoundError(NOT_FOUND);
  const [row] = await db
    .select()
    .from(liveWorkouts)
    .where(and(eq(liveWorkouts.id, workoutId), eq(liveWorkouts.userId, userId)))
    .limit(1);
  if (!row) throw new NotFoundError(NOT_FOUND);
  return toWorkout(row);
}

/**
 * Records of the completed sets, recomputed from the whole history (imports included) plus the
 * sets completed earlier in this workout, in completion order. Whatever `prs` the state held is replaced.
 * Session volume is the exercise's record as the finished session will hold it (lib/workouts/records.ts):
 * it goes on the one set whose completion first takes the exercise's working-set volume in this
 * workout past its best previous session — so un-completing that set moves it, or removes it.
 */
async function withRecords(db: Queryable, userId: string, state: LiveState, only?: ReadonlySet<string>): Promise<LiveState> {
  const mine = (exerciseId: string) => !only || only.has(exerciseId);
  const ids = [...new Set(state.exercises.map((e) => e.exerciseId))].filter(mine);
  const history = ids.length ? await loadRecordHistory(db, userId, { exerciseIds: ids }) : [];
  const bests = computeRecords(history).bests;
  const done = state.exercises
    .filter((e) => mine(e.exerciseId))
    .flatMap((e) => e.sets.map((s) => ({ e, s })))
    .filter((x) => x.s.completedAt)
    .sort((a, b) => Date.parse(a.s.completedAt!) - Date.parse(b.s.completedAt!));
  const volume = new Map<string, number>();
  for (const e of state.exercises) if (mine(e.exerciseId)) for (const s of e.sets) s.prs = [];
  for (const { e, s } of done) {
    const b = bests.get(e.exerciseId) ?? emptyBests();
    s.prs = newSetRecords(b, s);
    const before = volume.get(e.exerciseId) ?? 0;
    const after = before + setVolumeKg(s);
    volume.set(e.exerciseId, after);
    if (isVolumeRecord(b, after) && !isVolumeRecord(b, before)) s.prs.push("volume");
    addSet(b, s);
    bests.set(e.exerciseId, b);
  }
  return state;
}

/**
 * The exercises whose records a batch of operations can change: those it names (by key, before or
 * after the batch) or adds. A save recomputes only theirs — reading the whole workout's history took
 * most of a save's time — and the others keep the records they have.
 */
function exercisesTouched(before: LiveState, after: LiveState, ops: LiveOp[]): Set<string> {
  const idOf = new Map([...before.exercises, ...after.exercises].map((e) => [e.key, e.exerciseId]));
  const ids = new Set<string>();
  for (const o of ops) {
    if (o.op === "addExercise") ids.add(o.exerciseId);
    const key = "exerciseKey" in o ? o.exerciseKey : null;
    const id = key ? idOf.get(key) : undefined;
    if (id) ids.add(id);
  }
  return ids;
}

/** The exercises a new workout starts with, as ops (so starting and editing share one path). */
function startOps(exercises: StartExercise[]): LiveOp[] {
  return exercises.map((x) => ({
    op: "addExercise" as const,
    key: newKey(),
    exerciseId: x.exerciseId,
    sets: x.sets.slice(0, 100).map((s) => ({ key: newKey(), weightKg: s.weightKg, reps: s.reps, setType: s.setType })),
  }));
}

export async function startLiveWorkout(
  db: Db,
  userId: string,
  start: { origin: LiveOrigin; name: string; exercises: StartExercise[] },
  now = new Date(),
): Promise<LiveWorkout> {
  const existing = await getLiveWorkout(db, userId);
  if (existing) throw new LiveWorkoutActiveError(existing);
  const settings = await getLiveSettings(db, userId);
  const meta = await exerciseMeta(
    db,
    userId,
    start.exercises.map((e) => e.exerciseId),
  );
  const empty: LiveState = { name: start.name, startedAt: now.toISOString(), notes: "", exercises: [], rest: null };
  // Exercises that are gone from the catalog (or were never this user's) are left out, not fatal.
  const state = applyOps(empty, startOps(start.exercises.filter((e) => meta.has(e.exerciseId))), {
    meta: (id) => meta.get(id),
    now,
    restDefaults: { compound: settings.restCompoundSeconds, accessory: settings.restAccessorySeconds },
  });
  const [row] = await db
    .insert(liveWorkouts)
    .values({ userId, state, origin: start.origin, startedAt: now, version: 1 })
    .onConflictDoNothing({ target: liveWorkouts.userId })
    .returning();
  if (!row) {
    const current = await getLiveWorkout(db, userId);
    if (current) throw new LiveWorkoutActiveError(current);
    throw new UserError("The workout could not start. Try again.", { code: "live_start_failed", status: 409 });
  }
  return toWorkout(row);
}

/**
 * Applies the client's operations to the version it edited. Another save in between → 409 with
 * the current workout (LiveConflictError); the client rebases its queued operations and retries.
 * The version check and the write are one conditional UPDATE, so two instances cannot both win.
 */
export async function saveLiveOps(
  db: Db,
  userId: string,
  input: { workoutId: string; version: number; ops: QueuedOp[] },
  now = new Date(),
): Promise<LiveWorkout> {
  const current = await ownedWorkout(db, userId, input.workoutId);
  if (current.version !== input.version) throw new LiveConflictError(current);
  const settings = await getLiveSettings(db, userId);
  const meta = await exerciseMeta(
    db,
    userId,
    input.ops.flatMap((q) => (q.op.op === "addExercise" ? [q.op.exerciseId] : [])),
  );
  let applied: ReturnType<typeof applyOnce>;
  try {
    // Operations whose ids this workout already applied (a resent save) are skipped.
    applied = applyOnce(current.state, current.appliedOpIds, input.ops, {
      meta: (id) => meta.get(id),
      now,
      restDefaults: { compound: settings.restCompoundSeconds, accessory: settings.restAccessorySeconds },
    });
  } catch (err) {
    if (err instanceof LiveOpError) throw new UserError(err.message, { code: "live_op_rejected", status: 422, details: { current } });
    throw err;
  }
  if (!applied.fresh.length) return current;
  const next = await withRecords(
    db,
    userId,
    applied.state,
    exercisesTouched(
      current.state,
      applied.state,
      applied.fresh.map((q) => q.op),
    ),
  );
  const [row] = await db
    .update(liveWorkouts)
    .set({ state: next, appliedOpIds: applied.appliedOpIds, version: sql`${liveWorkouts.version} + 1`, updatedAt: now })
    .where(and(eq(liveWorkouts.id, current.id), eq(liveWorkouts.userId, userId), eq(liveWorkouts.version, input.version)))
    .returning();
  if (!row) throw new LiveConflictError(await getLiveWorkout(db, userId));
  return toWorkout(row);
}

export async function discardLiveWorkout(db: Queryable, userId: string, workoutId: string): Promise<void> {
  if (!isUuid(workoutId)) throw new NotFoundError(NOT_FOUND);
  const gone = await db
    .delete(liveWorkouts)
    .where(and(eq(liveWorkouts.id, workoutId), eq(liveWorkouts.userId, userId)))
    .returning({ id: liveWorkouts.id });
  if (!gone.length) throw new NotFoundError(NOT_FOUND);
}

export interface LiveSummary {
  sessionId: string;
  name: string;
  minutes: number;
  sets: number;
  volumeKg: number;
  prs: { exercise: string; kind: RecordKind; label: string; value: number; previous: number | null }[];
  /** Volume of the same exercises last time they were done (null when none were done before). */
  lastVolumeKg: number | null;
}

/** Working-set volume of last time's sets of these exercises. */
export function lastVolumeOf(last: Map<string, LastSets>): number | null {
  if (!last.size) return null;
  let v = 0;
  for (const l of last.values())
    for (const s of l.sets) if (s.setType !== "warmup" && s.weightKg !== null && s.reps !== null) v += s.weightKg * s.reps;
  return Math.round(v * 100) / 100;
}

/**
 * Finish: the completed sets become a normal session (source 'live') through the shared writer,
 * the in-progress row goes, and the summary (duration, working-set volume, records, against last
 * time) comes back. Records are those the workouts pages will show for the session.
 */
export async function finishLiveWorkout(
  db: Db,
  userId: string,
  input: { workoutId: string; version: number },
  now = new Date(),
): Promise<LiveSummary> {
  const current = await ownedWorkout(db, userId, input.workoutId);
  if (current.version !== input.version) throw new LiveConflictError(current);
  const state = current.state;
  if (completedSets(state) === 0)
    throw new UserError("Complete at least one set before finishing — or discard the workout.", { code: "live_empty", status: 422 });
  const startedAt = new Date(state.startedAt);
  const lastDone = Math.max(...state.exercises.flatMap((e) => e.sets.filter((s) => s.completedAt).map((s) => Date.parse(s.completedAt!))));
  const endedAt = new Date(Math.min(Math.max(now.getTime(), lastDone), startedAt.getTime() + 24 * 3600_000));
  const exercises = state.exercises
    .map((e) => ({
      exerciseId: e.exerciseId,
      sets: e.sets
        .filter((s) => s.completedAt)
        .map((s) => ({
          setType: s.setType,
          weightKg: s.weightKg,
          reps: s.reps,
          rpe: s.rpe,
          durationSeconds: null,
          distanceM: null,
          notes: null,
        })),
    }))
    .filter((e) => e.sets.length > 0);
  const notes = [state.notes.trim(), ...state.exercises.filter((e) => e.notes.trim()).map((e) => `${e.name}: ${e.notes.trim()}`)]
    .filter(Boolean)
    .join("\n");
  const last = await lastSessionSets(
    db,
    userId,
    exercises.map((e) => e.exerciseId),
    startedAt,
  );
  const sessionId = await db.transaction(async (tx) => {
    const gone = await tx
      .delete(liveWorkouts)
      .where(and(eq(liveWorkouts.id, current.id), eq(liveWorkouts.userId, userId), eq(liveWorkouts.version, input.version)))
      .returning({ id: liveWorkouts.id });
    if (!gone.length) throw new LiveConflictError(await getLiveWorkout(tx, userId));
    const { id } = await writeSession(tx, userId, {
      name: state.name,
      notes: notes ? notes.slice(0, 10_000) : null,
      startedAt,
      endedAt,
      source: "live",
      exercises,
    });
    return id;
  });
  const records = await loadRecords(
    db,
    userId,
    exercises.map((e) => e.exerciseId),
  );
  const names = new Map(state.exercises.map((e) => [e.exerciseId, e.name]));
  return {
    sessionId,
    name: state.name,
    minutes: Math.max(1, Math.round((endedAt.getTime() - startedAt.getTime()) / 60_000)),
    sets: completedSets(state),
    volumeKg: completedVolumeKg(state),
    prs: (records.bySession.get(sessionId) ?? []).map((r) => ({
      exercise: names.get(r.exerciseId) ?? "",
      kind: r.kind,
      label: RECORD_LABELS[r.kind],
      value: r.value,
      previous: r.previous,
    })),
    lastVolumeKg: lastVolumeOf(last),
  };
}

/** The numbers "last: 100 × 5" shows for every exercise of the workout. */
export async function lastTimeFor(db: Queryable, userId: string, state: LiveState): Promise<Record<string, LastSets>> {
  const m = await lastSessionSets(
    db,
    userId,
    state.exercises.map((e) => e.exerciseId),
    new Date(state.startedAt),
  );
  return Object.fromEntries(m);
}

export const startSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("empty") }).strict(),
  z.object({ kind: z.literal("plan") }).strict(),
  z.object({ kind: z.literal("repeat"), sessionId: z.uuid() }).strict(),
  z.object({ kind: z.literal("template"), templateId: z.uuid() }).strict(),
]);

/** A past session of this user as a starting point (its sets as the prefill). */
export async function sessionAsStart(db: Queryable, userId: string, sessionId: string): Promise<{ name: string; exercises: StartExercise[] }> {
  const r = await db.execute(sql`
    select w.name, s.exercise_id, s.set_type, s.weight_kg::float8 as weight_kg, s.reps
    from workout_sessions w
    join exercise_sets s on s.session_id = w.id and s.user_id = w.user_id
    where w.id = ${sessionId} and w.user_id = ${userId}
    order by s.position
  `);
  const rows = r.rows as { name: string; exercise_id: string; set_type: string; weight_kg: number | null; reps: number | null }[];
  if (!rows.length) throw new NotFoundError("That workout does not exist.");
  const exercises: StartExercise[] = [];
  for (const x of rows) {
    let block = exercises[exercises.length - 1];
    if (!block || block.exerciseId !== x.exercise_id) exercises.push((block = { exerciseId: String(x.exercise_id), sets: [] }));
    block.sets.push({
      weightKg: x.weight_kg === null ? null : Number(x.weight_kg),
      reps: x.reps === null ? null : Number(x.reps),
      setType: (SET_TYPES as readonly string[]).includes(x.set_type) ? (x.set_type as StartExercise["sets"][number]["setType"]) : "normal",
    });
  }
  return { name: rows[0].name, exercises };
}
