import { parse } from "csv-parse/sync";
import { CsvError } from "csv-parse";
import { ImportFormatError } from "./errors";

export interface CsvRecord {
  /** Line in the file where the record starts (header = line 1). */
  line: number;
  fields: string[];
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The first line of the text (without BOM), for format detection. */
export function firstLine(text: string): string {
  const t = stripBom(text);
  const nl = t.search(/\r\n|\n|\r/);
  return nl === -1 ? t : t.slice(0, nl);
}

/**
 * Reads a whole CSV with csv-parse (quoted fields, "" escapes, multi-line quoted notes, CRLF).
 * Returns the header and the data records with their starting line numbers; blank lines are
 * dropped. A structurally broken file (e.g. an unclosed quote) → ImportFormatError with the line.
 */
export function readCsv(text: string, delimiter: string): { header: string[]; records: CsvRecord[] } {
  let rows: string[][];
  try {
    rows = parse(stripBom(text), {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: false,
      bom: false,
    }) as string[][];
  } catch (e) {
    if (e instanceof CsvError) {
      const line = (e as CsvError & { lines?: number }).lines;
      throw new ImportFormatError(`The file is not valid CSV${line ? ` near line ${line}` : ""}: ${e.message.replace(/^[A-Za-z ]+: /, "")}`);
    }
    throw e;
  }
  if (rows.length === 0) throw new ImportFormatError("The file is empty.");
  const header = rows[0].map((h) => h.trim());
  const records: CsvRecord[] = [];
  let line = 1 + newlinesIn(rows[0]) + 1;
  for (let i = 1; i < rows.length; i++) {
    const fields = rows[i];
    const start = line;
    line += 1 + newlinesIn(fields);
    if (isBlank(fields)) continue;
    records.push({ line: start, fields });
  }
  return { header, records };
}

function newlinesIn(fields: string[]): number {
  let n = 0;
  for (const f of fields) {
    if (f.indexOf("\n") === -1 && f.indexOf("\r") === -1) continue;
    n += f.match(/\r\n|\r|\n/g)!.length;
  }
  return n;
}

function isBlank(fields: string[]): boolean {
  for (const f of fields) if (f.trim() !== "") return false;
  return true;
}

/** Lower-case, trimmed header names → column index (first occurrence wins). */
export function columnIndex(header: string[]): Map<string, number> {
  const map = new Map<string, number>();
  header.forEach((h, i) => {
    const key = h.trim().toLowerCase();
    if (!map.has(key)) map.set(key, i);
  });
  return map;
}
