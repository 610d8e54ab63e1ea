import { FIELD_SCHEMAS, type FieldKey, type InjuryEntry } from "./fields";

/**
 * How a new answer combines with what the lifter said before — one rule set for the offline
 * extractor and the model extractor (both only report what one answer says; the engine merges).
 *
 * - List fields (goals, injuries, favourite/disliked movements, success metrics) ADD: "get stronger"
 *   then "and lose some fat" is both goals. Injuries of the same area merge their restrictions.
 * - Single-valued fields never change silently: a different value without a correction is a
 *   conflict (the earlier answer stays, and the coach says so).
 * - A correction ("actually…", "no, I meant…", "scratch that") replaces: for lists, the named
 *   take-backs are removed and the new items added; without take-backs the list is replaced
 *   (injuries: only the areas the correction names).
 */
export const LIST_FIELDS: FieldKey[] = ["goals", "injuries", "restrictions", "favoriteMovements", "dislikedMovements", "successMetrics"];

const MAX: Partial<Record<FieldKey, number>> = {
  goals: 6,
  injuries: 8,
  restrictions: 12,
  favoriteMovements: 12,
  dislikedMovements: 12,
  successMetrics: 6,
};
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export interface MergeResult {
  /** The field's new value; undefined: the correction emptied a field that cannot be empty. */
  value: unknown;
  /** The earlier answer was replaced (a correction), not added to. */
  replaced: boolean;
  /** A single-valued field got a different value without a correction: keep the earlier answer. */
  conflict: boolean;
}

export function mergeField(key: FieldKey, before: unknown, value: unknown, opts: { correcting: boolean; removes?: unknown[] }): MergeResult {
  if (before === undefined) return { value, replaced: false, conflict: false };
  if (!LIST_FIELDS.includes(key)) {
    if (same(before, value)) return { value, replaced: false, conflict: false };
    return opts.correcting ? { value, replaced: true, conflict: false } : { value: before, replaced: false, conflict: true };
  }
  const old = (before as unknown[]) ?? [];
  const add = (value as unknown[]) ?? [];
  if (key === "injuries") {
    const prev = old as InjuryEntry[];
    const next = add as InjuryEntry[];
    if (!opts.correcting) return { value: mergeInjuries(prev, next), replaced: false, conflict: false };
    if (next.length === 0) return { value: [], replaced: true, conflict: false };
    const named = new Set([...next.map((i) => i.area), ...((opts.removes as string[]) ?? [])]);
    // "Actually it's my upper back, not lower": the area moves; what they said about it stays
    // (the restrictions they stated for the wrong area now protect the right one).
    const dropped = prev.filter((i) => named.has(i.area) && !next.some((n) => n.area === i.area));
    const moved =
      dropped.length === 1 && next.length === 1 && next[0].restrictions.length === 0
        ? [{ ...next[0], condition: next[0].condition ?? dropped[0].condition, restrictions: [...dropped[0].restrictions] }]
        : next;
    return {
      value: mergeInjuries(
        prev.filter((i) => !named.has(i.area)),
        moved,
      ),
      replaced: true,
      conflict: false,
    };
  }
  if (!opts.correcting) return { value: capped(key, [...old, ...add.filter((x) => !old.some((o) => same(o, x)))]), replaced: false, conflict: false };
  const kept = opts.removes?.length ? old.filter((o) => !opts.removes!.some((r) => same(r, o))) : [];
  return { value: capped(key, [...kept, ...add.filter((x) => !kept.some((o) => same(o, x)))]), replaced: true, conflict: false };
}

/** A correction that only takes something back ("forget the fat loss"). */
export function removeValues(key: FieldKey, before: unknown, removes: unknown[]): unknown {
  const old = (before as unknown[]) ?? [];
  const left =
    key === "injuries" ? (old as InjuryEntry[]).filter((i) => !removes.includes(i.area)) : old.filter((o) => !removes.some((r) => same(r, o)));
  return FIELD_SCHEMAS[key].safeParse(left).success ? left : undefined;
}

function capped(key: FieldKey, list: unknown[]): unknown[] {
  return list.slice(0, MAX[key] ?? list.length);
}

/** Same area (and a compatible side) → one injury with both answers' restrictions. */
function mergeInjuries(prev: InjuryEntry[], next: InjuryEntry[]): InjuryEntry[] {
  const out = prev.map((i) => ({ ...i, restrictions: [...i.restrictions] }));
  for (const n of next) {
    const match = out.find((o) => o.area === n.area && (o.side === n.side || !o.side || !n.side));
    if (!match) {
      out.push({ ...n, restrictions: [...n.restrictions] });
      continue;
    }
    match.side = match.side ?? n.side;
    match.condition = match.condition ?? n.condition;
    if (n.status === "current") match.status = "current";
    if (!match.quote) match.quote = n.quote;
    for (const r of n.restrictions) if (!match.restrictions.some((x) => x.movement === r.movement && x.scope === r.scope)) match.restrictions.push(r);
    match.restrictions = match.restrictions.slice(0, 8);
  }
  return out.slice(0, 8);
}
