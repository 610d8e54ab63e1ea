import { storedKg } from "@/lib/units";
import { BadValue, cleanText, distanceUnitOf, parseDuration, parseNumber, strongSetType, toMeters, weightUnitOf, type DistanceUnit } from "../values";
import type { ParseOptions, ParseResult, Unit } from "../types";
import { cell, makeSet, MAX_SESSION_NAME, MAX_SESSION_NOTES, MAX_SET_NOTES, nonEmpty, openCsv, startParse } from "./common";

/**
 * Strong, all three dialects (comma, quoted-semicolon, legacy). Weights without a unit in the
 * file are read in `opts.unit`; unitless distances in km (kg users) or miles (lb users), as the
 * Strong app shows them. Columns carrying their unit ("Weight (kg)", "Weight Unit") win.
 */
export function parseStrong(text: string, opts: ParseOptions): ParseResult {
  const csv = openCsv(text, ["strong", "strong-semicolon", "strong-legacy"], "Strong");
  const { find, findRequired } = csv;
  const iDate = findRequired("date");
  const iName = findRequired("workout name");
  const iExercise = findRequired("exercise name");
  const iOrder = findRequired("set order");
  const iReps = findRequired("reps");
  const iRpe = find("rpe");
  const iSeconds = find("seconds");
  const iNotes = find("notes");
  const iWorkoutNotes = find("workout notes");

  // Weight: a column with its unit in the name, or "Weight" (+ optional per-row "Weight Unit").
  let iWeight = find("weight (kg)", "weight (kgs)");
  let weightUnit: Unit | null = iWeight !== -1 ? "kg" : null;
  if (iWeight === -1 && (iWeight = find("weight (lbs)", "weight (lb)")) !== -1) weightUnit = "lb";
  if (iWeight === -1) iWeight = findRequired("weight");
  const iWeightUnit = weightUnit ? -1 : find("weight unit");
  weightUnit ??= opts.unit;

  let distanceUnit: DistanceUnit | null = null;
  let iDistance = -1;
  for (const [names, unit] of [
    [["distance (meters)", "distance (m)", "distance (metres)"], "m"],
    [["distance (km)"], "km"],
    [["distance (miles)", "distance (mi)"], "mi"],
  ] as const) {
    if (iDistance === -1 && (iDistance = find(...names)) !== -1) distanceUnit = unit;
  }
  if (iDistance === -1) iDistance = find("distance");
  const iDistanceUnit = distanceUnit ? -1 : find("distance unit");
  distanceUnit ??= opts.unit === "lb" ? "mi" : "km";

  const iDurationSec = find("duration (sec)");
  const iDuration = iDurationSec === -1 ? find("duration", "workout duration") : -1;

  const { parseDate, workouts, skipped, warnings, readExerciseName } = startParse();
  const minFields = Math.max(iDate, iName, iExercise, iOrder, iReps, iWeight) + 1;

  const rows = csv.each(minFields, skipped, (f, line) => {
    const order = f[iOrder].trim();
    const setType = strongSetType(order);
    if (!setType) return /^rest ?timer$/i.test(order) ? "rest timer entry (not a set)" : `Set Order "${order}" is not a set`;
    const start = parseDate(f[iDate]);
    if (!start) return `Date "${f[iDate]}" is not a date`;
    const exerciseName = readExerciseName(f[iExercise], line);
    if (!exerciseName) return `exercise name "${f[iExercise].trim()}" is empty or has no letters`;

    let wUnit: Unit = weightUnit;
    if (iWeightUnit !== -1 && f[iWeightUnit]?.trim()) {
      const u = weightUnitOf(f[iWeightUnit]);
      if (!u) throw new BadValue(`Weight Unit "${f[iWeightUnit]}" is not kg or lbs`);
      wUnit = u;
    }
    let dUnit: DistanceUnit = distanceUnit;
    if (iDistanceUnit !== -1 && f[iDistanceUnit]?.trim()) {
      const u = distanceUnitOf(f[iDistanceUnit]);
      if (!u) throw new BadValue(`Distance Unit "${f[iDistanceUnit]}" is not a distance unit`);
      dUnit = u;
    }
    const weight = parseNumber(f[iWeight], "Weight");
    const distance = parseNumber(cell(f, iDistance), "Distance");

    const name = cleanText(f[iName], MAX_SESSION_NAME) ?? "Strong workout";
    const workout = workouts.get(
      f[iDate],
      f[iName],
      () => `${start}\u0000${name}`,
      () => ({
        name,
        start,
        end: null,
        durationSeconds: iDurationSec !== -1 ? parseNumber(f[iDurationSec], "Duration (sec)") : parseDuration(cell(f, iDuration), "Duration"),
        notes: null,
      }),
    );
    if (!workout.notes && iWorkoutNotes !== -1) workout.notes = cleanText(f[iWorkoutNotes], MAX_SESSION_NOTES);

    const set = makeSet(
      line,
      exerciseName,
      setType,
      cleanText(cell(f, iNotes), MAX_SET_NOTES),
      undefined,
      {
        weightKg: weight === null ? null : storedKg(weight, wUnit),
        reps: parseNumber(f[iReps], "Reps"),
        rpe: parseNumber(cell(f, iRpe), "RPE"),
        durationSeconds: parseNumber(cell(f, iSeconds), "Seconds"),
        distanceM: distance === null ? null : toMeters(distance, dUnit),
      },
      warnings,
    );
    if (typeof set === "string") return set;
    workout.sets.push(set);
  });

  return { format: csv.format, app: "strong", rows, workouts: nonEmpty(workouts.list()), skipped, warnings };
}
