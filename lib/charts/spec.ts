import { z } from "zod";

const CHART_TYPES = ["line", "bar", "scatter", "pie", "heatmap"] as const;
export type ChartType = (typeof CHART_TYPES)[number];

const column = z
  .string()
  .min(1)
  .max(63)
  .regex(/^[A-Za-z_][A-Za-z0-9_ ]*$/, "a column name from the query result");

/**
 * What a model may say about a chart: its kind, title and which result columns to plot.
 * Data, colours and number formats are not part of the spec — they come from the server.
 *   line/bar/scatter: x + y (one or more columns) [+ series: a column whose values split the lines/bars]
 *   pie: category + value      heatmap: x (a date column) [+ y/value: the count per day]
 */
export const chartSpecSchema = z
  .object({
    type: z.enum(CHART_TYPES),
    title: z.string().min(1).max(120),
    x: column.optional(),
    y: z.union([column, z.array(column).min(1).max(6)]).optional(),
    series: column.optional(),
    category: column.optional(),
    value: column.optional(),
    unit: z
      .string()
      .max(12)
      .optional()
      .describe("unit for non-weight values, e.g. 'sets', 'h', 'bpm'; weights (columns ending in _kg) use the user's unit automatically"),
    stacked: z.boolean().optional(),
  })
  .strict();

export type ChartSpec = z.infer<typeof chartSpecSchema>;

export type ChartData = { columns: string[]; rows: Record<string, unknown>[] };

export class ChartSpecError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ChartSpecError";
  }
}
