import { roundTo, storedKg } from "@/lib/units";
import { cleanText, hevySetType, METERS_PER_MILE, parseNumber } from "../values";
import type { ParseResult } from "../types";
import { cell, makeSet, MAX_SESSION_NAME, MAX_SESSION_NOTES, MAX_SET_NOTES, nonEmpty, openCsv, startParse } from "./common";

/**
 * Hevy (metric `weight_kg`/`distance_km` or imperial `weight_lbs`/`distance_miles`). Start and
 * end are wall-clock times ("15 Sep 2025, 07:48"). `exercise_notes` (one note per exercise in a
 * workout, repeated on each of its rows) is kept once, on the first set of that exercise.
 */
export function parseHevy(text: string): ParseResult {
  const csv = openCsv(text, ["hevy", "hevy-imperial"], "Hevy");
  const { find, findRequired } = csv;
  const imperial = csv.format === "hevy-imperial";
  const iTitle = findRequired("title");
  const iStart = findRequired("start_time");
  const iEnd = find("end_time");
  const iDescription = find("description");
  const iExercise = findRequired("exercise_title");
  const iExerciseNotes = find("exercise_notes");
  const iSetType = findRequired("set_type");
  const iWeight = imperial ? find("weight_lbs") : find("weight_kg");
  const iReps = findRequired("reps");
  const iDistance = imperial ? find("distance_miles") : find("distance_km");
  const iDuration = find("duration_seconds");
  const iRpe = find("rpe");

  const { parseDate, workouts, skipped, warnings, readExerciseName } = startParse();
  const minFields = Math.max(iTitle, iStart, iExercise, iSetType, iReps) + 1;

  const rows = csv.each(minFields, skipped, (f, line) => {
    const start = parseDate(f[iStart]);
    if (!start) return `start_time "${f[iStart]}" is not a date`;
    const exerciseName = readExerciseName(f[iExercise], line);
    if (!exerciseName) return `exercise name "${f[iExercise].trim()}" is empty or has no letters`;
    let setType = hevySetType(f[iSetType]);
    if (!setType) {
      warnings.push({ row: line, reason: `set_type "${f[iSetType]}" is unknown; imported as a normal set` });
      setType = "normal";
    }
    const weight = parseNumber(cell(f, iWeight), imperial ? "weight_lbs" : "weight_kg");
    const distance = parseNumber(cell(f, iDistance), imperial ? "distance_miles" : "distance_km");

    const name = cleanText(f[iTitle], MAX_SESSION_NAME) ?? "Hevy workout";
    const workout = workouts.get(
      f[iStart],
      f[iTitle],
      () => `${start}\u0000${name}`,
      () => {
        const endRaw = cell(f, iEnd)?.trim();
        const end = endRaw ? parseDate(endRaw) : null;
        if (endRaw && !end) warnings.push({ row: line, reason: `end_time "${endRaw}" is not a date; the workout has no end time` });
        return { name, start, end, durationSeconds: null, notes: cleanText(hevyText(cell(f, iDescription)), MAX_SESSION_NOTES) };
      },
    );

    const blockStart = workout.sets.at(-1)?.exerciseName !== exerciseName;
    const set = makeSet(
      line,
      exerciseName,
      setType,
      blockStart ? cleanText(hevyText(cell(f, iExerciseNotes)), MAX_SET_NOTES) : null,
      undefined,
      {
        weightKg: weight === null ? null : storedKg(weight, imperial ? "lb" : "kg"),
        reps: parseNumber(f[iReps], "reps"),
        rpe: parseNumber(cell(f, iRpe), "rpe"),
        durationSeconds: parseNumber(cell(f, iDuration), "duration_seconds"),
        distanceM: distance === null ? null : roundTo(distance * (imperial ? METERS_PER_MILE : 1000), 2),
      },
      warnings,
    );
    if (typeof set === "string") return set;
    workout.sets.push(set);
  });

  return { format: csv.format, app: "hevy", rows, workouts: nonEmpty(workouts.list()), skipped, warnings };
}

/** Hevy writes line breaks inside notes as the two characters "\\n"; turn them back into line breaks. */
export function hevyText(value: string | undefined): string | undefined {
  return value?.replace(/(?:\\r)?\\n/g, "\n");
}
