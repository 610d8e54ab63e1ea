import type { MethodologyId } from "../fields";

/** Methodology templates: what each believes and how it progresses load. */
export interface MethodologyTemplate {
  id: MethodologyId;
  label: string;
  summary: string;
  principles: string[];
  progression: string[];
  /** Who it suits, in plain words (shown on the card editor). */
  suits: string;
}

export const METHODOLOGIES: Record<MethodologyId, MethodologyTemplate> = {
  novice_linear: {
    id: "novice_linear",
    label: "Novice linear progression",
    summary: "Simple full-body sessions; add a little weight every session while it keeps working.",
    principles: ["Full-body sessions built on a few basic lifts", "Technique before load", "Same exercises long enough to progress on them"],
    progression: [
      "Add the smallest jump (2.5 kg / 5 lb upper body, 5 kg / 10 lb lower body) when every set is completed with good form",
      "After two stalled sessions on a lift, repeat the weight; after a third, drop it 10 % and build back",
    ],
    suits: "New lifters and anyone returning after a long break.",
  },
  five_three_one: {
    id: "five_three_one",
    label: "5/3/1-style",
    summary: "Four-week waves on a training max, with assistance work and conditioning.",
    principles: [
      "Work from a training max of about 90 % of the true max",
      "Start light, progress slowly, break personal records on AMRAP sets",
      "Assistance: push, pull, single-leg/core",
    ],
    progression: [
      "Weeks of 5s, 3s, 5/3/1, then a deload",
      "Raise the training max 2.5 kg (upper) / 5 kg (lower) each cycle",
      "Reset the training max 10 % when a top set falls short of the target reps",
    ],
    suits: "Intermediate lifters who want steady long-term strength.",
  },
  hypertrophy_blocks: {
    id: "hypertrophy_blocks",
    label: "Hypertrophy blocks",
    summary: "Muscle-building blocks: moderate loads, rising weekly sets, close to failure.",
    principles: ["10–20 hard sets per muscle per week", "Most sets 6–15 reps at 1–3 reps in reserve", "Exercise variety for every muscle group"],
    progression: [
      "Add reps within the range, then load (double progression)",
      "Add 1–2 sets per muscle per week across a 4–6 week block",
      "Deload, then start the next block at a slightly higher baseline",
    ],
    suits: "Lifters whose main goal is size or physique.",
  },
  conjugate: {
    id: "conjugate",
    label: "Conjugate",
    summary: "Max-effort and dynamic-effort days with rotating variations.",
    principles: [
      "Max-effort day: work to a heavy single or triple on a rotating variation",
      "Dynamic-effort day: fast sets at 50–60 % with short rest",
      "Heavy accessory work on weak points",
    ],
    progression: [
      "Rotate max-effort variations every 1–3 weeks to avoid stagnation",
      "Wave dynamic-effort loads over three-week waves",
      "Pick accessories for the weakest link of each lift",
    ],
    suits: "Advanced strength athletes with good technique and recovery.",
  },
  conditioning: {
    id: "conditioning",
    label: "Conditioning-focused",
    summary: "Strength plus engine: intervals, mixed-modal work and aerobic base.",
    principles: [
      "Two strength sessions and two to three conditioning sessions a week",
      "Mostly easy aerobic work, a little very hard",
      "Strength work stays near 2–3 reps in reserve",
    ],
    progression: [
      "Build aerobic volume first, then interval intensity",
      "Add 5–10 % total conditioning time per week at most",
      "Strength: double progression on the main lifts",
    ],
    suits: "Endurance, CrossFit-style and general-fitness goals.",
  },
  rpe_blocks: {
    id: "rpe_blocks",
    label: "RPE-based block periodization",
    summary: "Accumulation, intensification and peaking blocks with RPE-autoregulated loads.",
    principles: [
      "Loads set by RPE from the day's top set, with back-off sets",
      "Blocks move from volume to intensity to peaking",
      "Track e1RM to steer each block",
    ],
    progression: [
      "Accumulation: more sets at RPE 6–8",
      "Intensification: fewer, heavier sets at RPE 8–9",
      "Peak and test, then deload before the next block",
    ],
    suits: "Advanced and competitive lifters.",
  },
  peaking: {
    id: "peaking",
    label: "Powerlifting peaking block",
    summary: "Meet prep: the competition lifts get heavier and more specific while volume drops, ending in a taper and openers.",
    principles: [
      "Competition squat, bench and deadlift (and close variations) are the core of every week",
      "Intensity rises and volume falls week by week; heavy singles at RPE 8–9 rehearse the platform",
      "Accessories only where they help the total or keep injuries quiet",
    ],
    progression: [
      "Weeks out: top singles climb toward about 92–95 % of the meet max, back-off sets shrink",
      "Final 7–10 days: taper — volume down about half, openers at about 90 %, no grinding",
      "After the meet: a deload week, then a new accumulation block",
    ],
    suits: "Lifters with a powerlifting meet on the calendar.",
  },
};
