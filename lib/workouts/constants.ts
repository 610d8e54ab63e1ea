import type { SetType as DbSetType } from "@/db/tables/training";
import type { Unit as DbUnit } from "@/db/tables/profile";

/**
 * Client-safe copies of the database enums (importing db/tables would pull drizzle into the
 * browser bundle). The assertions below fail the type check if the two ever drift apart.
 */
export const SET_TYPES = ["normal", "warmup", "failure", "drop"] as const;
export const UNITS = ["kg", "lb"] as const;
export type SetType = (typeof SET_TYPES)[number];

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const _setTypesMatch: Same<SetType, DbSetType> = true;
const _unitsMatch: Same<(typeof UNITS)[number], DbUnit> = true;
void _setTypesMatch;
void _unitsMatch;

export const SET_TYPE_LABELS: Record<SetType, string> = { normal: "Working", warmup: "Warm-up", failure: "To failure", drop: "Drop set" };

/**
 * The numbers of one set in storage units (kg, reps, RPE, seconds, metres); null = not recorded.
 * Every writer speaks it: the session form (after conversion), chat drafts, the importer and the seed.
 */
export interface SetMeasures {
  weightKg: number | null;
  reps: number | null;
  rpe: number | null;
  durationSeconds: number | null;
  distanceM: number | null;
}

/** A set as stored: its type, its measures and an optional note. */
export interface SetRecord extends SetMeasures {
  setType: SetType;
  notes?: string | null;
}
