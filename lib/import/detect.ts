import { parse } from "csv-parse/sync";
import { stripBom } from "./csv";
import type { ImportFormat } from "./types";

export interface DetectedFormat {
  format: ImportFormat;
  delimiter: "," | ";";
}

function splitHeader(line: string, delimiter: string): string[] | null {
  try {
    const rows = parse(line, { delimiter, relax_column_count: true, relax_quotes: true }) as string[][];
    return rows[0]?.map((h) => h.trim().toLowerCase()) ?? null;
  } catch {
    return null;
  }
}

/**
 * Recognises an export by its header line (BOM tolerated):
 * - strong: `Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE`
 * - strong-semicolon: `"Workout #";"Date";"Workout Name";"Duration (sec)";…;"Weight (kg)";…`
 * - strong-legacy: `Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;…;Workout Duration`, or the
 *   older comma export without the Notes columns (`Date,Workout Name,Duration,…,Seconds,RPE`)
 * - hevy / hevy-imperial: `title,start_time,end_time,…,exercise_title,…,set_index,set_type,weight_kg|weight_lbs,…`
 * - fitnotes: `Date,Exercise,Category,Weight (kgs)|Weight (lbs),Reps,Distance,Distance Unit,Time[,Comment]`
 * Returns null for anything else.
 */
export function detectFormat(headerLine: string): DetectedFormat | null {
  const line = stripBom(headerLine).split(/\r\n|\n|\r/, 1)[0] ?? "";
  if (line.trim() === "") return null;
  const semi = (line.match(/;/g)?.length ?? 0) > (line.match(/,/g)?.length ?? 0);
  const delimiter = semi ? ";" : ",";
  const cols = splitHeader(line, delimiter);
  if (!cols) return null;
  const has = (name: string) => cols.includes(name);
  const hasAny = (...names: string[]) => names.some(has);

  if (has("title") && has("start_time") && has("exercise_title") && has("set_type")) {
    if (has("weight_lbs") || has("distance_miles")) return { format: "hevy-imperial", delimiter };
    if (has("weight_kg") || has("distance_km")) return { format: "hevy", delimiter };
    return null;
  }
  if (has("date") && has("exercise") && has("category") && has("reps") && cols.some((c) => /^weight \((kgs?|lbs?)\)$/.test(c))) {
    return { format: "fitnotes", delimiter };
  }
  if (has("date") && has("workout name") && has("exercise name") && has("set order") && has("reps")) {
    if (has("workout #") || has("duration (sec)")) return { format: "strong-semicolon", delimiter };
    const weightCols = cols.filter((c) => c.startsWith("weight"));
    if (weightCols.length === 0) return null;
    if (has("weight unit") || has("workout duration") || !hasAny("notes", "workout notes")) return { format: "strong-legacy", delimiter };
    return { format: "strong", delimiter };
  }
  return null;
}
