import type { CoachCard } from "@/lib/coach/card";
import type { MethodologyId } from "@/lib/coach/fields";
import { programmeBodySchema, type Prescription, type ProgrammeBody } from "./programme-schema";

/**
 * The offline coach's programme draft: built from the trainer's own coach card (methodology,
 * days per week, main lifts) by fixed rules, so it works with no model configured. The trainer
 * edits it like any programme before assigning it.
 */

const DEFAULT_LIFTS = ["Back squat", "Bench press", "Deadlift", "Overhead press"];

type Scheme = (week: number) => { sets: number; reps: number; intensity: Prescription["intensity"] };

const e1rm = (percent: number) => ({ kind: "e1rm" as const, percent });
const rpe = (value: number) => ({ kind: "rpe" as const, rpe: value });

/** Main-lift prescription per week (0-based), per methodology; every 4th week of a wave is lighter. */
const SCHEMES: Record<MethodologyId, Scheme> = {
  novice_linear: (w) => ({ sets: 3, reps: 5, intensity: e1rm(Math.min(90, 70 + 2.5 * w)) }),
  five_three_one: (w) =>
    [
      { sets: 3, reps: 5, intensity: e1rm(75) },
      { sets: 3, reps: 3, intensity: e1rm(80) },
      { sets: 3, reps: 1, intensity: e1rm(85) },
      { sets: 3, reps: 5, intensity: e1rm(60) },
    ][w % 4],
  hypertrophy_blocks: (w) => ({ sets: 4, reps: 10, intensity: rpe([7, 8, 9, 6][w % 4]) }),
  rpe_blocks: (w) => ({ sets: 4, reps: 5, intensity: rpe([7, 8, 8.5, 6][w % 4]) }),
  peaking: (w) =>
    [
      { sets: 5, reps: 3, intensity: e1rm(80) },
      { sets: 4, reps: 2, intensity: e1rm(85) },
      { sets: 3, reps: 1, intensity: e1rm(90) },
      { sets: 2, reps: 1, intensity: e1rm(95) },
    ][Math.min(w, 3)],
  conjugate: (w) => ({ sets: 1, reps: 3, intensity: rpe(w % 4 === 3 ? 7 : 9) }),
  conditioning: () => ({ sets: 3, reps: 12, intensity: rpe(7) }),
};

export function draftProgramme(card: CoachCard, weeks = 4): { name: string; body: ProgrammeBody } {
  const lifts = card.athlete.mainLifts.length ? card.athlete.mainLifts : DEFAULT_LIFTS;
  const days = Math.max(1, Math.min(6, card.athlete.daysPerWeek));
  const scheme = SCHEMES[card.methodology.template];
  const body = {
    weeks: Array.from({ length: Math.max(1, Math.min(24, weeks)) }, (_, w) => ({
      days: Array.from({ length: days }, (_, d) => ({
        name: `Day ${String.fromCharCode(65 + d)}`,
        exercises: [lifts[d % lifts.length], lifts[(d + 1) % lifts.length]]
          .filter((x, i, a) => a.indexOf(x) === i)
          .map((exercise, i) => {
            const main = scheme(w);
            // The second lift of a day is the lighter one: two fewer reps' worth of effort.
            return i === 0
              ? { exercise: exercise.slice(0, 100), ...main }
              : {
                  exercise: exercise.slice(0, 100),
                  sets: 3,
                  reps: 8,
                  intensity: main.intensity.kind === "e1rm" ? e1rm(Math.max(50, main.intensity.percent - 10)) : rpe(7),
                };
          }),
      })),
    })),
  };
  return { name: `Draft: ${card.methodology.label}`.slice(0, 120), body: programmeBodySchema.parse(body) };
}
