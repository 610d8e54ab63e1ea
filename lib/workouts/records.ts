import type { SetType } from "@/db/tables/training";

/**
 * Personal records — the one place that decides what a PR is (pure, so the browser may import it;
 * the queries that feed it are in ./record-history.ts). Used by the workouts pages (badges,
 * exercise history) and by live workout mode ("would this set be a PR?").
 *
 * Rules, per exercise, against the user's whole history (manual, chat and imported sessions alike):
 * - Only working sets count: warm-ups never set records. A set needs reps ≥ 1.
 * - weight: the heaviest weight lifted for at least one rep.
 * - e1rm:   the best Epley estimate weight × (1 + reps / 30), for 1–12 reps (the same rule as the
 *           SQL sandbox's e1rm_kg column, rounded to 0.01 kg).
 * - reps:   the most reps at a weight — a set is a rep PR when earlier sets at that weight or
 *           heavier exist and none had as many reps (a weight never lifted before is a weight PR,
 *           not also a rep PR). A set without weight (pull-ups, push-ups) counts as 0 kg.
 * - volume: the most Σ weight × reps over one session's working sets of the exercise. Live mode
 *           puts it on the set whose completion first takes that sum past the previous best.
 * - A record must beat a previous best strictly: the first time an exercise is done sets nothing,
 *   and a tie is not a record.
 * - Assisted exercises record nothing: their weight is the assistance, so "heavier" is easier.
 * - In the history view a session shows, per exercise and kind, only its best set (the first one
 *   on a tie) — and only if that set beat everything before the session.
 */

export type RecordKind = "weight" | "e1rm" | "reps" | "volume";
export type SetRecordKind = Exclude<RecordKind, "volume">;

export const RECORD_LABELS: Record<RecordKind, string> = {
  weight: "Heaviest weight",
  e1rm: "Best e1RM",
  reps: "Most reps",
  volume: "Session volume",
};

/** The fields of a set that records look at. */
export interface RecordSetInput {
  setType: SetType;
  weightKg: number | null;
  reps: number | null;
}

export interface HistorySet extends RecordSetInput {
  id: string;
  sessionId: string;
  startedAt: Date;
  /** Order within the session. */
  position: number;
  exerciseId: string;
}

/** One point of the reps-at-weight frontier: heavier weights always have fewer reps. */
interface RepsAtWeight {
  weightKg: number;
  reps: number;
}

export interface ExerciseBests {
  weightKg: number | null;
  e1rmKg: number | null;
  /** Sorted by weight, heaviest first; reps strictly increase along the list. */
  repsFrontier: RepsAtWeight[];
  sessionVolumeKg: number | null;
}

export function emptyBests(): ExerciseBests {
  return { weightKg: null, e1rmKg: null, repsFrontier: [], sessionVolumeKg: null };
}

function hasHistory(b: ExerciseBests): boolean {
  return b.repsFrontier.length > 0 || b.sessionVolumeKg !== null;
}

/** Epley e1RM for 1–12 reps, rounded to 0.01 kg; null outside that range or without weight. */
export function e1rmKg(weightKg: number | null, reps: number | null): number | null {
  if (weightKg === null || weightKg <= 0 || reps === null || reps < 1 || reps > 12) return null;
  return Math.round(weightKg * (1 + reps / 30) * 100) / 100;
}

/** Exercises whose weight is assistance (the SQL sandbox uses the same rule). */
export function isAssistedExercise(name: string): boolean {
  return /assisted/i.test(name);
}

function countsForRecords(set: RecordSetInput): boolean {
  return set.setType !== "warmup" && set.reps !== null && set.reps >= 1;
}

/** Working-set volume (kg) a set adds to its session. */
export function setVolumeKg(set: RecordSetInput): number {
  if (set.setType === "warmup" || set.weightKg === null || set.reps === null) return 0;
  return set.weightKg * set.reps;
}

function repsBestAtOrAbove(frontier: RepsAtWeight[], weightKg: number): number {
  let best = 0;
  for (const p of frontier) if (p.weightKg >= weightKg && p.reps > best) best = p.reps;
  return best;
}

/**
 * Which records this set would set against `bests` (everything done before it). Empty when the
 * exercise has no history yet: a first time is not a record. This is the question live mode asks
 * after each set; pass bests that include the earlier sets of the current session.
 */
export function newSetRecords(bests: ExerciseBests, set: RecordSetInput): SetRecordKind[] {
  if (!countsForRecords(set) || !hasHistory(bests)) return [];
  const out: SetRecordKind[] = [];
  const w = set.weightKg ?? 0;
  if (w > 0 && (bests.weightKg === null || w > bests.weightKg)) out.push("weight");
  const e = e1rmKg(set.weightKg, set.reps);
  if (e !== null && (bests.e1rmKg === null || e > bests.e1rmKg)) out.push("e1rm");
  const repsBefore = repsBestAtOrAbove(bests.repsFrontier, w);
  if (repsBefore > 0 && (set.reps ?? 0) > repsBefore) out.push("reps");
  return out;
}

/** Whether a session total of `volumeKg` for the exercise beats the best previous session. */
export function isVolumeRecord(bests: ExerciseBests, volumeKg: number): boolean {
  return volumeKg > 0 && bests.sessionVolumeKg !== null && volumeKg > bests.sessionVolumeKg;
}

/** Folds one set into the bests (mutates and returns them). */
export function addSet(bests: ExerciseBests, set: RecordSetInput): ExerciseBests {
  if (!countsForRecords(set)) return bests;
  const w = set.weightKg ?? 0;
  const reps = set.reps ?? 0;
  if (w > 0 && (bests.weightKg === null || w > bests.weightKg)) bests.weightKg = w;
  const e = e1rmKg(set.weightKg, set.reps);
  if (e !== null && (bests.e1rmKg === null || e > bests.e1rmKg)) bests.e1rmKg = e;
  if (reps > repsBestAtOrAbove(bests.repsFrontier, w)) {
    const kept = bests.repsFrontier.filter((p) => !(p.weightKg <= w && p.reps <= reps));
    kept.push({ weightKg: w, reps });
    kept.sort((a, b) => b.weightKg - a.weightKg);
    bests.repsFrontier = kept;
  }
  return bests;
}

/** Folds one finished session's volume for the exercise into the bests. */
function addSessionVolume(bests: ExerciseBests, volumeKg: number): ExerciseBests {
  if (bests.sessionVolumeKg === null || volumeKg > bests.sessionVolumeKg) bests.sessionVolumeKg = volumeKg;
  return bests;
}

export interface SessionRecord {
  sessionId: string;
  exerciseId: string;
  kind: RecordKind;
  /** The set that holds it; null for volume (a session total). */
  setId: string | null;
  value: number;
  previous: number | null;
}

export interface RecordsResult {
  /** Records by set id. */
  bySet: Map<string, SetRecordKind[]>;
  /** Records by session id, in set order, volume last. */
  bySession: Map<string, SessionRecord[]>;
  /** Bests after the whole history, per exercise. */
  bests: Map<string, ExerciseBests>;
}

const chronological = (a: HistorySet, b: HistorySet) =>
  a.startedAt.getTime() - b.startedAt.getTime() || (a.sessionId < b.sessionId ? -1 : a.sessionId > b.sessionId ? 1 : 0) || a.position - b.position;

function valueOf(kind: SetRecordKind, s: RecordSetInput): number {
  if (kind === "weight") return s.weightKg ?? 0;
  if (kind === "e1rm") return e1rmKg(s.weightKg, s.reps) ?? 0;
  return s.reps ?? 0;
}

/** Replays a history (any order; it is sorted here) and finds every session's records. */
export function computeRecords(history: HistorySet[]): RecordsResult {
  const sets = [...history].sort(chronological);
  const bySet = new Map<string, SetRecordKind[]>();
  const bySession = new Map<string, SessionRecord[]>();
  const bests = new Map<string, ExerciseBests>();

  let i = 0;
  while (i < sets.length) {
    const sessionId = sets[i].sessionId;
    let j = i;
    while (j < sets.length && sets[j].sessionId === sessionId) j++;
    const sessionSets = sets.slice(i, j);
    i = j;

    const byExercise = new Map<string, HistorySet[]>();
    for (const s of sessionSets) {
      const list = byExercise.get(s.exerciseId);
      if (list) list.push(s);
      else byExercise.set(s.exerciseId, [s]);
    }

    const records: SessionRecord[] = [];
    for (const [exerciseId, list] of byExercise) {
      const before = bests.get(exerciseId) ?? emptyBests();
      const snapshot: ExerciseBests = { ...before, repsFrontier: [...before.repsFrontier] };
      const candidates = list.map((s) => ({ s, kinds: newSetRecords(snapshot, s) }));

      for (const kind of ["weight", "e1rm"] as const) {
        let top: HistorySet | null = null;
        for (const c of candidates) if (c.kinds.includes(kind) && (!top || valueOf(kind, c.s) > valueOf(kind, top))) top = c.s;
        if (top) {
          records.push({
            sessionId,
            exerciseId,
            kind,
            setId: top.id,
            value: valueOf(kind, top),
            previous: kind === "weight" ? snapshot.weightKg : snapshot.e1rmKg,
          });
          bySet.set(top.id, [...(bySet.get(top.id) ?? []), kind]);
        }
      }
      // Rep PRs: each new frontier point the session reached, unless another of its sets dominates it.
      const repPrs = candidates.filter((c) => c.kinds.includes("reps")).map((c) => c.s);
      for (const s of repPrs) {
        const w = s.weightKg ?? 0;
        const dominated = repPrs.some(
          (o) =>
            o !== s &&
            (o.weightKg ?? 0) >= w &&
            (o.reps ?? 0) >= (s.reps ?? 0) &&
            ((o.weightKg ?? 0) > w || (o.reps ?? 0) > (s.reps ?? 0) || o.position < s.position),
        );
        if (dominated) continue;
        records.push({ sessionId, exerciseId, kind: "reps", setId: s.id, value: s.reps ?? 0, previous: repsBestAtOrAbove(snapshot.repsFrontier, w) });
        bySet.set(s.id, [...(bySet.get(s.id) ?? []), "reps"]);
      }

      const volume = list.reduce((sum, s) => sum + setVolumeKg(s), 0);
      if (isVolumeRecord(snapshot, volume)) {
        records.push({
          sessionId,
          exerciseId,
          kind: "volume",
          setId: null,
          value: Math.round(volume * 100) / 100,
          previous: snapshot.sessionVolumeKg,
        });
      }

      for (const s of list) addSet(before, s);
      if (list.some(countsForRecords)) addSessionVolume(before, volume);
      bests.set(exerciseId, before);
    }
    if (records.length) {
      const order = new Map(sessionSets.map((s, k) => [s.id, k]));
      records.sort((a, b) => (a.setId === null ? 1e9 : order.get(a.setId)!) - (b.setId === null ? 1e9 : order.get(b.setId)!));
      bySession.set(sessionId, records);
    }
  }
  return { bySet, bySession, bests };
}
