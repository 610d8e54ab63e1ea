/**
 * Postgres array literals for `unnest($n::text::<type>[])` bulk inserts. Building the literal
 * here is several times faster than letting the driver serialise a JS array element by element
 * (measurably so on embedded PGlite), and one text parameter per column means no statement ever
 * approaches the 65 535 bind-parameter limit.
 */

/** Numbers, uuids, ISO timestamps, enum words: elements that never need quoting. NULL for null. */
export function plainArray(values: readonly (string | number | null)[]): string {
  let out = "{";
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (i > 0) out += ",";
    out += v === null ? "NULL" : typeof v === "number" ? String(v) : v;
  }
  return out + "}";
}

/** Free text: every element double-quoted with backslash escapes. NULL for null. */
export function textArray(values: readonly (string | null)[]): string {
  let out = "{";
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (i > 0) out += ",";
    out += v === null ? "NULL" : `"${v.replace(/[\\"]/g, "\\$&")}"`;
  }
  return out + "}";
}
