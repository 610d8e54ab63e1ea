import "server-only";
import { dbHandle } from "@/db/client";
import { DeadlineExceededError } from "@/db/embedded";
import { SandboxExecutionError, SandboxRejectedError } from "./errors";
import { executeEmbedded } from "./execute-embedded";
import { executeOnPool } from "./execute-pg";
import type { RawResult } from "./execute-types";
import { SANDBOX_LIMITS } from "./limits";
import { normalizeValue } from "./normalize";
import { SandboxLoginError, sandboxPool } from "./sandbox-pool";
import { validateSandboxSql } from "./validate";
import { WRAPPER_COLUMNS, assertWrappedIntact, wrapQuery } from "./wrap";
import { logError } from "@/lib/log/redact";

export interface SandboxResult {
  columns: string[];
  rows: Record<string, unknown>[];
  rowCount: number;
  truncated: boolean;
  durationMs: number;
}

export interface SandboxQueryInput {
  userId: string;
  sql: string;
  /** At most SANDBOX_LIMITS.maxRows (1000); larger values are clamped. */
  maxRows?: number;
}

/**
 * Runs the model's SQL over one user's training data: validate (allowlist parser check) → wrap in
 * user-scoped CTEs bound to $1 → execute read-only as spotter_sandbox under RLS with timeouts →
 * normalise the untrusted result. Throws SandboxRejectedError or SandboxExecutionError.
 */
export async function runSandboxedQuery({ userId, sql, maxRows }: SandboxQueryInput): Promise<SandboxResult> {
  const started = performance.now();
  if (typeof userId !== "string" || !userId) throw new SandboxExecutionError("no user to run the query for");
  const cap = Math.max(1, Math.min(SANDBOX_LIMITS.maxRows, Math.floor(maxRows ?? SANDBOX_LIMITS.maxRows)));
  const handle = dbHandle();
  let raw: RawResult;
  try {
    raw =
      handle.kind === "pglite"
        ? await executeEmbedded(handle.embedded, userId, await prepare(sql, cap))
        : await executeOnPool(await sandboxPool(handle.pool, handle.kind), userId, () => prepare(sql, cap));
  } catch (error) {
    if (error instanceof SandboxRejectedError) throw error;
    throw toExecutionError(error);
  }
  return { ...shapeResult(raw, cap), durationMs: Math.round(performance.now() - started) };
}

/** Layer 1 + 2: validate, wrap in the user-scoped CTEs, and check the wrapper kept the query intact. */
async function prepare(sql: string, cap: number): Promise<string> {
  const validated = await validateSandboxSql(sql);
  if (!validated.ok) throw new SandboxRejectedError(validated.reason);
  const wrapped = wrapQuery(validated, cap);
  try {
    assertWrappedIntact(wrapped, validated);
  } catch {
    throw new SandboxRejectedError("the query could not be isolated safely; remove comments and trailing text and try again");
  }
  return wrapped;
}

const TIMEOUT_REASON = `the query ran longer than ${SANDBOX_LIMITS.statementTimeoutMs / 1000} s and was stopped; filter to a shorter period, avoid cross joins, or aggregate earlier`;

/** Runtime failures with an actionable message and no internals (no SQL text, hints about our wrapper, etc.). */
function toExecutionError(error: unknown): SandboxExecutionError {
  if (error instanceof DeadlineExceededError) return new SandboxExecutionError(TIMEOUT_REASON);
  const e = error as { code?: string; message?: string };
  switch (e.code) {
    case "57014":
      return new SandboxExecutionError(TIMEOUT_REASON);
    case "55P03":
      return new SandboxExecutionError("the data is busy (lock timeout); try again in a moment");
    case "25006":
      return new SandboxExecutionError("the sandbox is read-only");
    case "42501":
      return new SandboxExecutionError("permission denied: the sandbox can only read your own training data");
    case "53200":
    case "54000":
    case "54001":
      return new SandboxExecutionError("the query needs too much memory; aggregate or filter more");
  }
  if (typeof e.code === "string" && /^(22|42|21|2201|0A)/.test(e.code) && e.message) {
    // Data and syntax/semantic errors are about the model's own SQL: pass PostgreSQL's message on.
    return new SandboxExecutionError(e.message.replace(/\s+/g, " ").slice(0, 300));
  }
  if (error instanceof SandboxLoginError) {
    logError("[sql-sandbox]", error);
    return new SandboxExecutionError("the query sandbox is misconfigured on this server (see the server log)");
  }
  if (typeof e.message === "string" && /role "spotter_sandbox" does not exist|permission denied to set role/.test(e.message)) {
    logError("[sql-sandbox] sandbox role unavailable", e.message);
    return new SandboxExecutionError("the query sandbox is not set up on this database (run the migrations)");
  }
  logError(`[sql-sandbox] query failed ${e.code ?? ""}`.trim(), e.message ?? error);
  return new SandboxExecutionError("the query failed to run");
}

function uniqueNames(names: string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((n) => {
    const count = (seen.get(n) ?? 0) + 1;
    seen.set(n, count);
    let name = count === 1 ? n : `${n}_${count}`;
    while (count > 1 && seen.has(name)) name = `${name}_`;
    if (count > 1) seen.set(name, 1);
    return name;
  });
}

function shapeResult(raw: RawResult, cap: number): Omit<SandboxResult, "durationMs"> {
  const dataFields = raw.fields.slice(0, raw.fields.length - WRAPPER_COLUMNS);
  const columns = uniqueNames(dataFields.map((f) => f.name));
  const rowIndex = dataFields.length;
  const totalIndex = raw.fields.length - 1;
  const total = Number(raw.rows[0]?.[totalIndex] ?? 0);
  const dataRows = raw.rows.filter((r) => r[rowIndex] !== null && r[rowIndex] !== undefined);
  if (total > 0 && dataRows.length === 0) {
    throw new SandboxExecutionError(
      `the first result row is larger than ${SANDBOX_LIMITS.maxResultBytes / 1_048_576} MB; select fewer or shorter columns`,
    );
  }
  const kept = dataRows.slice(0, cap);
  const rows = kept.map((r) => {
    const row: Record<string, unknown> = {};
    dataFields.forEach((f, i) => {
      row[columns[i]] = normalizeValue(r[i], f.dataTypeID);
    });
    return row;
  });
  const truncated = total > cap || dataRows.length < Math.min(total, cap + 1) || dataRows.length > cap;
  return { columns, rows, rowCount: rows.length, truncated };
}
