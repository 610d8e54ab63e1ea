import { rpe, volume, w } from "./format";
import type { CueFacts, SetFact } from "./types";

/**
 * Every number a cue may contain, as cues write them. A cue is grounded when each number in its
 * text is in this set — so neither a template nor the model can invent a weight.
 */
function allowedNumbers(f: CueFacts): Set<string> {
  const out = new Set<string>();
  const add = (v: number | null | undefined, fmt: (n: number) => string = String) => {
    if (v !== null && v !== undefined && Number.isFinite(v)) out.add(fmt(v));
  };
  const addSet = (s: SetFact | null | undefined) => {
    if (!s) return;
    add(s.weightKg, (v) => w(v, f.unit));
    add(s.reps);
    add(s.rpe, rpe);
  };
  addSet(f.target);
  addSet(f.lastTime);
  addSet(f.done);
  addSet(f.previous);
  if (f.exercise) {
    add(f.exercise.setNumber);
    add(f.exercise.totalSets);
  }
  if (f.pr) {
    const fmt = f.pr.kind === "reps" ? String : f.pr.kind === "volume" ? (v: number) => volume(v, f.unit) : (v: number) => w(v, f.unit);
    add(f.pr.value, fmt);
    add(f.pr.previous, fmt);
  }
  add(f.restSeconds);
  if (f.strain) {
    const fmt = f.strain.reason === "rpe-rising" ? rpe : String;
    add(f.strain.from, fmt);
    add(f.strain.to, fmt);
  }
  if (f.summary) {
    const vol = (kg: number) => volume(kg, f.unit);
    add(f.summary.sets);
    add(f.summary.prs);
    add(f.summary.minutes);
    add(f.summary.volumeKg, vol);
    add(f.summary.lastVolumeKg, vol);
  }
  return out;
}

/** Numbers written in digits ("102.5", "12,450" → "12450"). Ordinals and words are not numbers here. */
function numbersIn(text: string): string[] {
  return [...text.matchAll(/\d[\d,]*(?:\.\d+)?/g)].map((m) => m[0].replace(/,/g, ""));
}

/** Numbers in the text that the facts do not contain (empty = grounded). */
export function ungroundedNumbers(text: string, f: CueFacts): string[] {
  const allowed = allowedNumbers(f);
  // Month names and "RPE" aside, a date like "October 3" would need its day in the facts too.
  const fromWhen = [f.lastTime?.when, f.pr?.previousWhen].filter(Boolean).join(" ");
  return numbersIn(text).filter((n) => !allowed.has(n) && !numbersIn(fromWhen).includes(n));
}
