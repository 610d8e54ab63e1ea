import "server-only";
import type { Pool, PoolClient, QueryConfig } from "pg";
import { SANDBOX_LIMITS } from "./limits";
import { SANDBOX_SETTINGS_SQL, isTimeZoneError, sandboxSettingsValues } from "./session-settings";
import type { RawResult } from "./execute-types";

/** Every value comes back as PostgreSQL's text form; normalize.ts converts by type. */
const RAW_TEXT = { getTypeParser: () => (v: string) => v };

/**
 * PostgreSQL / Neon: a dedicated pooled connection, one statement per round-trip over the extended
 * protocol, inside BEGIN READ ONLY … ROLLBACK (always), then DISCARD ALL before the connection
 * goes back to the pool. The rollback and reset happen after the rows are handed back (they change
 * nothing the caller sees); a connection in an unknown state is destroyed instead of reused.
 *
 * `prepareSql` validates and wraps the model's text. It is called once, after BEGIN has been sent:
 * the parser's CPU work overlaps the BEGIN and settings round-trips, and nothing of the model's
 * text is sent before it resolves.
 */
export async function executeOnPool(pool: Pool, userId: string, prepareSql: () => Promise<string>): Promise<RawResult> {
  let prepared: Promise<string> | undefined;
  const once = () => (prepared ??= prepareSql());
  try {
    return await attempt(pool, userId, once, "profile");
  } catch (error) {
    if (!isTimeZoneError(error)) throw error;
    return attempt(pool, userId, once, "UTC"); // the profile's time zone is unknown to PostgreSQL
  }
}

async function attempt(pool: Pool, userId: string, prepareSql: () => Promise<string>, timeZone: "profile" | "UTC"): Promise<RawResult> {
  const client = await pool.connect();
  let broken: Error | undefined;
  const run = (text: string, values: unknown[] = [], rowMode?: "array") =>
    client.query({ text, values, rowMode, types: RAW_TEXT, queryMode: "extended" } as QueryConfig);
  // Backstop if the server never answers: drop the connection (the server-side timeout normally fires first).
  const backstop = setTimeout(() => {
    broken = new Error("sandbox query backstop");
    (client as PoolClient & { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
  }, SANDBOX_LIMITS.statementTimeoutMs + 5000);
  // node-postgres sends a queued query only after the previous one completed, so these are still
  // two round-trips; queuing the second just saves waiting for this function to get the CPU back.
  const begin = run("BEGIN READ ONLY");
  const settings = run(SANDBOX_SETTINGS_SQL, sandboxSettingsValues(userId, timeZone));
  begin.catch(() => {});
  settings.catch(() => {});
  try {
    const text = await prepareSql();
    await begin;
    await settings;
    const result = await run(text, [userId], "array");
    return { fields: result.fields.map((f) => ({ name: f.name, dataTypeID: f.dataTypeID })), rows: result.rows as unknown[][] };
  } finally {
    clearTimeout(backstop);
    // Reset once the queued statements are done (if BEGIN failed the connection is suspect), and
    // after the caller has had its rows.
    void Promise.allSettled([begin, settings]).then(([b]) =>
      setImmediate(() => void cleanUp(client, run, broken ?? (b.status === "rejected" ? (b.reason as Error) : undefined))),
    );
  }
}

async function cleanUp(client: PoolClient, run: (text: string) => Promise<unknown>, broken: Error | undefined) {
  if (!broken) {
    try {
      await run("ROLLBACK");
      await run("DISCARD ALL");
      forgetPreparedStatements(client);
    } catch (e) {
      broken = e as Error;
    }
  }
  client.release(broken ?? undefined);
}

/** DISCARD ALL dropped server-side prepared statements; make node-postgres forget them too. */
function forgetPreparedStatements(client: PoolClient) {
  const conn = (client as unknown as { connection?: { parsedStatements?: object; submittedNamedStatements?: object } }).connection;
  if (conn?.parsedStatements) conn.parsedStatements = {};
  if (conn?.submittedNamedStatements) conn.submittedNamedStatements = {};
}
