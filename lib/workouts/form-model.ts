/**
 * The edit model shared by the session form and the chat draft card: exercise blocks of set rows
 * held as typed (strings), the pure operations on them, and the one conversion of a row to stored
 * measures (validated by the same zod schema as the server action).
 */
import { storedKg, type Unit } from "@/lib/units";
import type { SetRecord } from "./constants";
import { emptySet, type ExerciseFormBlock, type SetFormRow } from "./form-values";
import { MAX_WEIGHT_KG } from "./limits";
import { maxWeightIn, setInputSchema } from "./schemas";

export type Blocks = ExerciseFormBlock[];

export function updateBlock(blocks: Blocks, bi: number, fn: (b: ExerciseFormBlock) => ExerciseFormBlock): Blocks {
  return blocks.map((b, i) => (i === bi ? fn(b) : b));
}

export function updateSet(blocks: Blocks, bi: number, si: number, patch: Partial<SetFormRow>): Blocks {
  return updateBlock(blocks, bi, (b) => ({ ...b, sets: b.sets.map((s, j) => (j === si ? { ...s, ...patch } : s)) }));
}

/** Adds a set that copies the last one's weight, reps and type (not its RPE or notes); returns its key for focusing. */
export function addSet(blocks: Blocks, bi: number): { blocks: Blocks; key: string } {
  const fresh = emptySet(blocks[bi].sets[blocks[bi].sets.length - 1]);
  return { blocks: updateBlock(blocks, bi, (b) => ({ ...b, sets: [...b.sets, fresh] })), key: fresh.key };
}

export function removeSet(blocks: Blocks, bi: number, si: number): Blocks {
  return updateBlock(blocks, bi, (b) => ({ ...b, sets: b.sets.filter((_, j) => j !== si) }));
}

export function removeBlock(blocks: Blocks, bi: number): Blocks {
  return blocks.filter((_, i) => i !== bi);
}

export function moveBlock(blocks: Blocks, bi: number, dir: -1 | 1): Blocks {
  const to = bi + dir;
  if (to < 0 || to >= blocks.length) return blocks;
  const next = [...blocks];
  [next[bi], next[to]] = [next[to], next[bi]];
  return next;
}

/**
 * A row as typed → stored measures, with the form's own error messages ("Reps must be a whole
 * number", "Weight cannot be negative", "At most 1999 lb" …) when it does not validate.
 */
export function rowToRecord(row: SetFormRow, unit: Unit): { ok: true; set: SetRecord } | { ok: false; error: string } {
  const { key: _key, ...fields } = row;
  const parsed = setInputSchema.safeParse(fields);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0].message };
  const s = parsed.data;
  const weightKg = s.weight === undefined ? null : storedKg(s.weight, unit);
  if (weightKg !== null && weightKg > MAX_WEIGHT_KG) return { ok: false, error: `At most ${maxWeightIn(unit)} ${unit}` };
  return {
    ok: true,
    set: {
      setType: s.setType,
      weightKg,
      reps: s.reps ?? null,
      rpe: s.rpe ?? null,
      durationSeconds: s.durationSeconds ?? null,
      distanceM: s.distanceM ?? null,
      notes: s.notes ?? null,
    },
  };
}
