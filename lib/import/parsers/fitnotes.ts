import type { ExerciseCategory } from "@/db/tables/exercises";
import { storedKg } from "@/lib/units";
import { BadValue, cleanText, distanceUnitOf, parseDuration, parseNumber, toMeters } from "../values";
import type { ParseResult, Unit } from "../types";
import { cell, makeSet, MAX_SET_NOTES, nonEmpty, openCsv, startParse } from "./common";

/** FitNotes records dates only: the session is placed at noon local time so it never slips a day. */
const FITNOTES_START_TIME = "12:00:00";
const FITNOTES_DEFAULT_NAME = "FitNotes workout";

const CATEGORY_HINTS: Record<string, ExerciseCategory> = { cardio: "cardio" };

/**
 * FitNotes: one row per set, no workout names or times. All sets of a date form one session,
 * named after the categories trained ("Chest & Triceps"), in the order they appear.
 */
export function parseFitNotes(text: string): ParseResult {
  const csv = openCsv(text, ["fitnotes"], "FitNotes");
  const { find, findRequired } = csv;
  const iDate = findRequired("date");
  const iExercise = findRequired("exercise");
  const iCategory = find("category");
  let iWeight = find("weight (kgs)", "weight (kg)");
  let unit: Unit = "kg";
  if (iWeight === -1) {
    iWeight = findRequired("weight (lbs)", "weight (lb)");
    unit = "lb";
  }
  const iReps = findRequired("reps");
  const iDistance = find("distance");
  const iDistanceUnit = find("distance unit");
  const iTime = find("time");
  const iComment = find("comment");

  const { parseDate, workouts, skipped, warnings, readExerciseName } = startParse();
  const categories = new Map<string, string[]>();
  const minFields = Math.max(iDate, iExercise, iWeight, iReps) + 1;

  const rows = csv.each(minFields, skipped, (f, line) => {
    const raw = f[iDate].trim();
    const parsed = parseDate(raw);
    if (!parsed) return `Date "${raw}" is not a date`;
    const day = parsed.slice(0, 10);
    const exerciseName = readExerciseName(f[iExercise], line);
    if (!exerciseName) return `exercise name "${f[iExercise].trim()}" is empty or has no letters`;
    const category = cleanText(cell(f, iCategory), 60);

    const weight = parseNumber(f[iWeight], unit === "kg" ? "Weight (kgs)" : "Weight (lbs)");
    const distance = parseNumber(cell(f, iDistance), "Distance");
    let distanceM: number | null = null;
    if (distance !== null && distance !== 0) {
      const u = distanceUnitOf(cell(f, iDistanceUnit) ?? "");
      if (!u) throw new BadValue(`Distance Unit "${cell(f, iDistanceUnit) ?? ""}" is not a distance unit`);
      distanceM = toMeters(distance, u);
    }

    const workout = workouts.get(
      raw,
      "",
      () => day,
      () => ({
        name: FITNOTES_DEFAULT_NAME,
        start: `${day}T${FITNOTES_START_TIME}`,
        end: null,
        durationSeconds: null,
        notes: null,
      }),
    );
    const set = makeSet(
      line,
      exerciseName,
      "normal",
      cleanText(cell(f, iComment), MAX_SET_NOTES),
      category ? CATEGORY_HINTS[category.toLowerCase()] : undefined,
      {
        weightKg: weight === null ? null : storedKg(weight, unit),
        reps: parseNumber(f[iReps], "Reps"),
        rpe: null,
        durationSeconds: parseDuration(cell(f, iTime), "Time"),
        distanceM,
      },
      warnings,
    );
    if (typeof set === "string") return set;
    workout.sets.push(set);
    if (category) {
      const list = categories.get(day) ?? [];
      if (!list.includes(category)) list.push(category);
      categories.set(day, list);
    }
  });

  const list = nonEmpty(workouts.list());
  for (const w of list) w.name = sessionName(categories.get(w.identity) ?? []);
  return { format: "fitnotes", app: "fitnotes", rows, workouts: list, skipped, warnings };
}

function sessionName(categories: string[]): string {
  if (categories.length === 0) return FITNOTES_DEFAULT_NAME;
  const shown = categories.slice(0, 3).join(" & ");
  return categories.length > 3 ? `${shown} +${categories.length - 3}` : shown;
}
