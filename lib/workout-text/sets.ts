import type { DraftSet } from "./types";
import { unitFromWord, weightToKg, type WeightUnit } from "./units";

/**
 * The set grammar. A clause's set specification is a sequence of these forms (text is lower-cased
 * and normalised first: "×"/"*" → "x", "at"/"with" before a number → "@"):
 *   3x8 @ 60kg | 3x8x60 | 3 sets of 8 @ 60 | 5/5/5 @ 100 | 100kg x 5 (x 3) | 100 for 5 |
 *   8 reps @ 60 | a set of 10 @ 40 | 3x60s (timed) | 140kg (single, reps unknown)
 * each optionally followed by "@ rpe 8" / "rpe 8.5". A trailing bare number ("5x5 80") is the weight.
 */

const NUM = String.raw`\d+(?:\.\d+)?`;
const UNIT = String.raw`(?:kgs?|kilos?|kilograms?|lbs?|pounds?|#)`;
const W = String.raw`\+?(${NUM})\s*(${UNIT})?`;
const REPS_WORD = String.raw`(?:\s*reps?)?`;

export type SetMatch = { index: number; length: number; sets: DraftSet[] };

function set(reps: number | null, weightKg: number | null, extra: Partial<DraftSet> = {}): DraftSet {
  return { setType: "normal", reps, weightKg, rpe: null, durationSeconds: null, distanceM: null, ...extra };
}

function repeat(n: number, make: () => DraftSet): DraftSet[] {
  const count = Math.min(Math.max(n, 0), 50);
  return Array.from({ length: count }, make);
}

type Rule = {
  re: RegExp;
  build: (m: RegExpExecArray, unit: WeightUnit) => DraftSet[] | null;
};

function kg(value: string | undefined, unitWord: string | undefined, unit: WeightUnit): number | null {
  if (value === undefined) return null;
  return weightToKg(Number(value), unitFromWord(unitWord, unit));
}

const RULES: Rule[] = [
  // 3x8x60 — or 100x5x3 (weight first: too heavy to be a set count)
  {
    re: new RegExp(String.raw`(\d+)\s*x\s*(\d+)\s*x\s*${W}`, "y"),
    build: (m, u) =>
      +m[1] > 15 && !m[4] && +m[3] <= 15
        ? repeat(+m[3], () => set(+m[2], kg(m[1], undefined, u)))
        : repeat(+m[1], () => set(+m[2], kg(m[3], m[4], u))),
  },
  // 3x60s (timed sets)
  {
    re: new RegExp(String.raw`(\d+)\s*x\s*(\d+)\s*(?:s|sec|secs|seconds)\b`, "y"),
    build: (m) => repeat(+m[1], () => set(null, null, { durationSeconds: +m[2] })),
  },
  // 100kg x 5 (x 3) / 100 for 5 — weight first when it carries a unit or is too heavy to be a set count
  {
    re: new RegExp(String.raw`@?\s*${W}\s*(?:x|for)\s*(\d+)${REPS_WORD}(?:\s*x\s*(\d+)(?:\s*sets?)?)?`, "y"),
    build: (m, u) => {
      if (!m[2] && Number(m[1]) < 16) return null;
      return repeat(m[4] ? +m[4] : 1, () => set(+m[3], kg(m[1], m[2], u)));
    },
  },
  // 3x8 (@ 60kg | 60kg)
  {
    re: new RegExp(String.raw`(\d+)\s*x\s*(\d+)${REPS_WORD}(?:\s*@\s*${W}|\s+\+?(${NUM})\s*(${UNIT}))?`, "y"),
    build: (m, u) => {
      const w = m[3] !== undefined ? kg(m[3], m[4], u) : kg(m[5], m[6], u);
      return repeat(+m[1], () => set(+m[2], w));
    },
  },
  // 3 sets of 8 (@ 60), 2 warmup sets of 5 @ 60
  {
    re: new RegExp(String.raw`(\d+)\s*(warm\s*-?\s*ups?\s*|drop\s*-?\s*)?sets?\s*(?:of|x)\s*(\d+)${REPS_WORD}(?:\s*@\s*${W})?`, "y"),
    build: (m, u) =>
      repeat(+m[1], () =>
        set(+m[3], kg(m[4], m[5], u), { setType: m[2] ? (m[2].startsWith("warm") ? "warmup" : "drop") : "normal" }),
      ),
  },
  // 2 warmups of 5 @ 60
  {
    re: new RegExp(String.raw`(\d+)\s*warm\s*-?\s*ups?\s*(?:of|x)\s*(\d+)${REPS_WORD}(?:\s*@\s*${W})?`, "y"),
    build: (m, u) => repeat(+m[1], () => set(+m[2], kg(m[3], m[4], u), { setType: "warmup" })),
  },
  // 5/5/5 (@ 100)
  {
    re: new RegExp(String.raw`(\d+(?:\s*/\s*\d+)+)${REPS_WORD}(?:\s*@\s*${W})?`, "y"),
    build: (m, u) => m[1].split("/").map((r) => set(+r.trim(), kg(m[2], m[3], u))),
  },
  // a set of 10 (@ 40)
  {
    re: new RegExp(String.raw`(?:a|one|1)\s+set\s+of\s+(\d+)${REPS_WORD}(?:\s*@\s*${W})?`, "y"),
    build: (m, u) => [set(+m[1], kg(m[2], m[3], u))],
  },
  // 8 reps (@ 60)
  {
    re: new RegExp(String.raw`(\d+)\s*reps?(?:\s*@\s*${W})?`, "y"),
    build: (m, u) => [set(+m[1], kg(m[2], m[3], u))],
  },
  // 5 @ 100 — reps at weight
  {
    re: new RegExp(String.raw`(\d+)\s*@\s*(?!rpe)${W}`, "y"),
    build: (m, u) => [set(+m[1], kg(m[2], m[3], u))],
  },
  // a lone weight with a unit: one set, reps unknown
  {
    re: new RegExp(String.raw`@?\s*\+?(${NUM})\s*(${UNIT})(?![a-z])`, "y"),
    build: (m, u) => [set(null, kg(m[1], m[2], u))],
  },
];

const RPE_RE = new RegExp(String.raw`\s*(?:@\s*)?(?:rpe\s*(${NUM})|(${NUM})\s*rpe)`, "y");

/** Finds the first position in `text` where a set form starts; returns the sets it describes. */
export function matchSetsAt(text: string, from: number, unit: WeightUnit): SetMatch | null {
  for (let i = from; i < text.length; i++) {
    if (!/[0-9ao+@]/.test(text[i])) continue;
    if (i > 0 && /[a-z0-9.]/.test(text[i - 1])) continue; // only at word starts
    for (const rule of RULES) {
      rule.re.lastIndex = i;
      const m = rule.re.exec(text);
      if (!m) continue;
      const sets = rule.build(m, unit);
      if (!sets || sets.length === 0) continue;
      let length = m[0].length;
      RPE_RE.lastIndex = i + length;
      const r = RPE_RE.exec(text);
      if (r) {
        const rpe = Number(r[1] ?? r[2]);
        if (rpe >= 1 && rpe <= 10) for (const s of sets) s.rpe = rpe;
        length += r[0].length;
      }
      return { index: i, length, sets };
    }
  }
  return null;
}

export type SpecParse = { name: string; sets: DraftSet[]; leftover: string };

/**
 * Splits "bench 3x8 @ 60kg rpe 8" into the name before the first set form ("bench") and the sets.
 * Text that is neither name nor set form is returned as leftover (reported as a warning).
 */
export function parseSetSpec(clause: string, unit: WeightUnit): SpecParse | null {
  const first = matchSetsAt(clause, 0, unit);
  if (!first) return null;
  const name = clause.slice(0, first.index);
  const sets = [...first.sets];
  let pos = first.index + first.length;
  const leftovers: string[] = [];
  while (pos < clause.length) {
    const next = matchSetsAt(clause, pos, unit);
    if (!next) {
      leftovers.push(clause.slice(pos));
      break;
    }
    leftovers.push(clause.slice(pos, next.index));
    sets.push(...next.sets);
    pos = next.index + next.length;
  }
  // "bench 60kg 3x8", "3 sets of 8 on bench at 60kg": a lone weight is the load of the sets without one.
  const lone = (s: DraftSet) => s.reps === null && s.weightKg !== null && s.durationSeconds === null && s.distanceM === null;
  const weightless = sets.filter((s) => s.weightKg === null && s.reps !== null);
  if (weightless.length > 0 && sets.filter(lone).length === 1) {
    const w = sets.find(lone)!;
    for (const s of weightless) {
      s.weightKg = w.weightKg;
      if (s.rpe === null) s.rpe = w.rpe;
    }
    sets.splice(sets.indexOf(w), 1);
  }
  let leftover = leftovers.join(" ").replace(/\s+/g, " ").trim();
  // "5x5 80": a trailing bare number is the weight of the sets that have none.
  const bare = leftover.match(new RegExp(String.raw`^@?\s*\+?(${NUM})\s*(${UNIT})?$`));
  if (bare && sets.some((s) => s.weightKg === null && s.reps !== null)) {
    const w = weightToKg(Number(bare[1]), unitFromWord(bare[2], unit));
    for (const s of sets) if (s.weightKg === null && s.reps !== null) s.weightKg = w;
    leftover = "";
  }
  // Generic rpe anywhere in the clause applies to sets without one.
  const rpe = leftover.match(new RegExp(String.raw`(?:rpe\s*(${NUM})|(${NUM})\s*rpe)`));
  if (rpe) {
    const v = Number(rpe[1] ?? rpe[2]);
    if (v >= 1 && v <= 10) for (const s of sets) if (s.rpe === null) s.rpe = v;
    leftover = leftover.replace(rpe[0], "").trim();
  }
  leftover = leftover.replace(/^(?:@|reps?|sets?|each|total|and|,|\.|-)+\s*/g, "").trim();
  return { name, sets, leftover };
}
