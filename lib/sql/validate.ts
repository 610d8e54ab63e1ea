import { parse } from "libpg-query";
import {
  ALLOWED_EXPR_KINDS,
  ALLOWED_FUNCTION_LIST,
  ALLOWED_FUNCTIONS,
  ALLOWED_OPERATOR_LIST,
  ALLOWED_OPERATORS,
  ALLOWED_SQL_VALUE_FUNCTIONS,
  ALLOWED_SUBLINKS,
  ALLOWED_TYPE_LIST,
  ALLOWED_TYPES,
  GROWTH_FUNCTIONS,
} from "./allowlist";
import { isObj, list, measureTree, stringValue, unwrap, type Json, type Obj } from "./ast";
import { checkGenerateSeries, checkGrowthCall } from "./bounds";
import { parseIsolated } from "./isolation";
import { SANDBOX_LIMITS } from "./limits";
import { SANDBOX_RELATION_NAMES, SANDBOX_RELATIONS, isSandboxRelation } from "./relations";

export interface ValidatedQuery {
  /** The statement's SelectStmt node ({"SelectStmt": …}) as parsed inside the wrapper's parentheses. */
  ast: Obj;
  /** The statement's text, trimmed, without trailing semicolons. */
  sql: string;
}
export type ValidationResult = ({ ok: true } & ValidatedQuery) | { ok: false; reason: string };

class Reject extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}
function reject(reason: string): never {
  throw new Reject(reason);
}

const RELATIONS_HINT = `query only ${SANDBOX_RELATION_NAMES.join(", ")} (unqualified) or CTEs you define`;
const PRINTABLE_ASCII = /^[\x20-\x7e]+$/;

const STATEMENT_NAMES: Record<string, string> = {
  InsertStmt: "INSERT",
  UpdateStmt: "UPDATE",
  DeleteStmt: "DELETE",
  MergeStmt: "MERGE",
  CopyStmt: "COPY",
  DoStmt: "DO",
  CallStmt: "CALL",
  ExplainStmt: "EXPLAIN",
  ListenStmt: "LISTEN",
  NotifyStmt: "NOTIFY",
  UnlistenStmt: "UNLISTEN",
  PrepareStmt: "PREPARE",
  ExecuteStmt: "EXECUTE",
  DeallocateStmt: "DEALLOCATE",
  VariableSetStmt: "SET/RESET",
  VariableShowStmt: "SHOW",
  TransactionStmt: "transaction control (BEGIN/COMMIT/ROLLBACK)",
  LockStmt: "LOCK",
  TruncateStmt: "TRUNCATE",
  DeclareCursorStmt: "DECLARE CURSOR",
  FetchStmt: "FETCH",
  DiscardStmt: "DISCARD",
  CreateTableAsStmt: "CREATE TABLE AS",
  LoadStmt: "LOAD",
  CheckPointStmt: "CHECKPOINT",
  VacuumStmt: "VACUUM/ANALYZE",
};

/** Allowed keys per node/struct type. A key outside this list means syntax we do not vet. */
const FIELDS: Record<string, readonly string[]> = {
  SelectStmt: [
    "distinctClause",
    "targetList",
    "fromClause",
    "whereClause",
    "groupClause",
    "groupDistinct",
    "havingClause",
    "windowClause",
    "valuesLists",
    "sortClause",
    "limitOffset",
    "limitCount",
    "limitOption",
    "withClause",
    "op",
    "all",
    "larg",
    "rarg",
  ],
  WithClause: ["ctes", "recursive", "location"],
  CommonTableExpr: ["ctename", "aliascolnames", "ctematerialized", "ctequery", "search_clause", "cycle_clause", "location"],
  ResTarget: ["name", "indirection", "val", "location"],
  RangeVar: ["catalogname", "schemaname", "relname", "inh", "relpersistence", "alias", "location"],
  Alias: ["aliasname", "colnames"],
  RangeSubselect: ["lateral", "subquery", "alias"],
  RangeFunction: ["lateral", "ordinality", "is_rowsfrom", "functions", "alias", "coldeflist"],
  JoinExpr: ["jointype", "isNatural", "larg", "rarg", "usingClause", "join_using_alias", "quals", "alias", "rtindex"],
  ColumnRef: ["fields", "location"],
  A_Const: ["ival", "fval", "sval", "bsval", "boolval", "isnull", "location"],
  A_Expr: ["kind", "name", "lexpr", "rexpr", "rexpr_list_start", "rexpr_list_end", "location"],
  BoolExpr: ["boolop", "args", "location"],
  NullTest: ["arg", "nulltesttype", "argisrow", "location"],
  BooleanTest: ["arg", "booltesttype", "location"],
  CaseExpr: ["arg", "args", "defresult", "location"],
  CaseWhen: ["expr", "result", "location"],
  CoalesceExpr: ["args", "location"],
  MinMaxExpr: ["op", "args", "location"],
  A_ArrayExpr: ["elements", "list_start", "list_end", "location"],
  RowExpr: ["args", "row_format", "location"],
  GroupingFunc: ["args", "location"],
  GroupingSet: ["kind", "content", "location"],
  A_Indirection: ["arg", "indirection"],
  A_Indices: ["is_slice", "lidx", "uidx"],
  TypeCast: ["arg", "typeName", "location"],
  TypeName: ["names", "typeOid", "setof", "pct_type", "typmods", "typemod", "arrayBounds", "location"],
  FuncCall: [
    "funcname",
    "args",
    "agg_order",
    "agg_filter",
    "over",
    "agg_within_group",
    "agg_star",
    "agg_distinct",
    "func_variadic",
    "funcformat",
    "location",
  ],
  NamedArgExpr: ["arg", "name", "argnumber", "location"],
  SubLink: ["subLinkType", "subLinkId", "testexpr", "operName", "subselect", "location"],
  SQLValueFunction: ["op", "typmod", "location"],
  SortBy: ["node", "sortby_dir", "sortby_nulls", "useOp", "location"],
  WindowDef: ["name", "refname", "partitionClause", "orderClause", "frameOptions", "startOffset", "endOffset", "location"],
  List: ["items"],
  String: ["sval"],
  Integer: ["ival"],
  A_Star: [],
};

const SPECIFIC_NODE_REASONS: Record<string, string> = {
  ParamRef: "the query must not contain parameters ($1…); write the values into the SQL",
  CollateClause: "COLLATE is not allowed",
  RangeTableSample: "TABLESAMPLE is not allowed",
  XmlExpr: "XML functions are not allowed",
  XmlSerialize: "XML functions are not allowed",
  JsonObjectConstructor: "SQL/JSON constructors are not allowed; use json_build_object / jsonb_build_object",
  JsonArrayConstructor: "SQL/JSON constructors are not allowed; use json_build_array / json_agg",
  JsonArrayQueryConstructor: "SQL/JSON constructors are not allowed; use json_agg",
  JsonObjectAgg: "SQL/JSON aggregates are not allowed; use json_object_agg",
  JsonArrayAgg: "SQL/JSON aggregates are not allowed; use json_agg",
  JsonFuncExpr: "SQL/JSON query functions are not allowed; use -> / ->> operators",
  JsonTable: "JSON_TABLE is not allowed",
  JsonIsPredicate: "IS JSON is not allowed",
  JsonParseExpr: "SQL/JSON functions are not allowed",
  JsonScalarExpr: "SQL/JSON functions are not allowed",
  JsonSerializeExpr: "SQL/JSON functions are not allowed",
  MergeSupportFunc: "MERGE is not allowed",
  MultiAssignRef: "this syntax is not allowed",
  CurrentOfExpr: "cursors are not allowed",
  IntoClause: "SELECT … INTO is not allowed",
  LockingClause: "locking clauses (FOR UPDATE/SHARE) are not allowed",
  RangeTableFunc: "XMLTABLE is not allowed",
};

const SQL_VALUE_REASON: Record<string, string> = {
  SVFOP_CURRENT_USER: "CURRENT_USER",
  SVFOP_CURRENT_ROLE: "CURRENT_ROLE",
  SVFOP_SESSION_USER: "SESSION_USER",
  SVFOP_USER: "USER",
  SVFOP_CURRENT_CATALOG: "CURRENT_CATALOG",
  SVFOP_CURRENT_SCHEMA: "CURRENT_SCHEMA",
};

/** Columns of composite set-returning functions, for alias.column checks. */
const SRF_COLUMNS: Record<string, string[]> = {
  json_each: ["key", "value"],
  jsonb_each: ["key", "value"],
  json_each_text: ["key", "value"],
  jsonb_each_text: ["key", "value"],
};

type Cols = (string | null)[];
type Scope = ReadonlyMap<string, Cols>;
interface Source {
  refname: string | null;
  cols: Cols;
}
interface ExprCtx {
  scope: Scope;
  inGrowth: boolean;
}

function fields(type: string, body: Obj) {
  const allowed = FIELDS[type];
  if (!allowed) reject(SPECIFIC_NODE_REASONS[type] ?? `unsupported syntax (${type})`);
  for (const key of Object.keys(body)) {
    if (!allowed.includes(key)) {
      if (key === "intoClause" || key === "lockingClause") reject(SPECIFIC_NODE_REASONS[key === "intoClause" ? "IntoClause" : "LockingClause"]);
      reject(`unsupported syntax (${type}.${key})`);
    }
  }
}

function ident(v: unknown, what: string): string {
  const s = typeof v === "string" ? v : stringValue(v);
  if (s === null) reject(`unsupported syntax in ${what}`);
  if (!PRINTABLE_ASCII.test(s)) reject(`${what} "${s.replace(/[^\x20-\x7e]/g, "?")}" must use printable ASCII characters only`);
  return s;
}

function node(v: Json | undefined, where: string): [string, Obj] {
  const n = unwrap(v);
  if (!n) reject(`unsupported syntax in ${where}`);
  return n;
}

function expectSelect(v: Json | undefined, where: string): Obj {
  const [type, body] = node(v, where);
  if (type !== "SelectStmt") {
    if (STATEMENT_NAMES[type]) reject(`${STATEMENT_NAMES[type]} is not allowed inside a query (${where}); only SELECT`);
    reject(`only SELECT is allowed in ${where} (found ${type})`);
  }
  return body;
}

function operatorName(names: Json | undefined, where: string): string {
  const parts = list(names);
  if (parts.length !== 1) reject(`schema-qualified operators (OPERATOR(...)) are not allowed in ${where}`);
  return ident(parts[0], "operator");
}

function checkOperator(names: Json | undefined, where: string) {
  const op = operatorName(names, where);
  if (!ALLOWED_OPERATORS.has(op)) reject(`operator ${op} is not allowed; allowed operators: ${ALLOWED_OPERATOR_LIST}`);
}

class Analyzer {
  /** Every FROM item by reference name, across the whole query. */
  private sources = new Map<string, Set<string>[]>();
  private pendingRefs: { ref: string; col: string }[] = [];
  private cteNames = new Set<string>();

  finish() {
    for (const { ref, col } of this.pendingRefs) {
      const found = this.sources.get(ref);
      if (!found) reject(`"${ref}.${col}": there is no FROM item called "${ref}"; qualify columns with a table alias from your FROM clause`);
      if (ALLOWED_FUNCTIONS.has(col)) continue;
      // "a.b" calls function b(a) when a has no column b; so b must be a known column of every FROM
      // item called a (a name may be reused in different subqueries).
      if (!found.every((cols) => cols.has(col))) {
        reject(
          `"${ref}.${col}": "${col}" is not a column of "${ref}"; name the column in the subquery's select list (or give it an alias) before referring to it`,
        );
      }
    }
  }

  private register(src: Source) {
    if (!src.refname) return;
    const set = new Set(src.cols.filter((c): c is string => c !== null));
    const all = this.sources.get(src.refname) ?? [];
    all.push(set);
    this.sources.set(src.refname, all);
  }

  /** Visits a SelectStmt body; returns its output column names (null where unknown). */
  select(body: Obj, outer: Scope): Cols {
    fields("SelectStmt", body);
    let scope = outer;
    if (body.withClause !== undefined) scope = this.withClause(body.withClause, outer);
    const ctx: ExprCtx = { scope, inGrowth: false };

    if (body.op && body.op !== "SETOP_NONE") {
      if (!isObj(body.larg) || !isObj(body.rarg)) reject("unsupported set operation");
      const left = this.select(body.larg, scope);
      this.select(body.rarg, scope);
      for (const s of list(body.sortClause)) this.sortBy(s, ctx);
      this.expr(body.limitCount, ctx);
      this.expr(body.limitOffset, ctx);
      return left;
    }

    if (body.valuesLists !== undefined) {
      let width = 0;
      for (const row of list(body.valuesLists)) {
        const [t, b] = node(row, "VALUES");
        if (t !== "List") reject("unsupported VALUES syntax");
        width = Math.max(width, list(b.items).length);
        for (const item of list(b.items)) this.expr(item, ctx);
      }
      for (const s of list(body.sortClause)) this.sortBy(s, ctx);
      this.expr(body.limitCount, ctx);
      this.expr(body.limitOffset, ctx);
      return Array.from({ length: width }, (_, i) => `column${i + 1}`);
    }

    const level: Source[] = [];
    for (const item of list(body.fromClause)) this.fromItem(item, scope, level);

    const out: Cols = [];
    for (const t of list(body.targetList)) {
      const [type, rt] = node(t, "select list");
      if (type !== "ResTarget") reject("unsupported select list item");
      fields("ResTarget", rt);
      if (rt.indirection !== undefined) reject("unsupported select list syntax");
      const name = rt.name === undefined ? null : ident(rt.name, "column alias");
      this.expr(rt.val, ctx);
      if (name !== null) out.push(name);
      else out.push(...this.figureNames(rt.val, level));
    }
    for (const d of list(body.distinctClause)) if (!(isObj(d) && Object.keys(d).length === 0)) this.expr(d, ctx);
    this.expr(body.whereClause, ctx);
    for (const g of list(body.groupClause)) this.expr(g, ctx);
    this.expr(body.havingClause, ctx);
    for (const w of list(body.windowClause)) {
      const [type, wd] = node(w, "WINDOW clause");
      if (type !== "WindowDef") reject("unsupported WINDOW clause");
      this.windowDef(wd, ctx);
    }
    for (const s of list(body.sortClause)) this.sortBy(s, ctx);
    this.expr(body.limitCount, ctx);
    this.expr(body.limitOffset, ctx);
    return out;
  }

  private withClause(w: Json, outer: Scope): Scope {
    if (!isObj(w)) reject("unsupported WITH syntax");
    fields("WithClause", w);
    if (w.recursive) reject("recursive CTEs (WITH RECURSIVE) are not allowed");
    const scope = new Map(outer);
    for (const c of list(w.ctes)) {
      const [type, cte] = node(c, "WITH");
      if (type !== "CommonTableExpr") reject("unsupported WITH syntax");
      fields("CommonTableExpr", cte);
      const name = ident(cte.ctename, "CTE name");
      if (isSandboxRelation(name)) reject(`CTE name "${name}" would shadow the relation ${name}; choose another name`);
      if (/^(pg_|spotter_)/i.test(name)) reject(`CTE name "${name}" is reserved; choose another name`);
      if (this.cteNames.has(name)) reject(`CTE name "${name}" is defined twice; use distinct names`);
      if (cte.search_clause !== undefined || cte.cycle_clause !== undefined) reject("SEARCH/CYCLE clauses are not allowed");
      const [qtype] = node(cte.ctequery, `CTE "${name}"`);
      if (qtype !== "SelectStmt") reject(`data-modifying statements in WITH are not allowed (CTE "${name}"); only SELECT`);
      // A non-recursive CTE sees only the CTEs before it, never itself or later ones.
      const out = this.select(expectSelect(cte.ctequery, `CTE "${name}"`), scope);
      const aliases = list(cte.aliascolnames).map((a) => ident(a, "CTE column name"));
      this.cteNames.add(name);
      scope.set(name, aliases.length ? [...aliases, ...out.slice(aliases.length)] : out);
    }
    return scope;
  }

  private alias(a: Json | undefined): { name: string | null; cols: string[] } {
    if (a === undefined) return { name: null, cols: [] };
    if (!isObj(a)) reject("unsupported alias syntax");
    fields("Alias", a);
    return { name: ident(a.aliasname, "alias"), cols: list(a.colnames).map((c) => ident(c, "column alias")) };
  }

  private renamed(cols: Cols, aliasCols: string[]): Cols {
    return aliasCols.length ? [...aliasCols, ...cols.slice(aliasCols.length)] : cols;
  }

  private fromItem(item: Json, scope: Scope, level: Source[]) {
    const [type, b] = node(item, "FROM");
    if (!FIELDS[type] || !["RangeVar", "RangeSubselect", "RangeFunction", "JoinExpr"].includes(type)) {
      reject(SPECIFIC_NODE_REASONS[type] ?? `unsupported FROM item (${type})`);
    }
    fields(type, b);
    if (type === "RangeVar") {
      if (b.catalogname !== undefined || b.schemaname !== undefined) {
        const full = [b.catalogname, b.schemaname, b.relname].filter((x) => typeof x === "string").join(".");
        reject(`schema-qualified names are not allowed ("${full}"); ${RELATIONS_HINT}`);
      }
      const rel = ident(b.relname, "relation name");
      let cols: Cols;
      if (scope.has(rel)) cols = scope.get(rel)!;
      else if (isSandboxRelation(rel)) cols = [...SANDBOX_RELATIONS[rel]];
      else if (/^pg_/i.test(rel)) reject(`system catalogs ("${rel}") are not available; ${RELATIONS_HINT}`);
      else if (this.cteNames.has(rel)) reject(`CTE "${rel}" is not visible here (a CTE can only use CTEs defined before it); ${RELATIONS_HINT}`);
      else reject(`relation "${rel}" is not available; ${RELATIONS_HINT}`);
      const alias = this.alias(b.alias);
      const src = { refname: alias.name ?? rel, cols: this.renamed(cols, alias.cols) };
      this.register(src);
      level.push(src);
      return;
    }
    if (type === "RangeSubselect") {
      const out = this.select(expectSelect(b.subquery, "FROM subquery"), scope);
      const alias = this.alias(b.alias);
      const src = { refname: alias.name, cols: this.renamed(out, alias.cols) };
      this.register(src);
      level.push(src);
      return;
    }
    if (type === "RangeFunction") {
      if (b.coldeflist !== undefined) reject("column definition lists are not allowed");
      const names: string[] = [];
      for (const f of list(b.functions)) {
        const [lt, lb] = node(f, "FROM function");
        const items = lt === "List" ? list(lb.items) : [];
        if (items.length !== 2 || !(isObj(items[1]) && Object.keys(items[1]).length === 0)) reject("column definition lists are not allowed");
        const [ft, fb] = node(items[0], "FROM function");
        if (ft !== "FuncCall") reject("only function calls (generate_series, unnest, …) may appear as functions in FROM");
        this.expr(items[0], { scope, inGrowth: false });
        const fnames = list(fb.funcname);
        names.push(stringValue(fnames[fnames.length - 1]) ?? "");
      }
      const alias = this.alias(b.alias);
      let cols: Cols;
      if (alias.cols.length) cols = alias.cols;
      else if (names.length === 1 && SRF_COLUMNS[names[0]]) cols = [...SRF_COLUMNS[names[0]]];
      else if (names.length === 1) cols = [alias.name ?? names[0]];
      else cols = [null]; // ROWS FROM(...): at least one column, names not tracked
      // With column aliases the ordinality column is among them (or unnamed): never over-count.
      if (b.ordinality && !alias.cols.length) cols = [...cols, "ordinality"];
      const src = { refname: alias.name ?? (names.length === 1 ? names[0] : null), cols };
      this.register(src);
      level.push(src);
      return;
    }
    // JoinExpr
    const inner: Source[] = [];
    this.fromItem(b.larg, scope, inner);
    this.fromItem(b.rarg, scope, inner);
    for (const u of list(b.usingClause)) ident(u, "USING column");
    if (b.join_using_alias !== undefined) {
      const a = this.alias(b.join_using_alias);
      this.register({ refname: a.name, cols: list(b.usingClause).map((u) => stringValue(u)) });
    }
    this.expr(b.quals, { scope, inGrowth: false });
    const merged = this.joinColumns(inner, b);
    if (b.alias !== undefined) {
      const alias = this.alias(b.alias);
      this.register({ refname: alias.name, cols: this.renamed(merged, alias.cols) });
    }
    level.push({ refname: null, cols: merged });
  }

  /**
   * Output columns of a join in PostgreSQL's order (USING/NATURAL columns first, merged). When a
   * side is not fully known the result is [null]: a star's real width is at least 1, so later
   * positions can only be undercounted, which keeps alias renaming conservative.
   */
  private joinColumns(inner: Source[], b: Obj): Cols {
    const left = inner[0]?.cols ?? [null];
    const right = inner[1]?.cols ?? [null];
    if (b.usingClause === undefined && !b.isNatural) return [...left, ...right];
    if (left.includes(null) || right.includes(null)) return [null];
    const l = left as string[];
    const r = right as string[];
    const common = b.isNatural ? l.filter((c) => r.includes(c)) : list(b.usingClause).map((u) => stringValue(u) ?? "");
    return [...common, ...l.filter((c) => !common.includes(c)), ...r.filter((c) => !common.includes(c))];
  }

  /** Names PostgreSQL would give an unnamed select-list item (only where certain). */
  private figureNames(val: Json | undefined, level: Source[]): Cols {
    const n = unwrap(val);
    if (!n) return [null];
    const [type, b] = n;
    if (type === "ColumnRef") {
      const f = list(b.fields);
      const last = f[f.length - 1];
      if (unwrap(last)?.[0] === "A_Star") {
        if (f.length === 1) return level.flatMap((s) => s.cols);
        const ref = stringValue(f[0]);
        const src = level.find((s) => s.refname === ref);
        return src ? src.cols : [null];
      }
      return [stringValue(last)];
    }
    if (type === "FuncCall") {
      const f = list(b.funcname);
      return [stringValue(f[f.length - 1])];
    }
    if (type === "TypeCast" && unwrap(b.arg)?.[0] === "ColumnRef") return this.figureNames(b.arg, level).slice(0, 1);
    return [null];
  }

  private sortBy(s: Json, ctx: ExprCtx) {
    const [type, b] = node(s, "ORDER BY");
    if (type !== "SortBy") reject("unsupported ORDER BY syntax");
    fields("SortBy", b);
    if (b.useOp !== undefined) checkOperator(b.useOp, "ORDER BY … USING");
    this.expr(b.node, ctx);
  }

  private windowDef(w: Obj, ctx: ExprCtx) {
    fields("WindowDef", w);
    if (w.name !== undefined) ident(w.name, "window name");
    if (w.refname !== undefined) ident(w.refname, "window name");
    for (const p of list(w.partitionClause)) this.expr(p, ctx);
    for (const o of list(w.orderClause)) this.sortBy(o, ctx);
    this.expr(w.startOffset, ctx);
    this.expr(w.endOffset, ctx);
  }

  private typeName(t: Json | undefined) {
    if (!isObj(t)) reject("unsupported type syntax");
    fields("TypeName", t);
    if (t.setof || t.pct_type) reject("unsupported type syntax");
    const names = list(t.names).map((n) => ident(n, "type name"));
    const name = names[names.length - 1];
    if (names.length > 2 || (names.length === 2 && names[0] !== "pg_catalog") || !ALLOWED_TYPES.has(name)) {
      reject(`cast to type ${names.join(".")} is not allowed; allowed types: ${ALLOWED_TYPE_LIST}`);
    }
    for (const m of list(t.typmods)) {
      const [mt, mb] = node(m, "type modifier");
      if (mt !== "A_Const" || !isObj(mb.ival)) reject("type modifiers must be integer constants");
    }
    for (const a of list(t.arrayBounds)) if (node(a, "array bounds")[0] !== "Integer") reject("unsupported array type syntax");
  }

  private funcCall(b: Obj, ctx: ExprCtx) {
    fields("FuncCall", b);
    const names = list(b.funcname).map((n) => ident(n, "function name"));
    const name = names[names.length - 1];
    if (names.length > 2 || (names.length === 2 && names[0] !== "pg_catalog")) {
      reject(`function ${names.join(".")} is not allowed; call functions unqualified. Allowed functions: ${ALLOWED_FUNCTION_LIST}`);
    }
    if (!ALLOWED_FUNCTIONS.has(name)) reject(`function ${name} is not allowed; allowed functions: ${ALLOWED_FUNCTION_LIST}`);
    if (b.func_variadic) reject("VARIADIC calls are not allowed");
    const args = list(b.args);
    if (name === "generate_series") {
      const why = checkGenerateSeries(args);
      if (why) reject(why);
    }
    const growth = GROWTH_FUNCTIONS.has(name);
    if (growth) {
      if (ctx.inGrowth) reject(`${name} may not be nested inside repeat/lpad/rpad/format/replace/regexp_replace`);
      const why = checkGrowthCall(name, args);
      if (why) reject(why);
    }
    const inner: ExprCtx = { scope: ctx.scope, inGrowth: ctx.inGrowth || growth };
    for (const a of args) {
      const n = unwrap(a);
      if (n?.[0] === "NamedArgExpr") {
        fields("NamedArgExpr", n[1]);
        ident(n[1].name, "argument name");
        this.expr(n[1].arg, inner);
      } else this.expr(a, inner);
    }
    for (const o of list(b.agg_order)) this.sortBy(o, inner);
    this.expr(b.agg_filter, inner);
    if (b.over !== undefined) {
      if (!isObj(b.over)) reject("unsupported OVER syntax");
      this.windowDef(b.over, inner);
    }
  }

  /** Visits an expression node (undefined = absent, fine). */
  expr(v: Json | undefined, ctx: ExprCtx): void {
    if (v === undefined) return;
    const [type, b] = node(v, "expression");
    if (SPECIFIC_NODE_REASONS[type]) reject(SPECIFIC_NODE_REASONS[type]);
    fields(type, b);
    switch (type) {
      case "A_Const":
      case "Integer":
      case "A_Star":
        return;
      case "String":
        ident(b.sval, "name");
        return;
      case "ColumnRef": {
        const f = list(b.fields);
        if (f.length < 1 || f.length > 2) reject("use column or alias.column (names with more parts are not allowed)");
        const parts = f.map((x) => (unwrap(x)?.[0] === "A_Star" ? "*" : ident(x, "column name")));
        if (parts[0] === "*" && f.length === 2) reject("unsupported column reference");
        if (f.length === 2 && parts[1] !== "*") this.pendingRefs.push({ ref: parts[0], col: parts[1] });
        return;
      }
      case "A_Expr": {
        const kind = String(b.kind);
        if (!ALLOWED_EXPR_KINDS.has(kind)) reject(`unsupported operator syntax (${kind})`);
        if (!kind.includes("BETWEEN")) checkOperator(b.name, "expression");
        this.expr(b.lexpr, ctx);
        this.expr(b.rexpr, ctx);
        return;
      }
      case "SubLink": {
        if (!ALLOWED_SUBLINKS.has(String(b.subLinkType))) reject(`unsupported subquery form (${String(b.subLinkType)})`);
        if (b.operName !== undefined) checkOperator(b.operName, "subquery comparison");
        this.expr(b.testexpr, ctx);
        this.select(expectSelect(b.subselect, "subquery"), ctx.scope);
        return;
      }
      case "FuncCall":
        this.funcCall(b, ctx);
        return;
      case "TypeCast":
        this.typeName(b.typeName);
        this.expr(b.arg, ctx);
        return;
      case "SQLValueFunction": {
        const op = String(b.op);
        if (!ALLOWED_SQL_VALUE_FUNCTIONS.has(op))
          reject(`${SQL_VALUE_REASON[op] ?? op} is not allowed; use current_date, now() or current_timestamp`);
        return;
      }
      case "A_Indirection": {
        this.expr(b.arg, ctx);
        for (const i of list(b.indirection)) {
          const [it, ib] = node(i, "indirection");
          if (it !== "A_Indices") reject("(expression).field notation is not allowed; select the column by name (alias.column)");
          fields("A_Indices", ib);
          this.expr(ib.lidx, ctx);
          this.expr(ib.uidx, ctx);
        }
        return;
      }
      case "CaseExpr":
        this.expr(b.arg, ctx);
        for (const w of list(b.args)) this.expr(w, ctx);
        this.expr(b.defresult, ctx);
        return;
      case "CaseWhen":
        this.expr(b.expr, ctx);
        this.expr(b.result, ctx);
        return;
      case "SortBy":
        this.sortBy(v, ctx);
        return;
      case "GroupingSet":
        for (const c of list(b.content)) this.expr(c, ctx);
        return;
      case "List":
        for (const c of list(b.items)) this.expr(c, ctx);
        return;
      case "BoolExpr":
      case "CoalesceExpr":
      case "MinMaxExpr":
      case "RowExpr":
      case "GroupingFunc":
        for (const c of list(b.args)) this.expr(c, ctx);
        return;
      case "A_ArrayExpr":
        for (const c of list(b.elements)) this.expr(c, ctx);
        return;
      case "NullTest":
      case "BooleanTest":
        this.expr(b.arg, ctx);
        return;
      default:
        reject(`unsupported syntax (${type})`);
    }
  }
}

/**
 * Layer 1 of the sandbox: parse with the real PostgreSQL parser and accept exactly one SELECT
 * built only from allowlisted syntax, relations, functions, operators and types.
 */
export async function validateSandboxSql(sql: unknown): Promise<ValidationResult> {
  try {
    return { ok: true, ...(await validateOrThrow(sql)) };
  } catch (e) {
    if (e instanceof Reject) return { ok: false, reason: e.reason };
    throw e;
  }
}

async function validateOrThrow(input: unknown): Promise<ValidatedQuery> {
  if (typeof input !== "string") reject("the query must be a string");
  if (input.length > SANDBOX_LIMITS.maxSqlLength) {
    reject(`the query is ${input.length} characters long; the limit is ${SANDBOX_LIMITS.maxSqlLength}. Simplify it`);
  }
  if (input.includes("\u0000")) reject("the query contains a NUL byte");
  if (!input.trim()) reject("the query is empty");

  // Common case, one parse: the text inside the wrapper's parentheses (see isolation.ts).
  const text = withoutTrailingSemicolons(input.trim());
  const isolated = text ? await parseIsolated(text) : null;
  if (isolated) {
    checkSize(isolated.tree);
    analyze(expectSelect(isolated.subquery, "the query"));
    return { ast: isolated.subquery as Obj, sql: text };
  }
  // Otherwise parse the text on its own, for a precise reason (syntax error, several statements…).
  await rejectStandalone(input);
  reject("the query could not be isolated safely; remove comments and trailing text and try again");
}

/** Linear on purpose: /[\s;]+$/ backtracks quadratically over a long run that is not at the end. */
function withoutTrailingSemicolons(text: string): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === ";" || /\s/.test(text[end - 1]))) end--;
  return text.slice(0, end);
}

function checkSize(tree: unknown) {
  const size = measureTree(tree, SANDBOX_LIMITS.maxAstNodes, SANDBOX_LIMITS.maxAstDepth);
  if (!size.ok)
    reject(
      `the query is too large or too deeply nested (limits: ${SANDBOX_LIMITS.maxAstNodes} parse nodes, depth ${SANDBOX_LIMITS.maxAstDepth}); simplify it`,
    );
}

function analyze(select: Obj) {
  const analyzer = new Analyzer();
  analyzer.select(select, new Map());
  analyzer.finish();
}

/** Rejects with the reason the text fails on its own; returns if it would be a valid query. */
async function rejectStandalone(input: string): Promise<void> {
  let tree: unknown;
  try {
    tree = await parse(input);
  } catch (e) {
    const err = e as { message?: string; sqlDetails?: { cursorPosition?: number } };
    const pos = err.sqlDetails?.cursorPosition;
    reject(`syntax error: ${String(err.message ?? e).slice(0, 200)}${typeof pos === "number" ? ` (at character ${pos + 1})` : ""}`);
  }
  checkSize(tree);
  const stmts = list((tree as Obj).stmts);
  if (stmts.length !== 1) reject(`send exactly one statement (found ${stmts.length}); no semicolon-separated statements`);
  const raw = stmts[0];
  if (!isObj(raw)) reject("unsupported statement");
  const [type, body] = node(raw.stmt, "statement");
  if (type !== "SelectStmt")
    reject(`${STATEMENT_NAMES[type] ?? type.replace(/Stmt$/, "").toUpperCase()} is not allowed; only a single SELECT (optionally WITH … SELECT)`);
  analyze(body);
}
