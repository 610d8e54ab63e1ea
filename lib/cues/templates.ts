import { rpe, shortExercise, volume, w, whole } from "./format";
import type { CueFacts, CuePersonaId, CueTrigger } from "./types";

/**
 * The offline cue writer: ≥ 5 templates per trigger per persona. A template returns null when
 * the facts it needs are missing; numbers only ever come from the facts (see grounding.ts).
 * `push` templates encourage more load or a record and are skipped when safety says not to.
 */
export interface Template {
  push?: boolean;
  render(f: CueFacts): string | null;
}

const ex = (f: CueFacts) => (f.exercise ? shortExercise(f.exercise.name) : null);
const set = (s: { weightKg: number | null; reps: number | null } | null | undefined, f: CueFacts) =>
  s && s.weightKg !== null && s.reps !== null ? `${w(s.weightKg, f.unit)} × ${s.reps}` : s && s.reps !== null ? `${s.reps} reps` : null;
const name = (f: CueFacts, lead = "") => (f.firstName ? `${lead}${f.firstName}` : "");
const prWhat = (f: CueFacts) => {
  const p = f.pr!;
  if (p.kind === "reps") return `${p.value} reps`;
  if (p.kind === "volume") return `${volume(p.value, f.unit)} ${f.unit} volume`;
  return `${w(p.value, f.unit)} ${f.unit}`;
};
const prWas = (f: CueFacts) => {
  const p = f.pr!;
  if (p.previous === null) return null;
  const v = p.kind === "reps" ? `${p.previous}` : p.kind === "volume" ? volume(p.previous, f.unit) : w(p.previous, f.unit);
  return p.previousWhen ? `${v} from ${p.previousWhen}` : v;
};
const t = (render: Template["render"], push = false): Template => ({ render, push });

const ALICE_OPENERS = [
  (f: CueFacts) => `Hi${name(f, " ")}, I'm Alice, and I'll be in your ear for this workout.`,
  (f: CueFacts) => `Welcome to your first live workout${name(f, ", ")}! I'm Alice.`,
  (f: CueFacts) => `Hello${name(f, " ")}! Alice here, your voice for today's session.`,
  (f: CueFacts) => `Hey${name(f, " ")}, it's Alice. Let's make this first live workout a good one.`,
  (f: CueFacts) => `Hi${name(f, " ")}! I'm Alice, and I'm excited to train with you.`,
];
const AIDEN_OPENERS = [
  (f: CueFacts) => `${f.firstName ? `${f.firstName}, ` : ""}Aiden here. Quick rundown.`,
  (f: CueFacts) => `Aiden. First live workout${name(f, ", ")}. Here's the system.`,
  (f: CueFacts) => `${f.firstName ? `${f.firstName}. ` : ""}I'm Aiden. Thirty seconds of briefing, then we lift.`,
  () => "Aiden on the mic. Here's how this works.",
  (f: CueFacts) => `Welcome${name(f, ", ")}. Aiden. Listen up once, then train.`,
];
const ONBOARDING_ALICE = (i: number) => (f: CueFacts) =>
  [
    ALICE_OPENERS[i](f),
    "Here's how it works.",
    "Each exercise shows what you did last time, so you always know the number to beat.",
    "Tap the big button when you finish a set; the weight and reps are already filled in, and the arrows adjust them.",
    "Your rest timer starts on its own, and I'll tell you when it's time to go again.",
    "If you set a record, I'll let you know what it beat.",
    "If anything hurts, sharp or getting worse, stop the set — no number is worth an injury.",
    "You can turn my voice off any time with the speaker button or your earbuds.",
    "Everything saves as you go, so a dropped phone loses nothing.",
    "Ready when you are.",
  ].join(" ");
const ONBOARDING_AIDEN = (i: number) => (f: CueFacts) =>
  [
    AIDEN_OPENERS[i](f),
    "Every exercise shows last time's numbers. Beat them or match them.",
    "One tap completes a set. Weight and reps are prefilled; adjust with the steppers.",
    "Rest starts automatically. I call the end of it.",
    "Records get called out with the number they beat.",
    "Sharp or worsening pain: stop the set. Non-negotiable.",
    "Voice off with the speaker button or an earbud tap. Everything saves as you go.",
    "Let's work.",
  ].join(" ");

export const TEMPLATES: Record<CuePersonaId, Record<CueTrigger, Template[]>> = {
  alice: {
    onboarding: [0, 1, 2, 3, 4].map((i) => t(ONBOARDING_ALICE(i))),
    "pre-start": [
      t((f) => (f.workoutName ? `${f.workoutName} today. Warm up well, then we build.` : null)),
      t((f) => (ex(f) && set(f.lastTime, f) ? `First up, ${ex(f)}. Last time ${set(f.lastTime, f)}.` : null)),
      t((f) => `Let's have a good session${name(f, ", ")}. Easy warm-up sets first.`),
      t((f) => (ex(f) ? `Starting with ${ex(f)}. Take your time warming up.` : null)),
      t(() => "Phone down, focus up. Warm up and we'll get going."),
    ],
    "set-start": [
      t(
        (f) => (set(f.lastTime, f) && set(f.target, f) ? `Last time ${set(f.lastTime, f)}. Today ${set(f.target, f)}. You've got this.` : null),
        true,
      ),
      t((f) => (f.exercise && set(f.target, f) ? `Set ${f.exercise.setNumber} of ${f.exercise.totalSets}: ${set(f.target, f)}. Smooth reps.` : null)),
      t((f) => (set(f.target, f) ? `Rest's done. ${set(f.target, f)}, nice and controlled.` : null)),
      t((f) => (f.exercise ? `Set ${f.exercise.setNumber}. Brace, breathe, and own every rep.` : null)),
      t(() => "Time to go again. Strong and steady."),
    ],
    "set-end": [
      t((f) => (f.pr && prWas(f) ? `That's a record! ${prWhat(f)} beats ${prWas(f)}.` : null), true),
      t((f) => (f.pr ? `New personal best: ${prWhat(f)}. Lovely work.` : null), true),
      t((f) => (set(f.done, f) && set(f.lastTime, f) ? `${set(f.done, f)} done. Last time was ${set(f.lastTime, f)}.` : null)),
      t((f) => (set(f.done, f) ? `Nice set, ${set(f.done, f)}. Breathe and recover.` : null)),
      t((f) => (f.restSeconds ? `Good work. Rest ${f.restSeconds} seconds, I'll call you back.` : null)),
      t(() => "Well done. Shake it out and rest."),
    ],
    strainsync: [
      t((f) =>
        f.strain?.reason === "rpe-rising"
          ? `Effort went from RPE ${rpe(f.strain.from)} to ${rpe(f.strain.to)}. Keep the weight, focus on form.`
          : null,
      ),
      t((f) => (f.strain?.reason === "reps-falling" ? `${f.strain.to} reps against ${f.strain.from} last time. Take a little extra rest.` : null)),
      t((f) => (f.strain?.reason === "long-rest" ? `You've rested ${f.strain.to} seconds. Ready when you are, no rush.` : null)),
      t((f) => (f.safety?.painReported ? "If it hurts, stop. Sharp pain means this lift is done today." : null)),
      t(() => "This is getting hard. Slow down and keep every rep clean."),
    ],
    "workout-end": [
      t((f) => (f.summary && f.summary.prs > 0 ? `Done! ${f.summary.sets} sets and ${f.summary.prs} records today. Proud of you.` : null)),
      t((f) => (f.summary ? `That's a wrap: ${f.summary.sets} sets, ${whole(fromKgWhole(f))} ${f.unit} lifted.` : null)),
      t((f) => (f.summary ? `${f.summary.minutes} minutes well spent. Eat well and rest up.` : null)),
      t((f) =>
        f.summary && f.summary.lastVolumeKg ? `${whole(fromKgWhole(f))} ${f.unit} today, against ${whole(fromKgWhole(f, true))} last time.` : null,
      ),
      t((f) => `Great session${name(f, ", ")}. See you next time.`),
    ],
  },
  aiden: {
    onboarding: [0, 1, 2, 3, 4].map((i) => t(ONBOARDING_AIDEN(i))),
    "pre-start": [
      t((f) => (f.workoutName ? `${f.workoutName}. Warm up, then work.` : null)),
      t((f) => (ex(f) && set(f.lastTime, f) ? `${ex(f)} first. Last time ${set(f.lastTime, f)}.` : null)),
      t(() => "Warm-up sets first. Then we hit the numbers."),
      t((f) => (ex(f) ? `Opening with ${ex(f)}. Ramp up sensibly.` : null)),
      t(() => "Session starts now. Focus."),
    ],
    "set-start": [
      t((f) => (set(f.lastTime, f) && set(f.target, f) ? `Last time ${set(f.lastTime, f)}. Try ${set(f.target, f)}.` : null), true),
      t((f) => (f.exercise && set(f.target, f) ? `Set ${f.exercise.setNumber} of ${f.exercise.totalSets}. ${set(f.target, f)}. Go.` : null)),
      t((f) => (set(f.target, f) ? `Rest over. ${set(f.target, f)}.` : null)),
      t((f) => (f.exercise ? `Set ${f.exercise.setNumber}. Brace. Go.` : null)),
      t(() => "Rest over. Next set."),
    ],
    "set-end": [
      t((f) => (f.pr && prWas(f) ? `PR. ${prWhat(f)} beats ${prWas(f)}.` : null), true),
      t((f) => (f.pr ? `Record: ${prWhat(f)}. Logged.` : null), true),
      t((f) => (set(f.done, f) && set(f.lastTime, f) ? `${set(f.done, f)}. Last time ${set(f.lastTime, f)}.` : null)),
      t((f) => (set(f.done, f) ? `${set(f.done, f)} logged. Rest.` : null)),
      t((f) => (f.restSeconds ? `Done. ${f.restSeconds} seconds rest.` : null)),
      t(() => "Set logged. Rest."),
    ],
    strainsync: [
      t((f) => (f.strain?.reason === "rpe-rising" ? `RPE ${rpe(f.strain.from)} to ${rpe(f.strain.to)}. Hold the weight.` : null)),
      t((f) => (f.strain?.reason === "reps-falling" ? `${f.strain.to} reps, down from ${f.strain.from}. Rest longer.` : null)),
      t((f) => (f.strain?.reason === "long-rest" ? `${f.strain.to} seconds rested. Get under the bar.` : null)),
      t((f) => (f.safety?.painReported ? "Pain means stop. Done with this lift today." : null)),
      t(() => "Effort's drifting. Clean reps only."),
    ],
    "workout-end": [
      t((f) => (f.summary && f.summary.prs > 0 ? `Done. ${f.summary.sets} sets, ${f.summary.prs} records.` : null)),
      t((f) => (f.summary ? `${f.summary.sets} sets. ${whole(fromKgWhole(f))} ${f.unit} volume. Done.` : null)),
      t((f) => (f.summary ? `${f.summary.minutes} minutes. Session logged.` : null)),
      t((f) => (f.summary && f.summary.lastVolumeKg ? `Volume ${whole(fromKgWhole(f))} ${f.unit}. Last time ${whole(fromKgWhole(f, true))}.` : null)),
      t(() => "Session done. Recover."),
    ],
  },
};

function fromKgWhole(f: CueFacts, last = false): number {
  const kg = last ? (f.summary?.lastVolumeKg ?? 0) : (f.summary?.volumeKg ?? 0);
  return f.unit === "kg" ? kg : kg / 0.45359237;
}

const sameSet = (a: { weightKg: number | null; reps: number | null } | null | undefined, b: typeof a) =>
  !!a && !!b && a.weightKg === b.weightKg && a.reps === b.reps;

/**
 * The set repeats the previous set of this exercise (same weight, same reps, no record): the
 * numbers were said a set ago, so the cue says "same again" instead of repeating them. Besides
 * being less chatter, these texts recur across exercises and weeks, so their clips come from the
 * cache (and are rendered at first start, lib/speech/common-phrases.ts).
 */
export function repeatsPrevious(trigger: CueTrigger, f: CueFacts): boolean {
  if (f.pr || !f.exercise || f.exercise.setNumber < 2) return false;
  if (trigger === "set-start") return sameSet(f.target, f.previous);
  if (trigger === "set-end") return sameSet(f.done, f.previous);
  return false;
}

const setOf = (f: CueFacts) => (f.exercise ? `Set ${f.exercise.setNumber} of ${f.exercise.totalSets}` : null);

/** Used instead of TEMPLATES when repeatsPrevious() holds: no weights, only set numbers. */
export const REPEAT_TEMPLATES: Record<CuePersonaId, Record<"set-start" | "set-end", Template[]>> = {
  alice: {
    "set-start": [
      t((f) => (setOf(f) ? `${setOf(f)}. Same weight, same reps. Smooth and steady.` : null)),
      t(() => "Same again. Strong and steady."),
      t(() => "Rest's done. Same weight, nice and controlled."),
      t((f) => (f.exercise ? `Set ${f.exercise.setNumber}. Same as the last one. You've got this.` : null)),
      t(() => "Time to go again. Same weight, same reps."),
    ],
    "set-end": [
      t(() => "Just like the last one. Well done, rest up."),
      t(() => "Consistent! Shake it out and rest."),
      t((f) => (f.exercise ? `Set ${f.exercise.setNumber} done. Breathe and recover.` : null)),
      t(() => "Same again, nicely done. Rest now."),
      t(() => "Well done. Shake it out and rest."),
    ],
  },
  aiden: {
    "set-start": [
      t((f) => (setOf(f) ? `${setOf(f)}. Same again. Go.` : null)),
      t(() => "Rest over. Same weight."),
      t(() => "Same again. Go."),
      t((f) => (f.exercise ? `Set ${f.exercise.setNumber}. Same numbers. Brace.` : null)),
      t(() => "Next set. Same load."),
    ],
    "set-end": [
      t(() => "Matched it. Rest."),
      t((f) => (f.exercise ? `Set ${f.exercise.setNumber} logged. Rest.` : null)),
      t(() => "Same as last set. Rest."),
      t(() => "Consistent. Rest."),
      t(() => "Set logged. Rest."),
    ],
  },
};
