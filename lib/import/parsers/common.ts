import { createDateParser } from "../datetime";
import { normalizeExerciseName } from "@/lib/exercises/normalize";
import { EXERCISE_NAME_MAX, exerciseNameTooLong } from "@/lib/workouts/limits";
import { columnIndex, firstLine, forEachRecord, readHeader } from "../csv";
import { detectFormat, type DetectedFormat } from "../detect";
import { ImportFormatError } from "../errors";
import { BadValue, cleanText } from "../values";
import { normalizeMeasures, NOTHING_RECORDED, type SetMeasures } from "../set-values";
import type { ImportFormat, ParsedSet, ParsedWorkout, RowIssue } from "../types";

export const MAX_SESSION_NAME = 200;
export const MAX_SESSION_NOTES = 10_000;
export const MAX_SET_NOTES = 2000;
const MAX_EXERCISE_NAME = EXERCISE_NAME_MAX;

/**
 * Checks the CSV is one of `formats` and reads its header: returns a column lookup and
 * `each`, which runs the row callback over every data record (see eachRecord).
 */
export function openCsv(text: string, formats: ImportFormat[], label: string) {
  const detected: DetectedFormat | null = detectFormat(firstLine(text));
  if (!detected || !formats.includes(detected.format)) {
    throw new ImportFormatError(`This is not a ${label} export (the header line does not match).`);
  }
  const header = readHeader(text, detected.delimiter);
  const cols = columnIndex(header);
  const find = (...names: string[]): number => {
    for (const n of names) {
      const i = cols.get(n);
      if (i !== undefined) return i;
    }
    return -1;
  };
  const findRequired = (...names: string[]): number => {
    const i = find(...names);
    if (i === -1) throw new ImportFormatError(`The ${label} export has no "${names[0]}" column.`);
    return i;
  };
  const each = (minFields: number, skipped: RowIssue[], fn: (fields: string[], line: number) => string | void): number =>
    forEachRecord(text, detected.delimiter, (fields, line) => eachRecord(fields, line, minFields, header.length, skipped, fn));
  return { format: detected.format, header, find, findRequired, each };
}

/** Collects workouts in file order, keyed by their identity. */
class WorkoutCollector {
  private byKey = new Map<string, ParsedWorkout>();
  private lastA: string | null = null;
  private lastB: string | null = null;
  private last: ParsedWorkout | null = null;

  /**
   * The workout for the row whose raw identifying cells are `a` and `b` (e.g. date and name);
   * rows of one workout are consecutive in every export, so the previous row's answer is
   * checked first without building the identity string.
   */
  get(a: string, b: string, identity: () => string, create: () => Omit<ParsedWorkout, "sets" | "identity">): ParsedWorkout {
    if (this.last && a === this.lastA && b === this.lastB) return this.last;
    const id = identity();
    let w = this.byKey.get(id);
    if (!w) {
      w = { ...create(), identity: id, sets: [] };
      this.byKey.set(id, w);
    }
    this.lastA = a;
    this.lastB = b;
    this.last = w;
    return w;
  }

  list(): ParsedWorkout[] {
    return [...this.byKey.values()];
  }
}

/** Shared row handling: a BadValue (or a returned string) skips the row with that reason. */
function eachRecord(
  fields: string[],
  line: number,
  minFields: number,
  maxFields: number,
  skipped: RowIssue[],
  fn: (fields: string[], line: number) => string | void,
) {
  if (fields.length < minFields || fields.length > maxFields) {
    skipped.push({ row: line, reason: `the row has ${fields.length} fields, the header has ${maxFields}` });
    return;
  }
  try {
    const reason = fn(fields, line);
    if (reason) skipped.push({ row: line, reason });
  } catch (e) {
    if (e instanceof BadValue) skipped.push({ row: line, reason: e.message });
    else throw e;
  }
}

/**
 * Builds the set from the row's identity and raw measures (kg / m / s); returns a skip reason
 * when nothing was recorded. Objects are built with one fixed shape: this runs once per row.
 */
export function makeSet(
  line: number,
  exerciseName: string,
  setType: ParsedSet["setType"],
  notes: string | null,
  categoryHint: ParsedSet["categoryHint"],
  measures: SetMeasures,
  warnings: RowIssue[],
): ParsedSet | string {
  const m = normalizeMeasures(measures, line, warnings);
  if (!m) return NOTHING_RECORDED;
  if (!categoryHint && m.distanceM !== null && m.weightKg === null && m.reps === null) categoryHint = "cardio";
  return {
    line,
    exerciseName,
    categoryHint,
    setType,
    weightKg: m.weightKg,
    reps: m.reps,
    rpe: m.rpe,
    durationSeconds: m.durationSeconds,
    distanceM: m.distanceM,
    notes,
  };
}

export function cell(fields: string[], i: number): string | undefined {
  return i === -1 ? undefined : fields[i];
}

/** Workouts whose every row was skipped are dropped. */
export function nonEmpty<T extends { sets: unknown[] }>(list: T[]): T[] {
  return list.filter((w) => w.sets.length > 0);
}

/**
 * Cleans an exercise name; returns null when nothing usable is left (no letters or digits),
 * so such rows are skipped instead of failing the catalog lookup later. Memoised per raw name.
 */
/** What every parser starts with: the date reader, the workouts so far, the rows it skips and the warnings it gives. */
export function startParse() {
  const warnings: RowIssue[] = [];
  return {
    parseDate: createDateParser(),
    workouts: new WorkoutCollector(),
    skipped: [] as RowIssue[],
    warnings,
    readExerciseName: createExerciseNameReader(warnings),
  };
}

function createExerciseNameReader(warnings: RowIssue[]): (raw: string, line: number) => string | null {
  const cache = new Map<string, string | null>();
  return (raw, line) => {
    let v = cache.get(raw);
    if (v === undefined && !cache.has(raw)) {
      const name = cleanText(raw, MAX_EXERCISE_NAME);
      v = name && normalizeExerciseName(name) ? name : null;
      cache.set(raw, v);
      // Said once per name (the first row that has it), never cut silently.
      const length = raw.trim().length;
      if (v && length > MAX_EXERCISE_NAME) {
        warnings.push({ row: line, reason: `${exerciseNameTooLong(length)} It was shortened to “${v.slice(0, 40)}…”` });
      }
    }
    return v ?? null;
  };
}
