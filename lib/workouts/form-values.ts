import type { SetRecord, SetType } from "./constants";
import { weightInputValue, type Unit } from "@/lib/units";
import type { SessionDetail } from "./queries";
import { utcToZonedLocal } from "@/lib/time/local";

/** What the workout form edits: every field as typed (strings), plus stable React keys. */
export interface SetFormRow {
  key: string;
  setType: SetType;
  weight: string;
  reps: string;
  rpe: string;
  notes: string;
  /** Carried through unchanged (imported cardio data). */
  durationSeconds: string;
  distanceM: string;
}
export interface ExerciseFormBlock {
  key: string;
  exerciseName: string;
  sets: SetFormRow[];
}
export interface SessionFormState {
  name: string;
  startedAt: string;
  durationMin: string;
  notes: string;
  exercises: ExerciseFormBlock[];
}

let counter = 0;
export const newKey = () => `k${Date.now().toString(36)}${(counter++).toString(36)}`;

export function emptySet(from?: SetFormRow): SetFormRow {
  return {
    key: newKey(),
    setType: from && from.setType !== "warmup" ? from.setType : "normal",
    weight: from?.weight ?? "",
    reps: from?.reps ?? "",
    rpe: "",
    notes: "",
    durationSeconds: "",
    distanceM: "",
  };
}

export function emptyBlock(): ExerciseFormBlock {
  return { key: newKey(), exerciseName: "", sets: [emptySet()] };
}

/** A new workout starting now (in the user's zone). */
export function newSessionFormState(now: Date, timeZone: string): SessionFormState {
  return { name: "", startedAt: utcToZonedLocal(now, timeZone), durationMin: "", notes: "", exercises: [emptyBlock()] };
}

const str = (v: number | null) => (v === null ? "" : String(v));

/** A stored (or drafted) set → a form row, its weight in the viewer's unit. */
export function setToFormRow(set: SetRecord, unit: Unit): SetFormRow {
  return {
    key: newKey(),
    setType: set.setType,
    weight: weightInputValue(set.weightKg, unit),
    reps: str(set.reps),
    rpe: str(set.rpe),
    notes: set.notes ?? "",
    durationSeconds: str(set.durationSeconds),
    distanceM: str(set.distanceM),
  };
}

export function sessionToFormState(s: SessionDetail, unit: Unit, timeZone: string): SessionFormState {
  return {
    name: s.name,
    startedAt: utcToZonedLocal(s.startedAt, timeZone),
    durationMin: str(s.durationMin === null ? null : Math.max(1, s.durationMin)),
    notes: s.notes ?? "",
    exercises: s.exercises.map((g) => ({
      key: newKey(),
      exerciseName: g.exerciseName,
      sets: g.sets.map((set) => setToFormRow(set, unit)),
    })),
  };
}

/** The payload for the server action (keys dropped). */
export function formStateToInput(state: SessionFormState, unit: Unit) {
  return {
    name: state.name,
    startedAt: state.startedAt,
    durationMin: state.durationMin,
    notes: state.notes,
    unit,
    exercises: state.exercises.map((b) => ({
      exerciseName: b.exerciseName,
      sets: b.sets.map(({ key: _key, ...set }) => set),
    })),
  };
}
