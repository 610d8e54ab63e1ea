import { tool } from "ai";
import { z } from "zod";
import { runSandboxedQuery, SANDBOX_LIMITS, SandboxExecutionError, SandboxRejectedError } from "@/lib/sql";
import type { CoachToolContext } from "./context";

/** Rows handed back to the model; the full result (up to the sandbox row cap) stays server-side for charts. */
export const MODEL_ROW_CAP = 200;
const SANDBOX_MAX_ROWS = SANDBOX_LIMITS.maxRows;

const queryTrainingDataInput = z
  .object({
    sql: z.string().min(1).max(8000).describe("One read-only SELECT (CTEs allowed) over sessions, sets, exercises, body_metrics."),
    purpose: z.string().min(1).max(200).describe("What the query answers, in a few words, e.g. 'weekly best squat e1RM'."),
  })
  .strict();

export type QueryToolOutput =
  | {
      queryRef: string;
      columns: string[];
      rows: Record<string, unknown>[];
      rowCount: number;
      truncated: boolean;
      note?: string;
    }
  | { error: "rejected" | "failed"; reason: string };

export function queryTrainingDataTool(ctx: CoachToolContext) {
  return tool({
    description:
      "Run one read-only SQL SELECT against the signed-in user's own training data (relations: sessions, sets, exercises, body_metrics — see the system prompt). " +
      "Rows are already limited to this user. Returns columns and rows, or { error, reason } when the query is rejected: then fix the query and try once more.",
    inputSchema: queryTrainingDataInput,
    execute: async ({ sql, purpose }): Promise<QueryToolOutput> => {
      await ctx.assertUser();
      const started = performance.now();
      try {
        const result = await runSandboxedQuery({ userId: ctx.opts.userId, sql, maxRows: SANDBOX_MAX_ROWS });
        const ms = Math.round(performance.now() - started);
        const queryRef = ctx.remember({ sql, columns: result.columns, rows: result.rows, truncated: result.truncated });
        await ctx.opts.onQuery?.({ sql, purpose, ms, ok: true, rowCount: result.rowCount, truncated: result.truncated });
        const capped = result.rows.length > MODEL_ROW_CAP;
        const notes: string[] = [];
        if (capped)
          notes.push(
            `Only the first ${MODEL_ROW_CAP} of ${result.rows.length} rows are shown here; aggregate for a complete answer (charts still use every row).`,
          );
        if (result.truncated) notes.push(`The result hit the ${SANDBOX_MAX_ROWS}-row limit.`);
        return {
          queryRef,
          columns: result.columns,
          rows: capped ? result.rows.slice(0, MODEL_ROW_CAP) : result.rows,
          rowCount: result.rowCount,
          truncated: result.truncated || capped,
          ...(notes.length ? { note: notes.join(" ") } : {}),
        };
      } catch (error) {
        const ms = Math.round(performance.now() - started);
        if (error instanceof SandboxRejectedError || error instanceof SandboxExecutionError) {
          const kind = error instanceof SandboxRejectedError ? "rejected" : "failed";
          await ctx.opts.onQuery?.({ sql, purpose, ms, ok: false, rowCount: 0, truncated: false, error: error.reason });
          return { error: kind, reason: error.reason };
        }
        throw error;
      }
    },
  });
}
