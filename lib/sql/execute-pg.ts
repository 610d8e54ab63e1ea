import type { Pool, PoolClient, QueryConfig } from "pg";
import { SANDBOX_LIMITS } from "./limits";
import { SANDBOX_SETTINGS_SQL, USER_TIME_ZONE_SQL, safeTimeZone, sandboxSettingsValues } from "./session-settings";
import type { RawResult } from "./execute-types";

/** Every value comes back as PostgreSQL's text form; normalize.ts converts by type. */
const RAW_TEXT = { getTypeParser: () => (v: string) => v };

/**
 * PostgreSQL / Neon: a dedicated pooled connection, one statement per round-trip over the extended
 * protocol, inside BEGIN READ ONLY … ROLLBACK (always), then DISCARD ALL before the connection
 * goes back to the pool. A connection in an unknown state is destroyed instead.
 */
export async function executeOnPool(pool: Pool, userId: string, wrappedSql: string): Promise<RawResult> {
  const client = await pool.connect();
  let destroy: Error | undefined;
  let began = false;
  const run = (text: string, values: unknown[] = [], rowMode?: "array") =>
    client.query({ text, values, rowMode, types: RAW_TEXT, queryMode: "extended" } as QueryConfig);
  // Backstop if the server never answers: drop the connection (the server-side timeout normally fires first).
  const backstop = setTimeout(() => {
    destroy = new Error("sandbox query backstop");
    (client as PoolClient & { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
  }, SANDBOX_LIMITS.statementTimeoutMs + 5000);
  try {
    await run("BEGIN READ ONLY");
    began = true;
    const tz = await run(USER_TIME_ZONE_SQL, [userId]);
    await run(SANDBOX_SETTINGS_SQL, sandboxSettingsValues(userId, safeTimeZone(tz.rows[0]?.timezone)));
    const result = await run(wrappedSql, [userId], "array");
    return { fields: result.fields.map((f) => ({ name: f.name, dataTypeID: f.dataTypeID })), rows: result.rows as unknown[][] };
  } catch (error) {
    if (!began) destroy ??= error as Error;
    throw error;
  } finally {
    clearTimeout(backstop);
    if (!destroy) {
      try {
        await run("ROLLBACK");
        await run("DISCARD ALL");
        forgetPreparedStatements(client);
      } catch (e) {
        destroy = e as Error;
      }
    }
    client.release(destroy ?? undefined);
  }
}

/** DISCARD ALL dropped server-side prepared statements; make node-postgres forget them too. */
function forgetPreparedStatements(client: PoolClient) {
  const conn = (client as unknown as { connection?: { parsedStatements?: object; submittedNamedStatements?: object } }).connection;
  if (conn?.parsedStatements) conn.parsedStatements = {};
  if (conn?.submittedNamedStatements) conn.submittedNamedStatements = {};
}
