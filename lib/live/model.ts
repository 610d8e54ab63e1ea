import { z } from "zod";
import { SET_TYPES, type SetType } from "@/lib/workouts/constants";
import { MAX_EXERCISES, MAX_SETS_PER_EXERCISE, MAX_WEIGHT_KG } from "@/lib/workouts/limits";
import { restAfter } from "./superset";

/**
 * The live workout in progress: one JSON document per user (table live_workouts), changed only by
 * the operations below. The same pure reducer runs in the browser (optimistic updates, the offline
 * queue, rebasing queued operations onto a newer server version after a 409) and on the server
 * (the stored truth). Numbers the server derives — exercise names and kinds, records, rest end —
 * are recomputed there; whatever the client claims about them is ignored.
 */

const REST_DEFAULTS = { compound: 180, accessory: 90 } as const;
const MAX_REST_SECONDS = 1800;
const MAX_LIVE_NOTE = 2000;

type LivePrKind = "weight" | "e1rm" | "reps" | "volume";

export interface LiveSet {
  key: string;
  setType: SetType;
  weightKg: number | null;
  reps: number | null;
  rpe: number | null;
  /** Prefill from the plan, template or last time (what "target" means in a cue). */
  target: { weightKg: number | null; reps: number | null } | null;
  completedAt: string | null;
  /** Records this set set when completed (server-computed against the whole history). */
  prs: LivePrKind[];
}

export interface LiveExercise {
  key: string;
  exerciseId: string;
  name: string;
  compound: boolean;
  barbell: boolean;
  restSeconds: number;
  /** Exercises sharing a group id are a superset. */
  superset: string | null;
  notes: string;
  sets: LiveSet[];
}

export interface LiveRest {
  startedAt: string;
  seconds: number;
  exerciseKey: string;
  setKey: string;
}

export interface LiveState {
  name: string;
  startedAt: string;
  notes: string;
  exercises: LiveExercise[];
  rest: LiveRest | null;
}

/** What the catalog says about an exercise (the server looks it up; the browser copies its list). */
export interface ExerciseMeta {
  exerciseId: string;
  name: string;
  compound: boolean;
  barbell: boolean;
}

const key = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/);
const kg = z.number().min(0).max(MAX_WEIGHT_KG).nullable();
const reps = z.number().int().min(0).max(1000).nullable();
const rpe = z.number().min(1).max(10).nullable();
const iso = z.iso.datetime({ offset: true });
const setPatch = z.object({ weightKg: kg.optional(), reps: reps.optional(), rpe: rpe.optional(), setType: z.enum(SET_TYPES).optional() }).strict();

export const liveOpSchema = z.discriminatedUnion("op", [
  z.object({ op: z.literal("rename"), name: z.string().trim().min(1).max(200) }).strict(),
  z.object({ op: z.literal("notes"), exerciseKey: key.nullable(), text: z.string().max(MAX_LIVE_NOTE) }).strict(),
  z
    .object({
      op: z.literal("addExercise"),
      key,
      exerciseId: z.uuid(),
      /** Shown until the server answers; the server's catalog name replaces it. */
      name: z.string().max(120).optional(),
      sets: z
        .array(z.object({ key, weightKg: kg, reps, setType: z.enum(SET_TYPES).optional() }).strict())
        .max(MAX_SETS_PER_EXERCISE)
        .optional(),
    })
    .strict(),
  z.object({ op: z.literal("removeExercise"), exerciseKey: key }).strict(),
  z.object({ op: z.literal("moveExercise"), exerciseKey: key, dir: z.union([z.literal(-1), z.literal(1)]) }).strict(),
  z.object({ op: z.literal("superset"), exerciseKey: key, on: z.boolean() }).strict(),
  z.object({ op: z.literal("restSeconds"), exerciseKey: key, seconds: z.number().int().min(0).max(MAX_REST_SECONDS) }).strict(),
  z.object({ op: z.literal("addSet"), exerciseKey: key, key }).strict(),
  z.object({ op: z.literal("removeSet"), exerciseKey: key, setKey: key }).strict(),
  z.object({ op: z.literal("moveSet"), exerciseKey: key, setKey: key, dir: z.union([z.literal(-1), z.literal(1)]) }).strict(),
  z.object({ op: z.literal("updateSet"), exerciseKey: key, setKey: key, patch: setPatch }).strict(),
  z.object({ op: z.literal("completeSet"), exerciseKey: key, setKey: key, at: iso, patch: setPatch.optional() }).strict(),
  z.object({ op: z.literal("uncompleteSet"), exerciseKey: key, setKey: key }).strict(),
  z.object({ op: z.literal("restAdjust"), deltaSeconds: z.number().int().min(-MAX_REST_SECONDS).max(MAX_REST_SECONDS) }).strict(),
  z.object({ op: z.literal("restSkip") }).strict(),
]);
/** One change to the workout; sent with an id (lib/live/op-log.ts) so it applies exactly once. */
export type LiveOp = z.output<typeof liveOpSchema>;

/** A workout to start from: exercises with prefilled sets (plan, template or a past session). */
export interface StartExercise {
  exerciseId: string;
  sets: { weightKg: number | null; reps: number | null; setType?: SetType }[];
}

/** Why an operation could not apply (the client shows it; nothing else changes). */
export class LiveOpError extends Error {}

let counter = 0;
/** A short unique key for a new exercise or set (browser and server). */
export function newKey(): string {
  counter = (counter + 1) % 1_000_000;
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}${counter.toString(36)}`;
}

function restFor(meta: { compound: boolean }, defaults: { compound: number; accessory: number } = REST_DEFAULTS): number {
  return meta.compound ? defaults.compound : defaults.accessory;
}

function findExercise(s: LiveState, k: string): LiveExercise {
  const e = s.exercises.find((x) => x.key === k);
  if (!e) throw new LiveOpError("That exercise is no longer in this workout.");
  return e;
}

function findSet(e: LiveExercise, k: string): LiveSet {
  const set = e.sets.find((x) => x.key === k);
  if (!set) throw new LiveOpError("That set is no longer in this workout.");
  return set;
}

function blankSet(k: string, from?: Partial<LiveSet>): LiveSet {
  return {
    key: k,
    setType: from?.setType ?? "normal",
    weightKg: from?.weightKg ?? null,
    reps: from?.reps ?? null,
    rpe: null,
    target: from?.weightKg != null || from?.reps != null ? { weightKg: from?.weightKg ?? null, reps: from?.reps ?? null } : null,
    completedAt: null,
    prs: [],
  };
}

function applyPatch(set: LiveSet, patch: z.output<typeof setPatch> | undefined) {
  if (!patch) return;
  if (patch.weightKg !== undefined) set.weightKg = patch.weightKg;
  if (patch.reps !== undefined) set.reps = patch.reps;
  if (patch.rpe !== undefined) set.rpe = patch.rpe;
  if (patch.setType !== undefined) set.setType = patch.setType;
}

/**
 * Applies operations to a copy of the state. `meta` describes exercises added by the operations
 * (the server passes what its catalog says; unknown ids are refused there before this runs).
 * `now` bounds completion times: a queued offline completion keeps its own time, never a future one.
 */
export function applyOps(
  state: LiveState,
  ops: LiveOp[],
  ctx: { meta: (exerciseId: string) => ExerciseMeta | undefined; now: Date; restDefaults?: { compound: number; accessory: number } },
): LiveState {
  const s: LiveState = structuredClone(state);
  for (const op of ops) {
    switch (op.op) {
      case "rename":
        s.name = op.name;
        break;
      case "notes":
        if (op.exerciseKey === null) s.notes = op.text;
        else findExercise(s, op.exerciseKey).notes = op.text;
        break;
      case "addExercise": {
        if (s.exercises.some((e) => e.key === op.key)) break; // replayed
        if (s.exercises.length >= MAX_EXERCISES) throw new LiveOpError(`A workout holds up to ${MAX_EXERCISES} exercises.`);
        const m = ctx.meta(op.exerciseId);
        if (!m) throw new LiveOpError("That exercise is not in your catalog.");
        s.exercises.push({
          key: op.key,
          exerciseId: m.exerciseId,
          name: m.name,
          compound: m.compound,
          barbell: m.barbell,
          restSeconds: restFor(m, ctx.restDefaults),
          superset: null,
          notes: "",
          sets: (op.sets ?? []).map((x) => blankSet(x.key, { weightKg: x.weightKg, reps: x.reps, setType: x.setType })),
        });
        break;
      }
      case "removeExercise": {
        const i = s.exercises.findIndex((e) => e.key === op.exerciseKey);
        if (i >= 0) s.exercises.splice(i, 1);
        if (s.rest?.exerciseKey === op.exerciseKey) s.rest = null;
        break;
      }
      case "moveExercise": {
        const i = s.exercises.findIndex((e) => e.key === op.exerciseKey);
        const j = i + op.dir;
        if (i < 0 || j < 0 || j >= s.exercises.length) break;
        [s.exercises[i], s.exercises[j]] = [s.exercises[j], s.exercises[i]];
        break;
      }
      case "superset": {
        // Links the exercise with the next one (on), or takes it out of its superset (off).
        const i = s.exercises.findIndex((e) => e.key === op.exerciseKey);
        if (i < 0) throw new LiveOpError("That exercise is no longer in this workout.");
        const e = s.exercises[i];
        if (!op.on) e.superset = null;
        else {
          const next = s.exercises[i + 1];
          if (!next) throw new LiveOpError("Add another exercise below to make a superset.");
          const group = e.superset ?? next.superset ?? e.key;
          e.superset = group;
          next.superset = group;
        }
        // A group of one is no superset.
        for (const x of s.exercises) if (x.superset && s.exercises.filter((y) => y.superset === x.superset).length < 2) x.superset = null;
        break;
      }
      case "restSeconds":
        findExercise(s, op.exerciseKey).restSeconds = op.seconds;
        break;
      case "addSet": {
        const e = findExercise(s, op.exerciseKey);
        if (e.sets.some((x) => x.key === op.key)) break;
        if (e.sets.length >= MAX_SETS_PER_EXERCISE) throw new LiveOpError(`An exercise holds up to ${MAX_SETS_PER_EXERCISE} sets.`);
        const last = e.sets[e.sets.length - 1];
        e.sets.push(
          blankSet(op.key, last ? { weightKg: last.weightKg, reps: last.reps, setType: last.setType === "warmup" ? "normal" : last.setType } : {}),
        );
        break;
      }
      case "removeSet": {
        const e = findExercise(s, op.exerciseKey);
        e.sets = e.sets.filter((x) => x.key !== op.setKey);
        if (s.rest?.setKey === op.setKey) s.rest = null;
        break;
      }
      case "moveSet": {
        const e = findExercise(s, op.exerciseKey);
        const i = e.sets.findIndex((x) => x.key === op.setKey);
        const j = i + op.dir;
        if (i < 0 || j < 0 || j >= e.sets.length) break;
        [e.sets[i], e.sets[j]] = [e.sets[j], e.sets[i]];
        break;
      }
      case "updateSet":
        applyPatch(findSet(findExercise(s, op.exerciseKey), op.setKey), op.patch);
        break;
      case "completeSet": {
        const e = findExercise(s, op.exerciseKey);
        const set = findSet(e, op.setKey);
        applyPatch(set, op.patch);
        if (set.weightKg === null && set.reps === null) throw new LiveOpError("Enter the weight or the reps first.");
        if (set.completedAt) break;
        const startMs = Date.parse(s.startedAt);
        const at = new Date(Math.min(Math.max(Date.parse(op.at), startMs), ctx.now.getTime()));
        set.completedAt = at.toISOString();
        const seconds = restAfter(s, e, set);
        s.rest = seconds > 0 ? { startedAt: set.completedAt, seconds, exerciseKey: e.key, setKey: set.key } : null;
        break;
      }
      case "uncompleteSet": {
        const set = findSet(findExercise(s, op.exerciseKey), op.setKey);
        set.completedAt = null;
        set.prs = [];
        if (s.rest?.setKey === op.setKey) s.rest = null;
        break;
      }
      case "restAdjust":
        if (s.rest) s.rest.seconds = Math.min(MAX_REST_SECONDS, Math.max(0, s.rest.seconds + op.deltaSeconds));
        break;
      case "restSkip":
        s.rest = null;
        break;
    }
  }
  return s;
}

/** Seconds of rest left at `now` (negative once over); null when no rest is running. From timestamps, so a locked phone stays right. */
export function restRemaining(rest: LiveRest | null, now: number): number | null {
  if (!rest) return null;
  return Math.ceil((Date.parse(rest.startedAt) + rest.seconds * 1000 - now) / 1000);
}

export function isWorkingSet(set: Pick<LiveSet, "setType">): boolean {
  return set.setType !== "warmup";
}

/** Working-set volume of the completed sets (kg), the number the finished session will show. */
export function completedVolumeKg(state: LiveState): number {
  let v = 0;
  for (const e of state.exercises)
    for (const set of e.sets) if (set.completedAt && isWorkingSet(set) && set.weightKg !== null && set.reps !== null) v += set.weightKg * set.reps;
  return Math.round(v * 100) / 100;
}

export function completedSets(state: LiveState): number {
  return state.exercises.reduce((n, e) => n + e.sets.filter((x) => x.completedAt).length, 0);
}

/** The next set to do (supersets alternate round by round): ./superset.ts. */
export { nextSet } from "./superset";

/** Plates per side for a barbell weight: greedy over the available plates (each available in pairs, unlimited). */
export function platesPerSide(totalKg: number, barKg: number, plates: number[]): { plates: number[]; remainder: number } | null {
  if (totalKg < barKg) return null;
  let side = Math.round(((totalKg - barKg) / 2) * 1000) / 1000;
  const out: number[] = [];
  for (const p of [...plates].sort((a, b) => b - a)) {
    while (p > 0 && side + 1e-9 >= p) {
      out.push(p);
      side = Math.round((side - p) * 1000) / 1000;
    }
  }
  return { plates: out, remainder: side };
}
