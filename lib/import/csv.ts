import { parse } from "csv-parse/sync";
import type { Options } from "csv-parse";
import { CsvError } from "csv-parse";
import { ImportFormatError } from "./errors";

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The first line of the text (without BOM), for format detection. */
export function firstLine(text: string): string {
  const t = stripBom(text);
  const nl = t.search(/\r\n|\n|\r/);
  return nl === -1 ? t : t.slice(0, nl);
}

/** The header record (first line) of the text, trimmed. */
export function readHeader(text: string, delimiter: string): string[] {
  const rows = parseOrExplain(stripBom(text), { delimiter, to_line: 1, relax_column_count: true, bom: false }) as string[][];
  if (rows.length === 0) throw new ImportFormatError("The file is empty.");
  return rows[0].map((h) => h.trim());
}

/**
 * Runs `onRecord` over every data record of the CSV (quoted fields, "" escapes, multi-line
 * quoted notes, CRLF) with the line it starts on. Blank lines are ignored. Returns the number
 * of data records. A structurally broken file (e.g. an unclosed quote) → ImportFormatError with
 * the line. (csv-parse's per-record hook would avoid holding all records at once, but it builds
 * an info object per record and halves the throughput, so records are parsed in one go.)
 */
export function forEachRecord(text: string, delimiter: string, onRecord: (fields: string[], line: number) => void): number {
  const rows = parseOrExplain(stripBom(text), { delimiter, relax_column_count: true, skip_empty_lines: false, bom: false }) as string[][];
  let line = 1 + (rows.length ? newlinesIn(rows[0]) + 1 : 0);
  let count = 0;
  for (let i = 1; i < rows.length; i++) {
    const fields = rows[i];
    rows[i] = EMPTY; // let records go as soon as they are read
    const start = line;
    line += 1 + newlinesIn(fields);
    if (isBlank(fields)) continue;
    count++;
    onRecord(fields, start);
  }
  return count;
}

const EMPTY: string[] = [];

function parseOrExplain(text: string, options: Options): unknown {
  try {
    return parse(text, options);
  } catch (e) {
    if (e instanceof CsvError) {
      const line = (e as CsvError & { lines?: number }).lines;
      throw new ImportFormatError(`The file is not valid CSV${line ? ` near line ${line}` : ""}: ${e.message.replace(/^[A-Za-z ]+: /, "")}`);
    }
    throw e;
  }
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
