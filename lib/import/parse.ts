import { firstLine } from "./csv";
import { detectFormat } from "./detect";
import { ImportFormatError } from "./errors";
import { parseFitNotes } from "./parsers/fitnotes";
import { parseHevy } from "./parsers/hevy";
import { parseStrong } from "./parsers/strong";
import type { ParseOptions, ParseResult } from "./types";

export const SUPPORTED_FORMATS_HELP =
  "Spotter reads the CSV exports of Strong (Settings → Export data), Hevy (Settings → Export & import data → Export workouts) and FitNotes (Settings → Spreadsheet export → Workouts).";

/** Detects the export from its header and runs that format's parser (no database). */
export function parseWorkoutFile(text: string, opts: ParseOptions): ParseResult {
  const header = firstLine(text);
  const detected = detectFormat(header);
  if (!detected) {
    const shown = header.length > 120 ? `${header.slice(0, 117)}…` : header;
    throw new ImportFormatError(`This file is not a workout export we recognise (its first line is "${shown}"). ${SUPPORTED_FORMATS_HELP}`);
  }
  switch (detected.format) {
    case "hevy":
    case "hevy-imperial":
      return parseHevy(text);
    case "fitnotes":
      return parseFitNotes(text);
    default:
      return parseStrong(text, opts);
  }
}
