import * as echarts from "echarts";
import { describe, expect, it } from "vitest";
import { buildChartOption, ChartSpecError } from "@/lib/charts/build-option";
import { safeText } from "@/lib/charts/safe-text";

const weekly = {
  columns: ["week", "best_e1rm_kg", "top_weight_kg", "sets"],
  rows: [
    { week: "2026-10-05", best_e1rm_kg: 110.5, top_weight_kg: 100, sets: 5 },
    { week: "2026-10-12", best_e1rm_kg: 112, top_weight_kg: 102.5, sets: 5 },
    { week: "2026-10-19", best_e1rm_kg: 115.25, top_weight_kg: 105, sets: 6 },
  ],
};

function hasFunction(value: unknown): boolean {
  if (typeof value === "function") return true;
  if (Array.isArray(value)) return value.some(hasFunction);
  if (value && typeof value === "object") return Object.values(value).some(hasFunction);
  return false;
}

describe("buildChartOption", () => {
  it("builds a time line chart with one series per y column, weights labelled in kg", () => {
    const { type, option } = buildChartOption({ type: "line", title: "Squat", x: "week", y: ["best_e1rm_kg", "top_weight_kg"] }, weekly);
    expect(type).toBe("line");
    const o = option as any;
    expect(o.xAxis.type).toBe("time");
    expect(o.series.map((s: any) => s.name)).toEqual(["Best e1RM (kg)", "Top weight (kg)"]);
    expect(o.series[0].data).toEqual([
      ["2026-10-05", 110.5],
      ["2026-10-12", 112],
      ["2026-10-19", 115.25],
    ]);
    expect(o.yAxis.axisLabel.formatter).toBe("{value} kg");
  });

  it("shows weights in the user's unit, not the model's", () => {
    const { option } = buildChartOption({ type: "bar", title: "Squat", x: "week", y: "top_weight_kg", unit: "kg" }, weekly, { units: "lb" });
    const o = option as any;
    expect(o.series[0].data[0]).toBeCloseTo(220.46, 2);
    expect(o.yAxis.axisLabel.formatter).toBe("{value} lb");
    expect(o.xAxis.type).toBe("category");
    expect(o.xAxis.data).toEqual(["2026-10-05", "2026-10-12", "2026-10-19"]);
  });

  it("rejects columns that are not in the result, naming the ones that are", () => {
    expect(() => buildChartOption({ type: "line", title: "x", x: "week", y: "e1rm" }, weekly)).toThrow(ChartSpecError);
    expect(() => buildChartOption({ type: "line", title: "x", x: "week", y: "e1rm" }, weekly)).toThrow(
      /"e1rm".*Available columns: "week", "best_e1rm_kg"/,
    );
    expect(() => buildChartOption({ type: "pie", title: "x", category: "nope", value: "sets" }, weekly)).toThrow(/"nope"/);
    expect(() => buildChartOption({ type: "line", title: "x", x: "week" }, weekly)).toThrow(/needs at least one "y"/);
    expect(() => buildChartOption({ type: "line", title: "x", x: "week", y: "best_e1rm_kg" }, { columns: weekly.columns, rows: [] })).toThrow(
      /no rows/,
    );
  });

  it("rejects specs with unknown fields or non-column names (strict schema)", () => {
    expect(() => buildChartOption({ type: "line", title: "x", x: "week", y: "sets", data: [[1, 2]] } as never, weekly)).toThrow(ChartSpecError);
    expect(() => buildChartOption({ type: "line", title: "x", x: "week;drop", y: "sets" }, weekly)).toThrow(ChartSpecError);
    expect(() => buildChartOption({ type: "radar" as never, title: "x", x: "week", y: "sets" }, weekly)).toThrow(ChartSpecError);
  });

  it("neutralises markup in exercise names, titles and units", () => {
    const evil = "<img src=x onerror=alert(1)>";
    const data = {
      columns: ["week", "exercise_name", "best_e1rm_kg"],
      rows: [
        { week: "2026-10-05", exercise_name: evil, best_e1rm_kg: 100 },
        { week: "2026-10-05", exercise_name: "Clean & Jerk", best_e1rm_kg: 90 },
        { week: "2026-10-12", exercise_name: evil, best_e1rm_kg: 101 },
      ],
    };
    for (const type of ["line", "bar"] as const) {
      const { option } = buildChartOption({ type, title: `<script>alert(1)</script>`, x: "week", y: "best_e1rm_kg", series: "exercise_name" }, data);
      const json = JSON.stringify(option);
      expect(json).not.toMatch(/[<>]/);
      expect((option as any).series.map((s: any) => s.name)).toEqual(["‹img src=x onerror=alert(1)›", "Clean & Jerk"]);
    }
    const pie = buildChartOption({ type: "pie", title: "Share", category: "exercise_name", value: "best_e1rm_kg", unit: "<b>" }, data);
    expect(JSON.stringify(pie.option)).not.toMatch(/[<>]/);
    const bar = buildChartOption({ type: "bar", title: "t", x: "exercise_name", y: "best_e1rm_kg" }, data);
    expect((bar.option as any).xAxis.data).toContain("‹img src=x onerror=alert(1)›");
    expect(safeText("{a|big}")).toBe("(a|big)");
  });

  it("produces plain JSON only (no functions; survives a JSON round trip unchanged)", () => {
    const specs = [
      { type: "line" as const, title: "a", x: "week", y: ["best_e1rm_kg", "top_weight_kg"] },
      { type: "bar" as const, title: "b", x: "week", y: "sets", unit: "sets" },
      { type: "scatter" as const, title: "c", x: "top_weight_kg", y: "best_e1rm_kg" },
      { type: "pie" as const, title: "d", category: "week", value: "sets" },
      { type: "heatmap" as const, title: "e", x: "week", value: "sets" },
    ];
    for (const spec of specs) {
      const { option } = buildChartOption(spec, weekly);
      expect(hasFunction(option)).toBe(false);
      expect(JSON.parse(JSON.stringify(option))).toEqual(option);
    }
  });

  it("renders in ECharts itself (server-side SVG) for every chart type, with no injected markup", () => {
    const data = {
      columns: [...weekly.columns, "name"],
      rows: weekly.rows.map((r, i) => ({ ...r, name: i === 0 ? "<img src=x onerror=alert(1)>" : "Squat" })),
    };
    const specs = [
      { type: "line" as const, title: "a", x: "week", y: ["best_e1rm_kg", "top_weight_kg"] },
      { type: "bar" as const, title: "b", x: "week", y: "sets", series: "name", stacked: true },
      { type: "scatter" as const, title: "c", x: "top_weight_kg", y: "best_e1rm_kg" },
      { type: "pie" as const, title: "d", category: "name", value: "sets" },
      { type: "heatmap" as const, title: "e", x: "week", value: "sets" },
    ];
    for (const spec of specs) {
      const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width: 600, height: 320 });
      chart.setOption(buildChartOption(spec, data).option as never);
      const svg = chart.renderToSVGString();
      chart.dispose();
      expect(svg.length, spec.type).toBeGreaterThan(1000);
      expect(svg).not.toMatch(/<img/);
    }
  });

  it("builds a calendar heatmap for training frequency", () => {
    const data = {
      columns: ["day", "sessions"],
      rows: [
        { day: "2026-09-01", sessions: 1 },
        { day: "2026-09-03", sessions: 2 },
        { day: "2026-11-20", sessions: 1 },
      ],
    };
    const { type, option } = buildChartOption({ type: "heatmap", title: "Training days", x: "day", value: "sessions" }, data);
    const o = option as any;
    expect(type).toBe("heatmap");
    expect(o.calendar.range).toEqual(["2026-09-01", "2026-11-20"]);
    expect(o.series[0]).toMatchObject({ type: "heatmap", coordinateSystem: "calendar" });
    expect(o.series[0].data).toEqual([
      ["2026-09-01", 1],
      ["2026-09-03", 2],
      ["2026-11-20", 1],
    ]);
    expect(o.visualMap.max).toBe(2);
    // Without a value column each row counts once per day.
    const counted = buildChartOption({ type: "heatmap", title: "t", x: "day" }, data).option as any;
    expect(counted.series[0].data[1]).toEqual(["2026-09-03", 1]);
    // A non-date x is refused.
    expect(() => buildChartOption({ type: "heatmap", title: "t", x: "sessions" }, data)).toThrow(/date column/);
  });

  it("caps a calendar at the last twelve months", () => {
    const data = { columns: ["day"], rows: [{ day: "2024-01-01" }, { day: "2026-11-20" }] };
    const o = buildChartOption({ type: "heatmap", title: "t", x: "day" }, data).option as any;
    expect(o.calendar.range).toEqual(["2025-11-21", "2026-11-20"]);
    expect(o.series[0].data).toEqual([["2026-11-20", 1]]);
  });

  it("groups pie slices beyond the cap into Other and limits series counts", () => {
    const rows = Array.from({ length: 15 }, (_, i) => ({ name: `E${i}`, v: 15 - i }));
    const o = buildChartOption({ type: "pie", title: "t", category: "name", value: "v" }, { columns: ["name", "v"], rows }).option as any;
    expect(o.series[0].data).toHaveLength(12);
    expect(o.series[0].data[11]).toEqual({ name: "Other", value: 4 + 3 + 2 + 1 });
    const many = Array.from({ length: 13 }, (_, i) => ({ week: "2026-10-05", name: `E${i}`, v: 1 }));
    expect(() =>
      buildChartOption({ type: "line", title: "t", x: "week", y: "v", series: "name" }, { columns: ["week", "name", "v"], rows: many }),
    ).toThrow(/Too many series/);
  });
});
