/**
 * The limits a workout must fit, in one place: the database checks (db/tables), the zod schemas,
 * the importer, the session form and the chat grammar all read them from here.
 */

/** Heaviest weight the database accepts (numeric(7,2) kg, check < 2000). */
export const MAX_WEIGHT_KG = 1999.99;
export const MAX_SET_REPS = 1000;
export const MAX_EXERCISES = 50;
export const MAX_SETS_PER_EXERCISE = 100;
/** exercises.name: check length(name) between 1 and 120. */
export const EXERCISE_NAME_MAX = 120;
export const SESSION_NAME_MAX = 200;

/** "Exercise names are at most 120 characters — this one has 5,000." */
export function exerciseNameTooLong(length: number): string {
  return `Exercise names are at most ${EXERCISE_NAME_MAX} characters — this one has ${length.toLocaleString("en-US")}.`;
}
