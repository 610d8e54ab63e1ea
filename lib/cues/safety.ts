import type { CueFacts } from "./types";

/**
 * The coach's safety rules, applied to cues: pain stops the set, avoided movements and
 * drifting effort get no push for more load or records, and no cue ever glorifies grinding
 * through pain or training to failure.
 */
const NEVER = [
  /through the pain/i,
  /ignore (the |that |your )?pain/i,
  /no pain,? no gain/i,
  /push through (it|the)/i,
  /max(ed)? out/i,
  /to failure/i,
  /until you (drop|puke|fail)/i,
  /one more rep no matter/i,
];
const PUSH = [
  /\bheavier\b/i,
  /\badd (weight|load|a plate)\b/i,
  /\bgo up\b/i,
  /\brecord\b/i,
  /\bPR\b/,
  /\bpersonal best\b/i,
  /\bbeat (it|that|last)\b/i,
  /\btry\b/i,
];

function isAvoided(f: CueFacts): boolean {
  const name = f.exercise?.name.toLowerCase();
  if (!name || !f.safety?.avoid.length) return false;
  return f.safety.avoid.some((a) => {
    const words = a
      .toLowerCase()
      .replace(/^heavy /, "")
      .split(/\s+/)
      .filter((x) => x.length > 3);
    return words.length > 0 && words.every((wd) => name.includes(wd.replace(/s$/, "").replace(/ing$/, "")));
  });
}

/** Pushing for load or a record is off the table for this cue. */
export function noPush(f: CueFacts): boolean {
  return Boolean(f.safety?.painReported || isAvoided(f) || f.strain || (f.done?.rpe ?? 0) >= 9.5);
}

/** Why the text breaks a safety rule, or null when it is fine. */
export function safetyViolation(text: string, f: CueFacts): string | null {
  if (NEVER.some((re) => re.test(text))) return "encourages training through pain or to failure";
  if (noPush(f) && PUSH.some((re) => re.test(text)) && !f.pr) return "pushes for more while safety says hold";
  if (f.safety?.painReported && !/stop|pain|hurt/i.test(text)) return "ignores reported pain";
  return null;
}
