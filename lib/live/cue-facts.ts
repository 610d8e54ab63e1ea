import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { getChatPersona } from "@/lib/coach/chat-persona";
import { strainFor, LONG_REST_FACTOR } from "@/lib/cues/triggers";
import { CUE_TRIGGERS, type CueFacts, type CueRequest, type CueTrigger, type SetFact } from "@/lib/cues/types";
import { UserError } from "@/lib/errors/user-error";
import { getProfile } from "@/lib/users/profile";
import { computeRecords, e1rmKg, emptyBests, addSet, setVolumeKg, type HistorySet } from "@/lib/workouts/records";
import { loadRecordHistory } from "@/lib/workouts/record-history";
import { getViewerPrefs } from "@/lib/workouts/viewer";
import { completedSets, completedVolumeKg, isWorkingSet, type LiveExercise, type LiveSet, type LiveState } from "./model";
import { lastVolumeOf, ownedWorkout, type LiveWorkout } from "./workout";
import { lastSessionSets, type LastSets } from "@/lib/workouts/previous";
import { livePersona } from "./screen";

/**
 * A cue request from the live screen names a moment, never a number: the workout, the trigger and
 * which set. The server reads the stored workout, the lifter's history and the coach's safety rules
 * and builds the facts itself (lib/cues then writes a cue grounded in them).
 */
export const liveCueEventSchema = z
  .object({
    workoutId: z.uuid(),
    trigger: z.enum(CUE_TRIGGERS),
    exerciseKey: z.string().max(40).optional(),
    setKey: z.string().max(40).optional(),
    /** The lifter tapped "it hurts" on this exercise. */
    painReported: z.boolean().optional(),
    seed: z.string().max(100).optional(),
    /** Asked ahead of its moment (the player's prefetch): counted only once the browser reports it shown. */
    prefetch: z.boolean().optional(),
  })
  .strict();
export type LiveCueEvent = z.output<typeof liveCueEventSchema>;

/** The moment has passed or its conditions do not hold (no strain, no set done): no cue. */
class CueNotDueError extends UserError {
  constructor(reason: string) {
    super(reason, { code: "cue_not_due", status: 409 });
  }
}

const monthFormats = new Map<string, Intl.DateTimeFormat>();
/** "October" — a month name carries no digits, so it never trips the grounding check. */
function monthName(iso: string, timeZone: string): string {
  let f = monthFormats.get(timeZone);
  if (!f) monthFormats.set(timeZone, (f = new Intl.DateTimeFormat("en-GB", { timeZone, month: "long" })));
  return f.format(new Date(iso));
}

const fact = (s: { weightKg: number | null; reps: number | null; rpe?: number | null }): SetFact => ({
  weightKg: s.weightKg,
  reps: s.reps,
  rpe: s.rpe ?? null,
});

function locate(state: LiveState, exerciseKey?: string, setKey?: string): { e: LiveExercise; set: LiveSet; index: number } | null {
  const e = state.exercises.find((x) => x.key === exerciseKey);
  if (!e) return null;
  const index = e.sets.findIndex((x) => x.key === setKey);
  return index >= 0 ? { e, set: e.sets[index], index } : null;
}

/** The same set last time: the n-th working set of that exercise in its last session. */
function lastTimeSet(last: LastSets | undefined, workingIndex: number, timeZone: string): CueFacts["lastTime"] {
  const working = last?.sets.filter((s) => s.setType !== "warmup") ?? [];
  const s = working[Math.min(workingIndex, working.length - 1)];
  return s ? { ...fact(s), when: monthName(last!.startedAt, timeZone) } : null;
}

/** The sets of this exercise done in this workout up to `set` (itself included), in completion order. */
function doneUpTo(state: LiveState, e: LiveExercise, set: LiveSet): LiveSet[] {
  return state.exercises
    .flatMap((x) =>
      x.exerciseId === e.exerciseId ? x.sets.filter((s) => s.completedAt && Date.parse(s.completedAt) <= Date.parse(set.completedAt!)) : [],
    )
    .sort((a, b) => Date.parse(a.completedAt!) - Date.parse(b.completedAt!));
}

/**
 * Session volume: the exercise's working-set volume in this workout once this set was done, against
 * the best previous session (the same rule as computeRecords) and the session that set it.
 */
function volumePrFact(history: HistorySet[], state: LiveState, e: LiveExercise, set: LiveSet, timeZone: string): CueFacts["pr"] {
  const previous = computeRecords(history).bests.get(e.exerciseId)?.sessionVolumeKg ?? null;
  const bySession = new Map<string, { at: Date; kg: number }>();
  for (const h of history) {
    const x = bySession.get(h.sessionId) ?? { at: h.startedAt, kg: 0 };
    x.kg += setVolumeKg(h);
    bySession.set(h.sessionId, x);
  }
  // computeRecords keeps the first session to reach the best (a tie is no record), so the earliest one is "when".
  const from = [...bySession.values()].filter((x) => x.kg === previous).sort((a, b) => a.at.getTime() - b.at.getTime())[0];
  const value = doneUpTo(state, e, set).reduce((v, s) => v + setVolumeKg(s), 0);
  return { kind: "volume", value: Math.round(value * 100) / 100, previous, previousWhen: from ? monthName(from.at.toISOString(), timeZone) : null };
}

/** The record the set beat: the best before it (history + earlier sets of this workout) and when it was set. */
function prFact(history: HistorySet[], state: LiveState, e: LiveExercise, set: LiveSet, timeZone: string): CueFacts["pr"] {
  const kind = set.prs[0];
  if (!kind) return null;
  if (kind === "volume") return volumePrFact(history, state, e, set, timeZone);
  const bests = computeRecords(history).bests.get(e.exerciseId) ?? emptyBests();
  const when = new Map<number, string>();
  for (const h of history) {
    const v = kind === "weight" ? h.weightKg : kind === "e1rm" ? e1rmKg(h.weightKg, h.reps) : h.reps;
    if (v !== null && !when.has(v)) when.set(v, h.startedAt.toISOString());
  }
  for (const s of doneUpTo(state, e, set)) if (s !== set) addSet(bests, s);
  const w = set.weightKg ?? 0;
  const previous =
    kind === "weight"
      ? bests.weightKg
      : kind === "e1rm"
        ? bests.e1rmKg
        : bests.repsFrontier.filter((p) => p.weightKg >= w).reduce((m, p) => Math.max(m, p.reps), 0) || null;
  const value = kind === "weight" ? w : kind === "e1rm" ? e1rmKg(set.weightKg, set.reps)! : (set.reps ?? 0);
  const at = previous !== null ? when.get(previous) : undefined;
  return { kind, value, previous, previousWhen: at ? monthName(at, timeZone) : null };
}

/**
 * Builds the cue request for a moment of the lifter's stored workout. Refuses moments that have
 * passed (a set-start cue for a set already done, a set-end cue for a set not done) so a stale cue
 * is never written.
 */
export async function buildLiveCue(
  db: Db,
  userId: string,
  event: LiveCueEvent,
  now = new Date(),
  /** The workout as a save just stored it (owner-checked there): saves reading it again. */
  saved?: LiveWorkout,
): Promise<CueRequest> {
  const workout: LiveWorkout = saved?.id === event.workoutId ? saved : await ownedWorkout(db, userId, event.workoutId);
  const state = workout.state;
  const [{ unit, timeZone }, profile, coach, persona] = await Promise.all([
    getViewerPrefs(db, userId),
    getProfile(db, userId),
    getChatPersona(db, userId).catch(() => null),
    livePersona(db, userId),
  ]);
  const facts: CueFacts = {
    unit,
    firstName: profile.displayName?.split(/\s+/)[0]?.slice(0, 40) || null,
    workoutName: state.name.slice(0, 80),
    safety: { avoid: (coach?.avoid ?? []).slice(0, 32).map((a) => a.slice(0, 80)), painReported: event.painReported || undefined },
  };
  let trigger: CueTrigger = event.trigger;
  const at = locate(state, event.exerciseKey, event.setKey);
  if (trigger === "set-start" || trigger === "set-end" || trigger === "strainsync") {
    if (!at) throw new CueNotDueError("That set is no longer in this workout.");
    const { e, set } = at;
    const last = (await lastSessionSets(db, userId, [e.exerciseId], new Date(state.startedAt))).get(e.exerciseId);
    const workingIndex = e.sets.filter((s, i) => i < at.index && isWorkingSet(s)).length;
    const done = e.sets.filter((s) => s.completedAt);
    facts.exercise = { name: e.name.slice(0, 80), setNumber: at.index + 1, totalSets: e.sets.length, compound: e.compound };
    facts.target = set.target ?? { weightKg: set.weightKg, reps: set.reps };
    facts.lastTime = lastTimeSet(last, workingIndex, timeZone);
    facts.restSeconds = e.restSeconds;
    // The set done before this one (for set-start: the last one done) — a set that repeats it gets a "same again" cue.
    const prevDone = done.filter((s) => s.key !== set.key && (!set.completedAt || Date.parse(s.completedAt!) <= Date.parse(set.completedAt))).at(-1);
    facts.previous = prevDone ? fact(prevDone) : null;
    if (trigger === "set-start") {
      if (set.completedAt) throw new CueNotDueError("That set is already done.");
      facts.target = { weightKg: set.weightKg, reps: set.reps };
    } else {
      if (trigger === "set-end") {
        if (!set.completedAt) throw new CueNotDueError("That set is not done yet.");
        facts.done = fact(set);
        if (set.prs.length) {
          const history = await loadRecordHistory(db, userId, { exerciseIds: [e.exerciseId] });
          facts.pr = prFact(history, state, e, set, timeZone);
        }
      } else {
        // strainsync: after a set (RPE rising, reps falling, pain) or during a long rest.
        const rest = state.rest;
        const elapsed = rest ? (now.getTime() - Date.parse(rest.startedAt)) / 1000 : 0;
        if (set.completedAt) {
          facts.done = fact(set);
          const strain = strainFor({
            type: "set-complete",
            done: fact(set),
            previous: facts.previous,
            lastTime: facts.lastTime ?? null,
            pr: set.prs.length > 0,
          });
          if (!strain && !event.painReported) throw new CueNotDueError("Effort is on plan.");
          facts.strain = strain;
        } else if (rest && rest.seconds > 0 && elapsed >= rest.seconds * LONG_REST_FACTOR) {
          facts.strain = { reason: "long-rest", from: rest.seconds, to: Math.round(elapsed) };
        } else if (!event.painReported) throw new CueNotDueError("Effort is on plan.");
      }
    }
  } else if (trigger === "workout-end") {
    const sets = completedSets(state);
    if (sets === 0) throw new CueNotDueError("No sets done yet.");
    const exerciseIds = [...new Set(state.exercises.filter((e) => e.sets.some((s) => s.completedAt)).map((e) => e.exerciseId))];
    const last = await lastSessionSets(db, userId, exerciseIds, new Date(state.startedAt));
    facts.summary = {
      sets,
      volumeKg: Math.round(completedVolumeKg(state)),
      prs: state.exercises.reduce((n, e) => n + e.sets.filter((s) => s.prs.length).length, 0),
      minutes: Math.max(1, Math.min(1440, Math.round((now.getTime() - Date.parse(state.startedAt)) / 60_000))),
      lastVolumeKg: last.size ? Math.round(lastVolumeOf(last) ?? 0) : null,
    };
  } else {
    // pre-start / onboarding: the first live workout ever gets the onboarding cue.
    const r = await db.execute(sql`select exists (select 1 from workout_sessions where user_id = ${userId} and source = 'live') as any`);
    trigger = (r.rows[0] as { any: boolean }).any ? "pre-start" : "onboarding";
    const first = state.exercises[0];
    if (first) {
      facts.exercise = { name: first.name.slice(0, 80), setNumber: 1, totalSets: first.sets.length || 1, compound: first.compound };
      const s = first.sets[0];
      if (s) facts.target = { weightKg: s.weightKg, reps: s.reps };
    }
  }
  return { trigger, persona, facts, seed: event.seed ?? `${workout.id}:${event.trigger}:${event.setKey ?? ""}` };
}
