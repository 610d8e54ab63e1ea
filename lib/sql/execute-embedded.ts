import "server-only";
import type { EmbeddedDatabase } from "@/db/embedded";
import { SANDBOX_LIMITS } from "./limits";
import { SANDBOX_SETTINGS_SQL, isTimeZoneError, sandboxSettingsValues } from "./session-settings";
import type { RawResult } from "./execute-types";

/**
 * Embedded PGlite: it ignores statement_timeout and would block its thread, so the whole
 * transaction runs under runWithDeadline (worker terminated and reopened on the deadline; it
 * always rolls back). The embedded mutex keeps every other request out until it is done.
 */
export async function executeEmbedded(embedded: EmbeddedDatabase, userId: string, wrappedSql: string): Promise<RawResult> {
  try {
    return await attempt(embedded, userId, wrappedSql, "profile");
  } catch (error) {
    if (!isTimeZoneError(error)) throw error;
    return attempt(embedded, userId, wrappedSql, "UTC");
  }
}

function attempt(embedded: EmbeddedDatabase, userId: string, wrappedSql: string, timeZone: "profile" | "UTC"): Promise<RawResult> {
  return embedded.runWithDeadline(
    async (tx) => {
      await tx.query(SANDBOX_SETTINGS_SQL, sandboxSettingsValues(userId, timeZone));
      const result = await tx.query<unknown[]>(wrappedSql, [userId], { rowMode: "array" });
      return { fields: result.fields, rows: result.rows };
    },
    SANDBOX_LIMITS.statementTimeoutMs,
    "begin read only",
  );
}
