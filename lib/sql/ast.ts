/**
 * Helpers over libpg-query's JSON parse tree. Node-typed fields are wrapped ({"SelectStmt": {...}});
 * struct-typed fields (Alias, TypeName, WindowDef in `over`, set-operation arms) are not.
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Obj = { [key: string]: Json };

export function isObj(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** [type, body] of a wrapped node, or null when `v` is not one. */
export function unwrap(v: unknown): [string, Obj] | null {
  if (!isObj(v)) return null;
  const keys = Object.keys(v);
  if (keys.length !== 1 || !/^[A-Z]/.test(keys[0])) return null;
  const body = v[keys[0]];
  return isObj(body) ? [keys[0], body] : null;
}

/** sval of a {"String": {"sval": ...}} node, else null. */
export function stringValue(v: unknown): string | null {
  const n = unwrap(v);
  if (!n || n[0] !== "String") return null;
  return typeof n[1].sval === "string" ? n[1].sval : "";
}

export function list(v: Json | undefined): Json[] {
  return Array.isArray(v) ? v : [];
}

export type ConstValue =
  | { kind: "int" | "float"; value: number; text: string }
  | { kind: "string"; value: string }
  | { kind: "bool"; value: boolean }
  | { kind: "null" }
  | { kind: "bits"; value: string };

/** The value of an A_Const body (protobuf JSON omits zero/false defaults: `ival: {}` is 0). */
export function constValue(body: Obj): ConstValue {
  if (body.isnull) return { kind: "null" };
  if (isObj(body.ival)) {
    const v = Number(body.ival.ival ?? 0);
    return { kind: "int", value: v, text: String(v) };
  }
  if (isObj(body.fval)) {
    const text = String(body.fval.fval ?? "0");
    return { kind: "float", value: Number(text), text };
  }
  if (isObj(body.sval)) return { kind: "string", value: String(body.sval.sval ?? "") };
  if (isObj(body.boolval)) return { kind: "bool", value: Boolean(body.boolval.boolval) };
  if (isObj(body.bsval)) return { kind: "bits", value: String(body.bsval.bsval ?? "") };
  return { kind: "null" };
}

const OFFSET_KEYS = new Set(["location", "stmt_location", "stmt_len", "rexpr_list_start", "rexpr_list_end", "list_start", "list_end"]);

/** Stable text form of a subtree without source offsets (used to compare two parses). */
export function fingerprintTree(v: unknown): string {
  return JSON.stringify(v, (key, value) => (OFFSET_KEYS.has(key) ? undefined : value));
}

/**
 * Counts objects/arrays and the nesting depth iteratively (never recursing), stopping as soon as
 * a cap is exceeded. Everything that later walks the tree recursively relies on these caps.
 */
export function measureTree(root: unknown, maxNodes: number, maxDepth: number): { nodes: number; depth: number; ok: boolean } {
  const stack: [unknown, number][] = [[root, 1]];
  let nodes = 0;
  let depth = 0;
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (typeof v !== "object" || v === null) continue;
    nodes++;
    if (d > depth) depth = d;
    if (nodes > maxNodes || depth > maxDepth) return { nodes, depth, ok: false };
    const children = Array.isArray(v) ? v : Object.values(v);
    for (const c of children) if (typeof c === "object" && c !== null) stack.push([c, d + 1]);
  }
  return { nodes, depth, ok: true };
}
