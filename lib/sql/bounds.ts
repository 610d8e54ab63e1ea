import { constValue, list, stringValue, unwrap, type Json } from "./ast";
import { SANDBOX_LIMITS } from "./limits";

/**
 * Bounds for functions whose cost or result size depends on their arguments: generate_series
 * (constant arguments only, at most maxSeriesRows rows) and the width-taking / growing text
 * functions. Each check returns an actionable reason, or null when the call is acceptable.
 */

const DAY = 86_400_000;
/** Smallest length of each unit, so a row estimate is never below the real count. */
const UNIT_MS: Record<string, number> = {
  microsecond: 0.001,
  microseconds: 0.001,
  us: 0.001,
  usec: 0.001,
  usecs: 0.001,
  millisecond: 1,
  milliseconds: 1,
  ms: 1,
  msec: 1,
  msecs: 1,
  second: 1000,
  seconds: 1000,
  sec: 1000,
  secs: 1000,
  s: 1000,
  minute: 60_000,
  minutes: 60_000,
  min: 60_000,
  mins: 60_000,
  m: 60_000,
  hour: 3_600_000,
  hours: 3_600_000,
  hr: 3_600_000,
  hrs: 3_600_000,
  h: 3_600_000,
  day: DAY,
  days: DAY,
  d: DAY,
  week: 7 * DAY,
  weeks: 7 * DAY,
  w: 7 * DAY,
  month: 28 * DAY,
  months: 28 * DAY,
  mon: 28 * DAY,
  mons: 28 * DAY,
  year: 365 * DAY,
  years: 365 * DAY,
  y: 365 * DAY,
  yr: 365 * DAY,
  yrs: 365 * DAY,
  decade: 3650 * DAY,
  decades: 3650 * DAY,
  century: 36_500 * DAY,
  centuries: 36_500 * DAY,
};

type Val = { kind: "num"; v: number } | { kind: "ts"; ms: number } | { kind: "interval"; ms: number } | { kind: "str"; s: string };

const NUMERIC_TYPES = new Set(["int2", "int4", "int8", "smallint", "integer", "int", "bigint", "numeric", "decimal", "float4", "float8", "real"]);
const TIME_TYPES = new Set(["date", "timestamp", "timestamptz"]);

function parseIntervalMs(text: string): number | null {
  const s = text.trim().toLowerCase().replace(/^@\s*/, "");
  const hms = /^(\d+):(\d{2})(?::(\d{2}(?:\.\d+)?))?$/.exec(s);
  if (hms) return (Number(hms[1]) * 3600 + Number(hms[2]) * 60 + Number(hms[3] ?? 0)) * 1000;
  const re = /([+-]?\d+(?:\.\d+)?)\s*([a-z]+)\s*/gy;
  let total = 0;
  let sawNegative = false;
  let sawPositive = false;
  let m: RegExpExecArray | null;
  let consumed = 0;
  while ((m = re.exec(s))) {
    const unit = UNIT_MS[m[2]];
    if (unit === undefined) return null;
    const n = Number(m[1]);
    if (n < 0) sawNegative = true;
    if (n > 0) sawPositive = true;
    total += n * unit;
    consumed = re.lastIndex;
  }
  if (consumed !== s.length || consumed === 0) return null;
  if (sawNegative && sawPositive) return null; // mixed signs: the real step can be ~0 on some dates
  return total;
}

function parseTimestamp(text: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}([ t]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?([+-]\d{2}(:?\d{2})?|z)?$/i.test(text.trim())) return null;
  const ms = Date.parse(text.trim().replace(" ", "T"));
  return Number.isFinite(ms) ? ms : null;
}

function typeName(typeNameBody: Json | undefined): string | null {
  const names = list((typeNameBody as { names?: Json } | null)?.names);
  const last = names.length ? stringValue(names[names.length - 1]) : null;
  if ((typeNameBody as { arrayBounds?: Json } | null)?.arrayBounds) return null;
  return last;
}

/** Evaluates the few constant forms generate_series bounds may take; null when not constant. */
function evalConst(node: Json, now: number, depth = 0): Val | null {
  if (depth > 12) return null;
  const n = unwrap(node);
  if (!n) return null;
  const [type, body] = n;
  if (type === "A_Const") {
    const c = constValue(body);
    if (c.kind === "int" || c.kind === "float") return Number.isFinite(c.value) ? { kind: "num", v: c.value } : null;
    if (c.kind === "string") return { kind: "str", s: c.value };
    return null;
  }
  if (type === "SQLValueFunction") {
    return ["SVFOP_CURRENT_DATE", "SVFOP_CURRENT_TIMESTAMP", "SVFOP_CURRENT_TIMESTAMP_N", "SVFOP_LOCALTIMESTAMP", "SVFOP_LOCALTIMESTAMP_N"].includes(
      String(body.op),
    )
      ? { kind: "ts", ms: now }
      : null;
  }
  if (type === "FuncCall") {
    const names = list(body.funcname).map(stringValue);
    const name = names[names.length - 1];
    const args = list(body.args);
    if (name === "now" && args.length === 0) return { kind: "ts", ms: now };
    if (name === "date_trunc" && args.length === 2) {
      const v = toTs(evalConst(args[1], now, depth + 1));
      return v === null ? null : { kind: "ts", ms: v };
    }
    return null;
  }
  if (type === "TypeCast") {
    const t = typeName(body.typeName);
    if (!t || list((body.typeName as { typmods?: Json })?.typmods).length) return null;
    const inner = evalConst(body.arg, now, depth + 1);
    if (!inner) return null;
    if (NUMERIC_TYPES.has(t)) {
      if (inner.kind === "num") return inner;
      if (inner.kind === "str" && /^\s*[+-]?\d+(\.\d+)?([eE][+-]?\d+)?\s*$/.test(inner.s)) return { kind: "num", v: Number(inner.s) };
      return null;
    }
    if (TIME_TYPES.has(t)) {
      const ms = toTs(inner);
      return ms === null ? null : { kind: "ts", ms };
    }
    if (t === "interval") {
      const ms = inner.kind === "str" ? parseIntervalMs(inner.s) : inner.kind === "interval" ? inner.ms : null;
      return ms === null ? null : { kind: "interval", ms };
    }
    return null;
  }
  if (type === "A_Expr" && body.kind === "AEXPR_OP") {
    const op = stringValue(list(body.name)[0]);
    const r = evalConst(body.rexpr ?? null, now, depth + 1);
    if (!r) return null;
    if (body.lexpr === undefined) {
      if (r.kind === "num" && (op === "-" || op === "+")) return { kind: "num", v: op === "-" ? -r.v : r.v };
      return null;
    }
    const l = evalConst(body.lexpr, now, depth + 1);
    if (!l) return null;
    if (l.kind === "num" && r.kind === "num") {
      if (op === "+") return { kind: "num", v: l.v + r.v };
      if (op === "-") return { kind: "num", v: l.v - r.v };
      if (op === "*") return { kind: "num", v: l.v * r.v };
      if (op === "/" && r.v !== 0) return { kind: "num", v: l.v / r.v };
      return null;
    }
    const lt = toTs(l);
    if (lt !== null && (op === "+" || op === "-")) {
      const delta = r.kind === "interval" ? r.ms : r.kind === "num" ? r.v * DAY : r.kind === "str" ? parseIntervalMs(r.s) : null;
      if (delta === null) return null;
      return { kind: "ts", ms: op === "+" ? lt + delta : lt - delta };
    }
    if (l.kind === "interval" && r.kind === "num" && op === "*") return { kind: "interval", ms: l.ms * r.v };
    return null;
  }
  return null;
}

function toTs(v: Val | null): number | null {
  if (!v) return null;
  if (v.kind === "ts") return v.ms;
  if (v.kind === "str") return parseTimestamp(v.s);
  return null;
}

const SERIES_HELP = `generate_series needs constant arguments (numbers, or date/timestamp literals such as date '2024-01-01', current_date or now() ± interval, with an interval step like interval '1 week') and may produce at most ${SANDBOX_LIMITS.maxSeriesRows} rows`;

/** An upper estimate of the rows generate_series(args) yields, or a reason it is refused. */
export function checkGenerateSeries(args: Json[], now = Date.now()): string | null {
  if (args.length < 2 || args.length > 3) return SERIES_HELP;
  const [a, b, c] = args.map((x) => evalConst(x, now));
  if (!a || !b || (args.length === 3 && !c)) return SERIES_HELP;
  let rows: number;
  if (a.kind === "num" && b.kind === "num" && (!c || c.kind === "num")) {
    const step = c && c.kind === "num" ? c.v : 1;
    if (step === 0) return "generate_series step must not be zero";
    rows = (b.v - a.v) / step < 0 ? 0 : Math.floor((b.v - a.v) / step) + 1;
  } else {
    const start = toTs(a);
    const stop = toTs(b);
    const step = c?.kind === "interval" ? c.ms : c?.kind === "str" ? parseIntervalMs(c.s) : null;
    if (start === null || stop === null || step === null) return SERIES_HELP;
    if (step === 0) return "generate_series step must not be zero";
    // ±2 days covers time zones and date/timestamp rounding of the constants above
    rows = Math.floor((Math.abs(stop - start) + 2 * DAY) / Math.abs(step)) + 1;
  }
  if (!Number.isFinite(rows) || rows > SANDBOX_LIMITS.maxSeriesRows) {
    return `generate_series would produce ${Number.isFinite(rows) ? `about ${Math.round(rows)}` : "unbounded"} rows; the limit is ${SANDBOX_LIMITS.maxSeriesRows} (use a coarser step or a shorter range)`;
  }
  return null;
}

function constInt(node: Json | undefined): number | null {
  if (node === undefined) return null;
  const v = evalConst(node, 0);
  return v?.kind === "num" && Number.isInteger(v.v) ? v.v : null;
}

function constString(node: Json | undefined): string | null {
  if (node === undefined) return null;
  const n = unwrap(node);
  if (!n) return null;
  if (n[0] === "A_Const") {
    const c = constValue(n[1]);
    return c.kind === "string" ? c.value : null;
  }
  if (n[0] === "TypeCast" && ["text", "varchar"].includes(typeName(n[1].typeName) ?? "")) return constString(n[1].arg);
  return null;
}

/** Width and size bounds for lpad/rpad/repeat/format/replace/regexp_replace. */
export function checkGrowthCall(name: string, args: Json[]): string | null {
  const { maxWidth, maxGrowthLiteral } = SANDBOX_LIMITS;
  if (name === "lpad" || name === "rpad") {
    const w = constInt(args[1]);
    if (w === null || w < 0 || w > maxWidth) return `${name} needs a constant width between 0 and ${maxWidth}`;
    return null;
  }
  if (name === "repeat") {
    const n = constInt(args[1]);
    const s = constString(args[0]);
    if (n === null || n < 0 || n > maxWidth) return `repeat needs a constant count between 0 and ${maxWidth}`;
    if (s === null || s.length > maxGrowthLiteral) return `repeat may only repeat a string literal of at most ${maxGrowthLiteral} characters`;
    return null;
  }
  if (name === "replace" || name === "regexp_replace") {
    const r = constString(args[2]);
    if (r === null || r.length > maxGrowthLiteral) return `${name} needs a string literal replacement of at most ${maxGrowthLiteral} characters`;
    return null;
  }
  if (name === "format") {
    const f = constString(args[0]);
    if (f === null) return "format needs a string literal as its format";
    const spec = /%(?:(\d+)\$)?(-)?(\*(?:\d+\$)?|\d+)?([sIL%])?/g;
    let m: RegExpExecArray | null;
    while ((m = spec.exec(f))) {
      if (!m[4]) return "format string has an incomplete % specifier";
      if (m[3]?.startsWith("*")) return "format widths must be constants (no *)";
      if (m[3] && Number(m[3]) > maxWidth) return `format widths may be at most ${maxWidth}`;
    }
    return null;
  }
  return null;
}
