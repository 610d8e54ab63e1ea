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
