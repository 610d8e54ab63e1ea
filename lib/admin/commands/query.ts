import fs from "node:fs";
import { SandboxExecutionError, SandboxRejectedError, runSandboxedQuery } from "@/lib/sql";
import { CommandOutput, UsageError, defineCommand, optionalString, requireString } from "../command";
import { findUserByEmail } from "../find-user";
import { recordDataAccess } from "@/lib/privacy/access-log";

const MAX_BATCH_BYTES = 10 * 1024 * 1024;

type Outcome = { ok: true; columns: string[]; rows: Record<string, unknown>[]; truncated?: true } | { ok: false; error: string; reason: string };

/** Exactly the path the chat's coach uses: same validator, same user binding, same limits. */
async function runOne(userId: string, sql: string): Promise<Outcome> {
  try {
    const r = await runSandboxedQuery({ userId, sql });
    return { ok: true, columns: r.columns, rows: r.rows, ...(r.truncated ? { truncated: true as const } : {}) };
  } catch (error) {
    if (error instanceof SandboxRejectedError) return { ok: false, error: "rejected", reason: error.reason };
    if (error instanceof SandboxExecutionError) return { ok: false, error: "failed", reason: error.reason };
    throw error;
  }
}

function readBatch(file: string): string[] {
  let text: string;
  try {
    if (fs.statSync(file).size > MAX_BATCH_BYTES) throw new UsageError(`${file} is larger than 10 MB`);
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return text.split(/\r?\n/).filter((line) => line.trim() !== "");
}

export default defineCommand({
  name: "query",
  summary: "Run read-only SQL over one user's training data through the coach's SQL sandbox",
  usage: '--email EMAIL "SQL"  |  --email EMAIL --batch FILE',
  details: [
    'Prints {"columns":[...],"rows":[...]} (plus "truncated":true when capped). A rejected or failed',
    'query prints {"error":"rejected"|"failed","reason":"..."} and exits 2.',
    "--batch FILE: one JSON-encoded SQL string per line, each run independently; prints one result per",
    'line with "ok": true|false; exits 2 when any statement was rejected or failed.',
    "Relations: sessions, sets, exercises, body_metrics (see docs/sql-sandbox.md).",
  ].join("\n"),
  options: {
    email: { type: "string" },
    batch: { type: "string" },
  },
  positionals: { min: 0, max: 1 },
  validate(values, positionals) {
    requireString(values, "email");
    const batch = optionalString(values, "batch");
    if (batch && positionals.length) throw new UsageError("give either one SQL statement or --batch FILE, not both");
    if (!batch && !positionals[0]?.trim()) throw new UsageError("missing SQL (or --batch FILE)");
  },
  async run({ db, values, positionals }) {
    const user = await findUserByEmail(db, requireString(values, "email"));
    await recordDataAccess(db, {
      subjectUserId: user.id,
      actorUserId: null,
      actorKind: "operator",
      what: "Training data (SQL query)",
      via: "admin CLI: query",
    });
    const batch = optionalString(values, "batch");
    if (!batch) {
      const { ok, ...rest } = await runOne(user.id, positionals[0]);
      return new CommandOutput(`${JSON.stringify(rest)}\n`, ok ? 0 : 2);
    }
    const lines = readBatch(batch);
    let failed = 0;
    let out = "";
    for (const [i, line] of lines.entries()) {
      let sql: unknown;
      try {
        sql = JSON.parse(line);
      } catch {
        sql = undefined;
      }
      const outcome: Outcome =
        typeof sql === "string" ? await runOne(user.id, sql) : { ok: false, error: "invalid", reason: `line ${i + 1} is not a JSON-encoded string` };
      if (!outcome.ok) failed++;
      out += `${JSON.stringify(outcome)}\n`;
    }
    return new CommandOutput(out, failed ? 2 : 0);
  },
});
