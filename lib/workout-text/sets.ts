import { MAX_SET_REPS, MAX_SETS_PER_EXERCISE, MAX_WEIGHT_KG } from "@/lib/workouts/limits";
import type { DraftSet } from "./types";
import { formatWeight } from "@/lib/units";
import { unitFromWord, weightToKg, type WeightUnit } from "./units";

/**
 * The set grammar. A clause's set specification is a sequence of these forms (text is lower-cased
 * and normalised first: "×"/"*" → "x", "at"/"with" before a number → "@"):
 *   3x8 @ 60kg | 3x8x60 | 3 sets of 8 @ 60 | 3 sets 8 reps | 5 reps x 3 sets | 5/5/5 @ 100 |
 *   100kg x 5 (x 3) | 225 for 5 | 225 for 3x5 | 225 for 5/5/4 | 8 reps @ 60 | a set of 10 @ 40 |
 *   3x60s (timed) | 140kg (single, reps unknown)
 * each optionally followed by "@ rpe 8" / "rpe 8.5" and by a set count ("x 3 sets", "for 3 sets",
 * "(3 sets)") that repeats a single set. A trailing bare number ("5x5 80") is the weight.
 *
 * Whatever the grammar reads differently from what was typed, or cannot use, is reported through
 * `ctx.warn` (shown on the draft card); values no set can hold (a negative or impossible weight)
 * go to `ctx.reject`, and the caller logs nothing from that clause.
 */
export type SetContext = {
  /** The user's unit: what a number without a unit means. */
  unit: WeightUnit;
  warn: (message: string) => void;
  reject: (message: string) => void;
};

const NUM = String.raw`\d+(?:\.\d+)?`;
const UNIT = String.raw`(?:kgs?|kilos?|kilograms?|lbs?|pounds?|#)`;
/** A weight: a number, optionally a unit, never glued to a letter ("6o" is not 6; "100kgx5" is fine). */
const W = String.raw`\+?(${NUM})\s*(${UNIT})?(?![a-wyz\d])`;
const REPS_WORD = String.raw`(?:\s*reps?)?`;

type SetMatch = { index: number; length: number; sets: DraftSet[] };

function set(reps: number | null, weightKg: number | null, extra: Partial<DraftSet> = {}): DraftSet {
  return { setType: "normal", reps, weightKg, rpe: null, durationSeconds: null, distanceM: null, ...extra };
}

function repeat(n: number, make: () => DraftSet, ctx: SetContext): DraftSet[] {
  if (n > MAX_SETS_PER_EXERCISE) {
    ctx.reject(`${n} sets is more than the ${MAX_SETS_PER_EXERCISE} an exercise can hold`);
    return [];
  }
  return Array.from({ length: Math.max(n, 0) }, make);
}

type Rule = {
  re: RegExp;
  build: (m: RegExpExecArray, ctx: SetContext) => DraftSet[] | null;
};

/** A typed weight in kg; says so when it was converted from the other unit or cannot be stored. */
export function readWeight(value: string, unitWord: string | undefined, ctx: SetContext): number {
  return kg(value, unitWord, ctx)!;
}

function kg(value: string | undefined, unitWord: string | undefined, ctx: SetContext): number | null {
  if (value === undefined) return null;
  const unit = unitFromWord(unitWord, ctx.unit);
  const out = weightToKg(Number(value), unit);
  if (out > MAX_WEIGHT_KG) ctx.reject(`${value} ${unit} is more than the heaviest weight a set can hold (${MAX_WEIGHT_KG} kg)`);
  else if (unit !== ctx.unit) ctx.warn(`${value} ${unit} is shown as ${formatIn(out, ctx.unit)}, your unit.`);
  return out;
}

function formatIn(kgValue: number, unit: WeightUnit): string {
  return formatWeight(kgValue, unit);
}

function reps(value: string, ctx: SetContext): number {
  const n = Number(value);
  if (n > MAX_SET_REPS) ctx.reject(`${n} reps is more than a set can hold (${MAX_SET_REPS})`);
  return n;
}

const typeOf = (word: string | undefined): DraftSet["setType"] => (!word ? "normal" : word.startsWith("warm") ? "warmup" : "drop");
/** Not followed by a letter or digit: "3 sets" is not the start of "3 setsx". */
const END = String.raw`(?![a-wyz\d])`;

const RULES: Rule[] = [
  // 3x8x60 — or 100x5x3 (weight first: too heavy to be a set count)
  {
    re: new RegExp(String.raw`(\d+)\s*x\s*(\d+)\s*x\s*${W}`, "y"),
    build: (m, c) =>
      +m[1] > 15 && !m[4] && +m[3] <= 15
        ? repeat(+m[3], () => set(reps(m[2], c), kg(m[1], undefined, c)), c)
        : repeat(+m[1], () => set(reps(m[2], c), kg(m[3], m[4], c)), c),
  },
  // 3x60s (timed sets)
  {
    re: new RegExp(String.raw`(\d+)\s*x\s*(\d+)\s*(?:s|sec|secs|seconds)\b`, "y"),
    build: (m, c) => repeat(+m[1], () => set(null, null, { durationSeconds: +m[2] }), c),
  },
  // 225 for 3x5 / 225 for 3 sets of 5: after "for", AxB is sets × reps
  {
    re: new RegExp(String.raw`@?\s*${W}\s*for\s*(\d+)\s*(?:x|sets?\s*(?:of|x)?)\s*(\d+)${REPS_WORD}${END}`, "y"),
    build: (m, c) => {
      if (!m[2] && Number(m[1]) < 16) return null;
      if (+m[3] > +m[4] && /x/.test(m[0])) {
        c.warn(`“${m[0].trim()}” is read as ${m[3]} sets of ${m[4]} reps — change it on the card if you meant ${m[3]} reps × ${m[4]} sets.`);
      }
      return repeat(+m[3], () => set(reps(m[4], c), kg(m[1], m[2], c)), c);
    },
  },
  // 225 for 5/5/4 (a list of reps at one weight)
  {
    re: new RegExp(String.raw`@?\s*${W}\s*(?:x|for)\s*(\d+(?:\s*/\s*\d+)+)${REPS_WORD}${END}`, "y"),
    build: (m, c) => {
      if (!m[2] && Number(m[1]) < 16) return null;
      return m[3].split("/").map((r) => set(reps(r.trim(), c), kg(m[1], m[2], c)));
    },
  },
  // 100kg x 5 (x 3) / 100 for 5 (reps) x 3 (sets) — weight first when it carries a unit or is too heavy to be a set count
  {
    re: new RegExp(String.raw`@?\s*${W}\s*(?:x|for)\s*(\d+)(?!\s*sets?\b)${REPS_WORD}(?:\s*x\s*(\d+)(?:\s*sets?)?)?${END}`, "y"),
    build: (m, c) => {
      if (!m[2] && Number(m[1]) < 16) return null;
      return repeat(m[4] ? +m[4] : 1, () => set(reps(m[3], c), kg(m[1], m[2], c)), c);
    },
  },
  // 5 reps x 3 sets / 5 reps for 3 sets (@ 60)
  {
    re: new RegExp(String.raw`(\d+)\s*reps?\s*(?:x|for|,)?\s*(\d+)\s*sets?(?:\s*@\s*${W})?`, "y"),
    build: (m, c) => repeat(+m[2], () => set(reps(m[1], c), kg(m[3], m[4], c)), c),
  },
  // 3x8 (@ 60kg | 60kg)
  {
    re: new RegExp(String.raw`(\d+)\s*x\s*(\d+)${REPS_WORD}(?:\s*@\s*${W}|\s+\+?(${NUM})\s*(${UNIT})${END})?${END}`, "y"),
    build: (m, c) => {
      const w = m[3] !== undefined ? kg(m[3], m[4], c) : kg(m[5], m[6], c);
      if (+m[2] > 50 && w === null)
        c.warn(`“${m[1]}x${m[2]}” is read as ${m[1]} sets of ${m[2]} reps. If ${m[2]} is the weight, change it on the card.`);
      return repeat(+m[1], () => set(reps(m[2], c), w), c);
    },
  },
  // 3 sets of 8 (@ 60), 3 sets 8 reps, 2 warmup sets of 5 @ 60
  {
    re: new RegExp(
      String.raw`(\d+)\s*(warm\s*-?\s*ups?\s*|drop\s*-?\s*)?sets?\s*(?:(?:of|x)\s*(\d+)${REPS_WORD}|,?\s*(?:of\s*)?(\d+)\s*reps?)(?:\s*@\s*${W})?`,
      "y",
    ),
    build: (m, c) => repeat(+m[1], () => set(reps(m[3] ?? m[4], c), kg(m[5], m[6], c), { setType: typeOf(m[2]) }), c),
  },
  // 2 warmups of 5 @ 60
  {
    re: new RegExp(String.raw`(\d+)\s*warm\s*-?\s*ups?\s*(?:of|x)\s*(\d+)${REPS_WORD}(?:\s*@\s*${W})?`, "y"),
    build: (m, c) => repeat(+m[1], () => set(reps(m[2], c), kg(m[3], m[4], c), { setType: "warmup" }), c),
  },
  // 5/5/5 (@ 100)
  {
    re: new RegExp(String.raw`(\d+(?:\s*/\s*\d+)+)${REPS_WORD}(?:\s*@\s*${W})?`, "y"),
    build: (m, c) => m[1].split("/").map((r) => set(reps(r.trim(), c), kg(m[2], m[3], c))),
  },
  // a set of 10 (@ 40)
  {
    re: new RegExp(String.raw`(?:a|one|1)\s+set\s+of\s+(\d+)${REPS_WORD}(?:\s*@\s*${W})?`, "y"),
    build: (m, c) => [set(reps(m[1], c), kg(m[2], m[3], c))],
  },
  // 8 reps (@ 60)
  {
    re: new RegExp(String.raw`(\d+)\s*reps?(?:\s*@\s*${W})?`, "y"),
    build: (m, c) => [set(reps(m[1], c), kg(m[2], m[3], c))],
  },
  // 5 @ 100 — reps at weight
  {
    re: new RegExp(String.raw`(\d+)\s*@\s*(?!rpe)${W}`, "y"),
    build: (m, c) => [set(reps(m[1], c), kg(m[2], m[3], c))],
  },
  // a lone weight with a unit: one set, reps unknown
  {
    re: new RegExp(String.raw`@?\s*\+?(${NUM})\s*(${UNIT})(?![a-z])`, "y"),
    build: (m, c) => [set(null, kg(m[1], m[2], c))],
  },
];

/**
 * "x 3 sets", "for 3 sets", ", 3 sets", "(3 sets)", "x3" after a set form: how many times that set
 * was done. Not "3 sets of 5" (a set form of its own).
 */
const SET_COUNT_SOURCE = String.raw`\s*(?:\(\s*)?(?:(?:x|for|,|times)\s*)?(\d+)\s*(?:total\s+)?(?:sets?|times)(?:\s+(?:total|in total))?${END}(?!\s*(?:of|x)\b|\s*,?\s*(?:of\s+)?\d)\s*\)?|\s*x\s*(\d+)${END}(?!\s*(?:reps?|sets?|of)\b)`;
const SET_COUNT_RE = new RegExp(SET_COUNT_SOURCE, "y");

/**
 * Repeats a single set to `count` sets. When the group already has several sets and the count
 * disagrees ("4x6, 2 sets"), nothing changes and the card says so.
 */
export function applySetCount(group: DraftSet[], count: number, text: string, ctx: SetContext): DraftSet[] {
  if (count === group.length) return [];
  if (group.length !== 1) {
    ctx.warn(`“${text.trim()}” doesn't match the ${group.length} sets before it — kept ${group.length} sets; fix it on the card if needed.`);
    return [];
  }
  if (count < 1 || count > MAX_SETS_PER_EXERCISE) {
    ctx.warn(`Ignored “${text.trim()}”: an exercise holds 1 to ${MAX_SETS_PER_EXERCISE} sets.`);
    return [];
  }
  return Array.from({ length: count - 1 }, () => ({ ...group[0] }));
}

const RPE_RE = new RegExp(String.raw`\s*(?:@\s*)?(?:rpe\s*(${NUM})|(${NUM})\s*rpe)`, "y");

/** RPE runs 1–10 in half steps: anything else is said on the card, never dropped silently. */
export function readRpe(value: string, ctx: SetContext): number | null {
  const v = Number(value);
  if (!(v >= 1 && v <= 10)) {
    ctx.warn(`Ignored RPE ${value}: RPE is between 1 and 10.`);
    return null;
  }
  const half = Math.round(v * 2) / 2;
  if (half !== v) ctx.warn(`RPE ${value} is rounded to ${half} (RPE goes in half steps).`);
  return half;
}

/** Finds the first position in `text` where a set form starts; returns the sets it describes. */
function matchSetsAt(text: string, from: number, ctx: SetContext): SetMatch | null {
  for (let i = from; i < text.length; i++) {
    if (!/[0-9ao+@]/.test(text[i])) continue;
    if (i > 0 && /[a-z0-9.]/.test(text[i - 1])) continue; // only at word starts
    for (const rule of RULES) {
      rule.re.lastIndex = i;
      const m = rule.re.exec(text);
      if (!m) continue;
      const sets = rule.build(m, ctx);
      if (!sets || sets.length === 0) continue;
      let length = m[0].length;
      SET_COUNT_RE.lastIndex = i + length;
      const count = SET_COUNT_RE.exec(text);
      if (count) {
        sets.push(...applySetCount(sets, Number(count[1] ?? count[2]), count[0], ctx));
        length += count[0].length;
      }
      RPE_RE.lastIndex = i + length;
      const r = RPE_RE.exec(text);
      if (r) {
        const rpe = readRpe(r[1] ?? r[2], ctx);
        if (rpe !== null) for (const s of sets) s.rpe = rpe;
        length += r[0].length;
      }
      return { index: i, length, sets };
    }
  }
  return null;
}

export type SpecParse = { name: string; sets: DraftSet[]; leftover: string };

const LEAD_COUNT_RE = /^\s*(\d+)\s*(?:sets?\s+(?:of\s+)?|x\s+)(?=[a-z])/;
const LEAD_WEIGHT_RE = new RegExp(String.raw`^\s*@?\s*\+?(${NUM})\s*(${UNIT})?\s+(?:of\s+)?(?=[a-z])`);
const TRAIL_WEIGHT_RE = new RegExp(String.raw`^(.*[a-z].*?)\s+@?\s*\+?(${NUM})\s*(${UNIT})?\s*(?:for|x|@|,)?\s*$`);

/** A weight typed next to the name ("225 bench for 3x5", "bench 225 for 3x5") is the load of the sets without one. */
function giveWeight(sets: DraftSet[], value: string, unitWord: string | undefined, typed: string, ctx: SetContext): boolean {
  const targets = sets.filter((s) => s.weightKg === null && s.durationSeconds === null && s.distanceM === null);
  if (targets.length === 0) {
    ctx.warn(`Ignored “${typed.trim()}” next to the exercise name: its sets already have a weight.`);
    return false;
  }
  const w = kg(value, unitWord, ctx);
  for (const s of targets) s.weightKg = w;
  return true;
}

/**
 * Splits "bench 3x8 @ 60kg rpe 8" into the name before the first set form ("bench") and the sets.
 * Numbers typed around the name are read as a weight or a set count, never kept in the name.
 * Text that is neither name nor set form is returned as leftover (reported as a warning).
 */
export function parseSetSpec(clause: string, ctx: SetContext): SpecParse | null {
  const first = matchSetsAt(clause, 0, ctx);
  if (!first) return null;
  let name = clause.slice(0, first.index);
  const sets = [...first.sets];
  let pos = first.index + first.length;
  const leftovers: string[] = [];
  while (pos < clause.length) {
    const next = matchSetsAt(clause, pos, ctx);
    if (!next) {
      leftovers.push(clause.slice(pos));
      break;
    }
    leftovers.push(clause.slice(pos, next.index));
    sets.push(...next.sets);
    pos = next.index + next.length;
  }
  // "3 sets of bench at 225 for 5": the count before the name repeats the set after it.
  let m = name.match(LEAD_COUNT_RE);
  if (m) {
    sets.push(...applySetCount(first.sets, Number(m[1]), m[0], ctx));
    name = name.slice(m[0].length);
  }
  // "225 bench for 3x5" / "bench 225 for 3x5": a bare number beside the name is the weight.
  if ((m = name.match(LEAD_WEIGHT_RE))) {
    giveWeight(sets, m[1], m[2], m[0], ctx);
    name = name.slice(m[0].length);
  } else if ((m = name.match(TRAIL_WEIGHT_RE))) {
    giveWeight(sets, m[2], m[3], name.slice(m[1].length), ctx);
    name = `${m[1]} `;
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
    const w = kg(bare[1], bare[2], ctx);
    for (const s of sets) if (s.weightKg === null && s.reps !== null) s.weightKg = w;
    leftover = "";
  }
  // Generic rpe anywhere in the clause applies to sets without one.
  const rpe = leftover.match(new RegExp(String.raw`(?:rpe\s*(${NUM})|(${NUM})\s*rpe)`));
  if (rpe) {
    const v = readRpe(rpe[1] ?? rpe[2], ctx);
    if (v !== null) for (const s of sets) if (s.rpe === null) s.rpe = v;
    leftover = leftover.replace(rpe[0], "").trim();
  }
  leftover = leftover.replace(/^(?:@|reps?|sets?|each|total|and|,|\.|-)+\s*/g, "").trim();
  return { name, sets, leftover };
}
