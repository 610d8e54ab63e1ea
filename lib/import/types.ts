import type { SetType } from "@/db/tables/training";
import type { ExerciseCategory } from "@/db/tables/exercises";
import type { Unit } from "@/db/tables/profile";

export type { Unit };

/** The export dialect, as reported to the user. */
export type ImportFormat = "strong" | "strong-semicolon" | "strong-legacy" | "hevy" | "hevy-imperial" | "fitnotes";
/** The app a file came from: decides `source` (import:<app>) and the import key. */
export type ImportApp = "strong" | "hevy" | "fitnotes";

export const APP_OF_FORMAT: Record<ImportFormat, ImportApp> = {
  strong: "strong",
  "strong-semicolon": "strong",
  "strong-legacy": "strong",
  hevy: "hevy",
  "hevy-imperial": "hevy",
  fitnotes: "fitnotes",
};

/** A row that was left out (skipped) or changed (warning). `row` is the line in the file (header = 1). */
export interface RowIssue {
  row: number;
  reason: string;
}

/**
 * Wall-clock date-time as written in the file, "YYYY-MM-DDTHH:MM:SS" (no zone): the user's
 * local time, converted to UTC with their time zone when written.
 */
export type LocalDateTime = string;

export interface ParsedSet {
  /** Line in the file where the row starts. */
  line: number;
  exerciseName: string;
  /** Helps the resolver when an unknown exercise becomes a custom one. */
  categoryHint?: ExerciseCategory;
  setType: SetType;
  weightKg: number | null;
  reps: number | null;
  rpe: number | null;
  durationSeconds: number | null;
  distanceM: number | null;
  notes: string | null;
}

export interface ParsedWorkout {
  name: string;
  start: LocalDateTime;
  /** Known end (Hevy) — otherwise derived from durationSeconds when known. */
  end: LocalDateTime | null;
  durationSeconds: number | null;
  notes: string | null;
  /** Stable identity inside the source app (wall-clock start + name, or the date for FitNotes). */
  identity: string;
  sets: ParsedSet[];
}

/** What a format parser returns: pure data, no database. */
export interface ParseResult {
  format: ImportFormat;
  app: ImportApp;
  /** Data rows read (blank lines excluded). */
  rows: number;
  workouts: ParsedWorkout[];
  skipped: RowIssue[];
  warnings: RowIssue[];
}

export interface ParseOptions {
  /** Unit of weights (and distances) that carry no unit in the file. */
  unit: Unit;
}

export interface ImportResult {
  format: ImportFormat;
  rows: number;
  /** Created by this run. */
  sessions: number;
  /** Created by this run. */
  sets: number;
  /** Sessions in the file that were imported before (left untouched, their sets not re-added). */
  alreadyPresentSessions: number;
  /** Distinct exercise names (of the sessions written) that matched the catalog or the user's exercises. */
  exercisesMatched: number;
  /** Distinct exercise names that became new custom exercises. */
  exercisesCreated: number;
  /** Rows left out; `reasons` lists the first MAX_LISTED_ISSUES of them. */
  skipped: { count: number; reasons: RowIssue[] };
  /** Rows imported with a value dropped or adjusted (e.g. an RPE outside 1–10). */
  warnings: { count: number; reasons: RowIssue[] };
  durationMs: number;
}

export const MAX_LISTED_ISSUES = 200;
