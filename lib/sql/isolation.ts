import { parse } from "libpg-query";
import { fingerprintTree, isObj, list, unwrap, type Json } from "./ast";

/**
 * The exact delimiters the wrapper puts around the model's text. The newlines end any `--`
 * comment; the text is validated as the subquery of `SELECT * FROM (\n<text>\n) AS q LIMIT 1`
 * (the "probe"), so what is checked is exactly how the text parses inside the wrapper.
 */
export const OPEN = "SELECT * FROM (\n";
export const CLOSE = "\n) AS q LIMIT ";

export function probeText(sql: string): string {
  return `${OPEN}${sql}${CLOSE}1`;
}

/** The probe's tree with its subquery blanked out, as comparable text (null if not that shape). */
function outerShape(tree: unknown): { shape: string; subquery: Json } | null {
  if (!isObj(tree)) return null;
  const stmts = list(tree.stmts);
  if (stmts.length !== 1 || !isObj(stmts[0])) return null;
  const stmt = unwrap(stmts[0].stmt);
  if (!stmt || stmt[0] !== "SelectStmt") return null;
  const from = list(stmt[1].fromClause);
  const sub = unwrap(from[0]);
  if (from.length !== 1 || !sub || sub[0] !== "RangeSubselect") return null;
  const subquery = sub[1].subquery;
  const blank = { ...stmts[0], stmt: { SelectStmt: { ...stmt[1], fromClause: [{ RangeSubselect: { ...sub[1], subquery: null } }] } } };
  return { shape: fingerprintTree(blank), subquery };
}

let reference: Promise<string> | undefined;
function referenceShape(): Promise<string> {
  reference ??= parse(probeText("SELECT")).then((tree) => {
    const outer = outerShape(tree);
    if (!outer) throw new Error("libpg-query returned an unexpected tree for the isolation probe");
    return outer.shape;
  });
  return reference;
}

/**
 * Parses `sql` inside the probe. Returns the subquery's node ({"SelectStmt": …}) and the whole
 * tree when the probe is exactly one `SELECT * FROM (<query>) AS q LIMIT 1` — i.e. nothing in the
 * text (comments, quotes, parentheses, semicolons) reached outside the parentheses — else null.
 */
export async function parseIsolated(sql: string): Promise<{ tree: unknown; subquery: Json } | null> {
  let tree: unknown;
  try {
    tree = await parse(probeText(sql));
  } catch {
    return null;
  }
  const outer = outerShape(tree);
  if (!outer || outer.shape !== (await referenceShape())) return null;
  return { tree, subquery: outer.subquery };
}
