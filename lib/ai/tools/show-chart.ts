import { tool } from "ai";
import { z } from "zod";
import { checkAllowance, refundAllowance } from "@/lib/billing/allowance";
import { buildChartOption } from "@/lib/charts/build-option";
import { ChartSpecError, chartSpecSchema } from "@/lib/charts/spec";
import type { CoachChart, CoachToolContext } from "./context";

const showChartInput = chartSpecSchema
  .extend({
    queryRef: z
      .string()
      .regex(/^q\d{1,3}$/)
      .optional()
      .describe("queryRef of the query_training_data result to plot; defaults to the latest one in this reply"),
  })
  .strict();

export type ShowChartOutput =
  (CoachChart & { chartId?: string; queryRef: string }) | { error: "invalid_chart"; reason: string } | { error: "chart_limit"; reason: string };

export function showChartTool(ctx: CoachToolContext) {
  return tool({
    description:
      "Draw a chart of a query_training_data result from this reply. Name the result columns to plot; the data itself is taken from the query, not from you. " +
      "Types: line/bar (x + y, optional series column for several lines/bars), scatter (numeric or date x + y), pie (category + value), heatmap (calendar of a date column x, optional value column).",
    inputSchema: showChartInput,
    execute: async (input): Promise<ShowChartOutput> => {
      await ctx.assertUser();
      const ref = input.queryRef ?? ctx.lastRef;
      const result = ref ? ctx.results.get(ref) : undefined;
      if (!result) {
        return {
          error: "invalid_chart",
          reason: input.queryRef
            ? `There is no query result "${input.queryRef}" in this reply. Run query_training_data first.`
            : "Run query_training_data first: charts are drawn from a query result of this reply.",
        };
      }
      const { queryRef: _ref, ...spec } = input;
      const { units } = await ctx.userSettings();
      // The plan's charts-per-day allowance; a chart that fails to build gives its unit back.
      const allowance = await checkAllowance(ctx.opts.db, ctx.opts.userId, { meter: "charts" });
      if (!allowance.allowed) return { error: "chart_limit", reason: allowance.message! };
      try {
        const built = buildChartOption(spec, { columns: result.columns, rows: result.rows }, { units });
        const chart: CoachChart = {
          type: built.type,
          title: spec.title,
          option: built.option,
          sql: result.sql,
          columns: result.columns,
          rows: result.rows,
          truncated: result.truncated,
        };
        const saved = await ctx.opts.onChart?.(chart);
        return { ...chart, queryRef: result.ref, ...(saved && saved.chartId ? { chartId: saved.chartId } : {}) };
      } catch (error) {
        await refundAllowance(ctx.opts.db, ctx.opts.userId, "charts").catch(() => {});
        if (error instanceof ChartSpecError) return { error: "invalid_chart", reason: error.message };
        throw error;
      }
    },
    // The model only needs to know the chart is on screen; the option and rows go to the UI.
    toModelOutput: ({ output }) => {
      if ("error" in output) return { type: "json", value: output };
      return {
        type: "json",
        value: {
          shown: true,
          chartId: output.chartId ?? null,
          type: output.type,
          title: output.title,
          queryRef: output.queryRef,
          points: output.rows.length,
        },
      };
    },
  });
}
