/** The fixed vocabularies used by the exercise catalog (and by charts/filters built on it). */

export const MUSCLE_GROUPS = [
  "chest",
  "back",
  "lats",
  "traps",
  "shoulders",
  "biceps",
  "triceps",
  "forearms",
  "quads",
  "hamstrings",
  "glutes",
  "calves",
  "core",
  "adductors",
  "abductors",
  "neck",
  "full-body",
  "cardio",
] as const;
export type MuscleGroup = (typeof MUSCLE_GROUPS)[number];

export const EQUIPMENT = [
  "barbell",
  "dumbbell",
  "kettlebell",
  "ez-bar",
  "trap-bar",
  "smith-machine",
  "cable",
  "machine",
  "band",
  "bodyweight",
  "cardio-machine",
  "other",
  "none",
] as const;
export type Equipment = (typeof EQUIPMENT)[number];

export function isMuscleGroup(value: string): value is MuscleGroup {
  return (MUSCLE_GROUPS as readonly string[]).includes(value);
}

/** Every muscle group, in display order. */
export function listMuscleGroups(): MuscleGroup[] {
  return [...MUSCLE_GROUPS];
}
