/**
 * Result values are untrusted: whatever the query produced is turned into plain JSON-safe values
 * by column type (OID). Works on raw text (node-postgres with identity parsers) and on values
 * PGlite already parsed (numbers, bigint, booleans, objects, some arrays still as text).
 */

const INT_TYPES = new Set([20, 21, 23, 26]); // int8, int2, int4, oid
const FLOAT_TYPES = new Set([700, 701]);
const NUMERIC = 1700;
const BOOL = 16;
const JSON_TYPES = new Set([114, 3802]);
const DATE = 1082;
const TIMESTAMP = 1114;
const TIMESTAMPTZ = 1184;

/** Array type OID → element type OID. */
const ARRAY_ELEMENTS: Record<number, number> = {
  1000: 16,
  1005: 21,
  1007: 23,
  1016: 20,
  1021: 700,
  1022: 701,
  1231: 1700,
  1009: 25,
  1015: 1043,
  1014: 1042,
  1182: 1082,
  1115: 1114,
  1185: 1184,
  1187: 1186,
  2951: 2950,
  199: 114,
  3807: 3802,
  1183: 1083,
};

export function normalizeValue(value: unknown, oid: number): unknown {
  if (value === null || value === undefined) return null;
  const elem = ARRAY_ELEMENTS[oid];
  if (elem !== undefined) {
    const arr = typeof value === "string" ? parsePgArray(value) : value;
    return Array.isArray(arr) ? normalizeArray(arr, elem) : String(value);
  }
  if (INT_TYPES.has(oid) || oid === NUMERIC) return toNumber(value);
  if (FLOAT_TYPES.has(oid)) return toNumber(value);
  if (oid === BOOL) return value === true || value === "t" || value === "true";
  if (JSON_TYPES.has(oid)) return toJsonSafe(typeof value === "string" ? safeJsonParse(value) : value);
  if (oid === TIMESTAMPTZ || oid === TIMESTAMP) return toIsoTimestamp(value);
  if (oid === DATE) return value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
  return toJsonSafe(value);
}

function normalizeArray(arr: unknown[], elem: number): unknown[] {
  return arr.map((v) => (Array.isArray(v) ? normalizeArray(v, elem) : normalizeValue(v, elem)));
}

/** Numbers stay numbers; exact decimals become numbers when that loses nothing meaningful. */
function toNumber(value: unknown): number | string {
  if (typeof value === "number") return Number.isFinite(value) ? value : String(value);
  if (typeof value === "bigint") return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  const text = String(value).trim();
  const n = Number(text);
  if (!Number.isFinite(n) || text === "") return text; // NaN, Infinity, or not a number at all
  if (/^[+-]?\d+$/.test(text) && !Number.isSafeInteger(n)) return text; // big integers stay exact
  return n;
}

/** ISO 8601 with the session time zone's offset, e.g. 2024-05-01T18:30:00+02:00. */
function toIsoTimestamp(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  const text = String(value);
  const m = /^(\d{4,}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}(?:\.\d+)?)(?:([+-])(\d{2})(?::?(\d{2}))?(?::(\d{2}))?)?( BC)?$/.exec(text);
  if (!m || m[7] || m[6]) return text; // BC dates, second-precision offsets, infinity: keep as text
  const offset = m[3] ? `${m[3]}${m[4]}:${m[5] ?? "00"}` : "";
  return `${m[1]}T${m[2]}${offset === "+00:00" ? "Z" : offset}`;
}

function safeJsonParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Anything else: strings, plain JSON structures, with bigint/Date/non-finite numbers made safe. */
function toJsonSafe(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : String(value);
  if (typeof value === "bigint") return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (value instanceof Uint8Array) return Buffer.from(value).toString("hex");
  if (Array.isArray(value)) return value.map(toJsonSafe);
  if (typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toJsonSafe(v);
    return out;
  }
  return String(value);
}

/** Parses PostgreSQL's array text format ({a,"b c",NULL,{1,2}}); null when malformed. */
export function parsePgArray(text: string): unknown[] | null {
  let i = 0;
  // Optional dimension decoration: [1:3]={...}
  if (text[0] === "[") {
    const eq = text.indexOf("=");
    if (eq < 0) return null;
    i = eq + 1;
  }
  const root: unknown[] = [];
  const stack: unknown[][] = [];
  let current: unknown[] | null = null;
  while (i < text.length) {
    const ch = text[i];
    if (ch === "{") {
      const next: unknown[] = [];
      if (current) {
        current.push(next);
        stack.push(current);
      } else root.push(next);
      current = next;
      i++;
    } else if (ch === "}") {
      if (!current) return null;
      current = stack.pop() ?? null;
      i++;
    } else if (ch === ",") {
      i++;
    } else if (ch === '"') {
      if (!current) return null;
      let s = "";
      i++;
      while (i < text.length && text[i] !== '"') {
        if (text[i] === "\\") i++;
        s += text[i];
        i++;
      }
      if (text[i] !== '"') return null;
      i++;
      current.push(s);
    } else {
      if (!current) return null;
      let j = i;
      while (j < text.length && text[j] !== "," && text[j] !== "}") j++;
      const token = text.slice(i, j).trim();
      current.push(token === "NULL" ? null : token);
      i = j;
    }
  }
  return root.length === 1 && Array.isArray(root[0]) ? (root[0] as unknown[]) : null;
}
