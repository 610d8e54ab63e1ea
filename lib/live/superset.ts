import { isWorkingSet as isWorking, type LiveExercise, type LiveSet, type LiveState } from "./model";

/**
 * Supersets in the live workout: which set comes next and how long to rest (docs/live-workout.md,
 * "Supersets"). Pure, shared by the reducer (browser and server) and the screen.
 *
 * A superset is done in rounds — A1, B1, A2, B2, … The exercise that is behind in the round goes
 * next (fewest working sets done among the group's exercises that still have open sets); among
 * those, the first after the exercise of the last working set done, wrapping around. Warm-ups do
 * not take a turn: an exercise's open warm-ups come before its working set of the round.
 */

interface NextSet {
  exercise: LiveExercise;
  set: LiveSet;
  index: number;
}

const workingDone = (e: LiveExercise) => e.sets.filter((s) => s.completedAt && isWorking(s)).length;
const hasOpen = (e: LiveExercise) => e.sets.some((s) => !s.completedAt);

function firstOpen(exercise: LiveExercise): NextSet | null {
  const index = exercise.sets.findIndex((s) => !s.completedAt);
  return index >= 0 ? { exercise, set: exercise.sets[index], index } : null;
}

/** The exercises of a superset group, in screen order. */
function supersetMembers(state: LiveState, group: string): LiveExercise[] {
  return state.exercises.filter((e) => e.superset === group);
}

/** The next set within one superset group, or null when the group is done. */
function nextInGroup(members: LiveExercise[]): NextSet | null {
  const open = members.filter(hasOpen);
  if (!open.length) return null;
  const round = Math.min(...open.map(workingDone));
  // Whose turn it was last: the exercise of the working set completed most recently (ties: later on screen).
  let lastTurn = -1;
  let lastAt = -Infinity;
  members.forEach((e, i) => {
    for (const s of e.sets) {
      if (!s.completedAt || !isWorking(s)) continue;
      const at = Date.parse(s.completedAt);
      if (at >= lastAt) [lastAt, lastTurn] = [at, i];
    }
  });
  for (let k = 1; k <= members.length; k++) {
    const e = members[(lastTurn + k + members.length) % members.length];
    if (hasOpen(e) && workingDone(e) === round) return firstOpen(e);
  }
  return null;
}

/**
 * The next set to do, in screen order, except that a superset group (entered where its first
 * exercise is on screen) alternates between its exercises round by round.
 */
export function nextSet(state: LiveState): NextSet | null {
  const seen = new Set<string>();
  for (const exercise of state.exercises) {
    if (!exercise.superset) {
      const next = firstOpen(exercise);
      if (next) return next;
      continue;
    }
    if (seen.has(exercise.superset)) continue;
    seen.add(exercise.superset);
    const next = nextInGroup(supersetMembers(state, exercise.superset));
    if (next) return next;
  }
  return null;
}

/**
 * Rest after completing `set` of `exercise` (the state already holds the completion). Rest is
 * "rest after" a lift, as in the settings. Not in a superset, or a warm-up: the exercise's own rest.
 * In a superset: no rest while another exercise of the group is still owed a set this round (move
 * straight on to it); when the round is over, the longest rest among the exercises that did this
 * round — a bench/row superset rests as long as the bench needs, and once the bench is done the
 * rows that are left rest as rows do.
 */
export function restAfter(state: LiveState, exercise: LiveExercise, set: LiveSet): number {
  if (!exercise.superset || !isWorking(set)) return exercise.restSeconds;
  const members = supersetMembers(state, exercise.superset);
  const round = workingDone(exercise);
  const next = nextInGroup(members);
  if (next && next.exercise !== exercise && workingDone(next.exercise) < round) return 0;
  return Math.max(...members.filter((e) => e === exercise || workingDone(e) >= round).map((e) => e.restSeconds));
}
