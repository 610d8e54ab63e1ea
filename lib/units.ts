import type { Unit } from "@/db/tables/profile";

export type { Unit };

/** Exact by definition (international yard and pound agreement, 1959). */
export const KG_PER_LB = 0.45359237;

/** Converts a weight entered in `unit` to kilograms (unrounded; storage rounds to 0.01 kg). */
export function toKg(value: number, unit: Unit): number {
  return unit === "kg" ? value : value * KG_PER_LB;
}

/**
 * Rounds half away from zero to `decimals` places after removing binary float noise
 * (12.900000000000034 → 12.9, 1.005 → 1.01), matching what numeric(p, decimals) would store
 * for the decimal the user meant.
 */
export function roundTo(value: number, decimals: number): number {
  if (Number.isInteger(value)) return value;
  const micro = Math.round(Math.abs(value) * 1e6);
  const scale = 10 ** (6 - decimals);
  return (Math.sign(value) * Math.round(micro / scale)) / 10 ** decimals;
}

/** KG_PER_LB as 45359237 / 1e8, for integer arithmetic. */
const KG_PER_LB_E8 = 45_359_237;

/** Pounds → kilograms rounded to 0.01 kg, exactly (integer arithmetic, no float drift). */
export function lbToKg(lb: number): number {
  const tenThousandths = Math.round(Math.abs(lb) * 1e4); // lb × 1e4
  const kgE12 = tenThousandths * KG_PER_LB_E8; // kg × 1e12, exact below 2^53 for any real weight
  return (Math.sign(lb) * Math.round(kgE12 / 1e10)) / 100;
}

/**
 * A weight typed in `unit` → the kilograms the database stores (numeric(7,2)). The one conversion
 * every writer uses: the session form, chat drafts, the importer and the seed.
 */
export function storedKg(value: number, unit: Unit): number {
  return unit === "lb" ? lbToKg(value) : roundTo(value, 2);
}

/** The heaviest weight that can be stored, in `unit` (whole units, rounded down). */
export function maxWeightIn(unit: Unit, maxKg: number): number {
  return unit === "kg" ? maxKg : Math.floor(maxKg / KG_PER_LB);
}

/** Converts kilograms to `unit` (unrounded). */
export function fromKg(kg: number, unit: Unit): number {
  return unit === "kg" ? kg : kg / KG_PER_LB;
}

/**
 * Rounds a weight for display so that what the user typed comes back unchanged: plates come in
 * 0.5 steps (shown as such), change plates in 0.25 (kept), anything else to one decimal.
 * Storage is 0.01 kg, so a typed 225 lb reads back as 225.0013 and shows as 225.
 */
export function roundWeight(value: number): number {
  const half = Math.round(value * 2) / 2;
  if (Math.abs(half - value) < 0.02) return half;
  const quarter = Math.round(value * 4) / 4;
  if (Math.abs(quarter - value) < 0.006) return quarter;
  return Math.round(value * 10) / 10;
}

const weightFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });
const volumeFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/** "102.5 kg", "225 lb"; "—" for a missing weight. */
export function formatWeight(kg: number | null | undefined, unit: Unit): string {
  if (kg === null || kg === undefined || !Number.isFinite(kg)) return "—";
  return `${weightFormat.format(roundWeight(fromKg(kg, unit)))} ${unit}`;
}

/** Total lifted (weight × reps), whole units with thousands separators: "12,345 kg". */
export function formatVolume(kg: number | null | undefined, unit: Unit): string {
  if (kg === null || kg === undefined || !Number.isFinite(kg)) return "—";
  return `${volumeFormat.format(Math.round(fromKg(kg, unit)))} ${unit}`;
}

/** The number to prefill an input with when editing a stored weight in the user's unit. */
export function weightInputValue(kg: number | null | undefined, unit: Unit): string {
  if (kg === null || kg === undefined || !Number.isFinite(kg)) return "";
  const v = fromKg(kg, unit);
  // Two decimals survive a round trip through numeric(7,2) kg; trim trailing zeros.
  return String(unit === "kg" ? Math.round(v * 100) / 100 : roundWeight(v));
}
