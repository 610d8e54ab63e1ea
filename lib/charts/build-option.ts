import { fromKg, toKg, type Unit } from "@/lib/units";
import { CHART_GRID, CHART_MUTED, CHART_PALETTE, CHART_TEXT, HEATMAP_RANGE } from "./palette";
import { columnLabel } from "./column-label";
import { safeText } from "./safe-text";
import { ChartSpecError, chartSpecSchema, type ChartData, type ChartSpec, type ChartType } from "./spec";
import { addDays } from "@/lib/time/calendar";

export { ChartSpecError, type ChartData, type ChartSpec, type ChartType } from "./spec";

/** Plain JSON: what an ECharts option may contain here (no functions, no undefined). */
type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type ChartOption = { [key: string]: JsonValue };

const MAX_SERIES = 12;
const MAX_PIE_SLICES = 12;
const MAX_POINTS = 5000;
const DATE_RE = /^\d{4}-\d{2}-\d{2}/;

/**
 * Builds an ECharts option from a chart spec and a query result, deterministically. The spec only
 * names columns; every value comes from the result. Columns ending in `_kg` are shown in the user's
 * unit (as do `_lb` columns). All text is neutralised with safeText, and the option is plain JSON (no formatter
 * functions), so it can be stored, sent to the browser and rendered as is.
 */
export function buildChartOption(specInput: ChartSpec, data: ChartData, opts: { units?: Unit } = {}): { type: ChartType; option: ChartOption } {
  const parsed = chartSpecSchema.safeParse(specInput);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ChartSpecError(`Invalid chart spec: ${issue.path.join(".") || "spec"}: ${issue.message}`);
  }
  const spec = parsed.data;
  const units: Unit = opts.units ?? "kg";
  if (data.rows.length === 0) throw new ChartSpecError("The query returned no rows, so there is nothing to chart.");
  if (data.rows.length > MAX_POINTS)
    throw new ChartSpecError(`Too many rows to chart (${data.rows.length}; at most ${MAX_POINTS}). Aggregate first.`);
  const ctx = new Columns(data, units, spec.unit);

  let option: ChartOption;
  switch (spec.type) {
    case "line":
    case "bar":
    case "scatter":
      option = cartesian(spec, ctx);
      break;
    case "pie":
      option = pie(spec, ctx);
      break;
    case "heatmap":
      option = heatmap(spec, ctx);
      break;
  }
  const base: ChartOption = {
    backgroundColor: "transparent",
    color: [...CHART_PALETTE],
    textStyle: { color: CHART_TEXT, fontFamily: "inherit" },
    title: { text: safeText(spec.title, 120), left: 0, top: 0, textStyle: { fontSize: 14, fontWeight: 600, color: CHART_TEXT } },
    animationDuration: 400,
  };
  // A round trip guarantees plain JSON whatever happened above.
  return { type: spec.type, option: JSON.parse(JSON.stringify({ ...base, ...option })) as ChartOption };
}

/** Column access with validation and unit conversion. */
class Columns {
  constructor(
    private data: ChartData,
    private units: Unit,
    private unitHint: string | undefined,
  ) {}

  require(name: string | undefined, role: string): string {
    if (!name) throw new ChartSpecError(`This chart type needs a "${role}" column.`);
    if (!this.data.columns.includes(name)) {
      const list = this.data.columns.map((c) => `"${c}"`).join(", ");
      throw new ChartSpecError(`Column "${safeText(name, 63)}" (${role}) is not in the query result. Available columns: ${list}.`);
    }
    return name;
  }

  get rows() {
    return this.data.rows;
  }

  /** Weight columns carry their unit as a suffix: best_e1rm_kg, volume_lb. */
  weightUnit(col: string): Unit | null {
    const m = col.match(/_(kg|lb)$/i);
    return m ? (m[1].toLowerCase() as Unit) : null;
  }

  isWeight(col: string) {
    return this.weightUnit(col) !== null;
  }

  unitOf(col: string): string {
    if (this.isWeight(col)) return this.units;
    return safeText(this.unitHint ?? "", 12);
  }

  label(col: string): string {
    return safeText(columnLabel(col, this.unitOf(col) || undefined), 60);
  }

  num(row: Record<string, unknown>, col: string): number | null {
    const v = row[col];
    const n = typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" ? Number(v) : NaN;
    if (!Number.isFinite(n)) return null;
    const from = this.weightUnit(col);
    const value = from && from !== this.units ? fromKg(toKg(n, from), this.units) : n;
    return Math.round(value * 100) / 100;
  }

  requireNumeric(col: string, role: string) {
    if (!this.rows.some((r) => this.num(r, col) !== null)) {
      throw new ChartSpecError(`Column "${safeText(col, 63)}" (${role}) holds no numbers.`);
    }
  }

  isDateColumn(col: string): boolean {
    const values = this.rows.map((r) => r[col]).filter((v) => v !== null && v !== undefined);
    return values.length > 0 && values.every((v) => typeof v === "string" && DATE_RE.test(v));
  }

  text(row: Record<string, unknown>, col: string): string {
    const v = row[col];
    if (v === null || v === undefined) return "—";
    return safeText(typeof v === "object" ? JSON.stringify(v) : v);
  }
}

function dateKey(v: unknown): string {
  return String(v).slice(0, 10);
}

function axisCommon(): ChartOption {
  return {
    axisLine: { lineStyle: { color: CHART_GRID } },
    axisLabel: { color: CHART_MUTED },
    splitLine: { lineStyle: { color: CHART_GRID } },
  };
}

function cartesian(spec: ChartSpec, c: Columns): ChartOption {
  const x = c.require(spec.x, "x");
  const ys = (Array.isArray(spec.y) ? spec.y : spec.y ? [spec.y] : []).map((y) => c.require(y, "y"));
  if (ys.length === 0) throw new ChartSpecError(`A ${spec.type} chart needs at least one "y" column.`);
  for (const y of ys) c.requireNumeric(y, "y");
  const seriesCol = spec.series ? c.require(spec.series, "series") : null;
  if (seriesCol && ys.length > 1) throw new ChartSpecError(`Use either several "y" columns or a "series" column, not both.`);
  const timeX = c.isDateColumn(x);
  const numericX = !timeX && c.rows.every((r) => c.num(r, x) !== null);
  const xType = spec.type === "scatter" ? (timeX ? "time" : numericX ? "value" : "category") : spec.type === "line" && timeX ? "time" : "category";
  if (spec.type === "scatter" && xType === "category")
    throw new ChartSpecError(`A scatter chart needs a numeric or date "x" column; "${safeText(x, 63)}" holds text.`);

  const xValue = (row: Record<string, unknown>): string | number => {
    if (timeX) return xType === "time" ? String(row[x]) : dateKey(row[x]);
    if (xType === "value") return c.num(row, x) ?? 0;
    return c.text(row, x);
  };

  type S = { name: string; points: [string | number, number | null][] };
  let series: S[];
  if (seriesCol) {
    const groups = new Map<string, S>();
    for (const row of c.rows) {
      const name = c.text(row, seriesCol);
      if (!groups.has(name)) {
        if (groups.size >= MAX_SERIES)
          throw new ChartSpecError(`Too many series (more than ${MAX_SERIES} distinct "${safeText(seriesCol, 63)}" values). Filter the query.`);
        groups.set(name, { name, points: [] });
      }
      groups.get(name)!.points.push([xValue(row), c.num(row, ys[0])]);
    }
    series = [...groups.values()];
  } else {
    series = ys.map((y) => ({ name: c.label(y), points: c.rows.map((row) => [xValue(row), c.num(row, y)] as [string | number, number | null]) }));
  }

  const categories = xType === "category" ? [...new Set(series.flatMap((s) => s.points.map((p) => String(p[0]))))] : null;
  const yUnits = [...new Set(ys.map((y) => c.unitOf(y)))];
  const yUnit = yUnits.length === 1 ? yUnits[0] : "";
  const many = categories ? categories.length > 30 : c.rows.length > 60;

  return {
    grid: { left: 8, right: 16, top: series.length > 1 ? 64 : 40, bottom: many ? 48 : 8, containLabel: true },
    tooltip: { trigger: spec.type === "scatter" ? "item" : "axis", confine: true },
    ...(series.length > 1 ? { legend: { type: "scroll", top: 28, textStyle: { color: CHART_MUTED } } } : {}),
    xAxis: {
      type: xType,
      name: c.label(x),
      nameLocation: "middle",
      nameGap: 28,
      ...(categories ? { data: categories } : {}),
      ...(xType !== "category" ? { scale: true } : {}),
      ...axisCommon(),
      splitLine: { show: false },
    },
    yAxis: {
      type: "value",
      // No axis name: the tick labels already carry the unit, and a name above the axis collides
      // with the legend on a phone.
      scale: spec.type !== "bar",
      ...axisCommon(),
      axisLabel: { color: CHART_MUTED, formatter: yUnit ? `{value} ${yUnit}` : "{value}" },
    },
    ...(many ? { dataZoom: [{ type: "inside" }, { type: "slider", height: 18, bottom: 8 }] } : {}),
    series: series.map((s) => ({
      name: s.name,
      type: spec.type,
      ...(spec.type === "line" ? { showSymbol: s.points.length <= 40, connectNulls: true, smooth: false } : {}),
      ...(spec.type === "bar" && spec.stacked ? { stack: "total" } : {}),
      ...(spec.type === "scatter" ? { symbolSize: 8 } : {}),
      data: categories ? alignToCategories(s.points, categories) : s.points,
    })),
  };
}

function alignToCategories(points: [string | number, number | null][], categories: string[]): (number | null)[] {
  const byKey = new Map<string, number | null>();
  for (const [k, v] of points) byKey.set(String(k), v);
  return categories.map((k) => byKey.get(k) ?? null);
}

function pie(spec: ChartSpec, c: Columns): ChartOption {
  const cat = c.require(spec.category ?? spec.x, "category");
  const val = c.require(spec.value ?? (typeof spec.y === "string" ? spec.y : spec.y?.[0]), "value");
  c.requireNumeric(val, "value");
  const totals = new Map<string, number>();
  for (const row of c.rows) {
    const v = c.num(row, val);
    if (v === null || v <= 0) continue;
    const k = c.text(row, cat);
    totals.set(k, (totals.get(k) ?? 0) + v);
  }
  if (totals.size === 0) throw new ChartSpecError(`Column "${safeText(val, 63)}" has no positive values for a pie chart.`);
  const sorted = [...totals.entries()].sort((a, b) => b[1] - a[1]);
  const head = sorted.slice(0, MAX_PIE_SLICES - 1);
  const rest = sorted.slice(MAX_PIE_SLICES - 1);
  if (rest.length) head.push(["Other", rest.reduce((s, [, v]) => s + v, 0)]);
  const unit = c.unitOf(val);
  return {
    tooltip: { trigger: "item", confine: true, formatter: unit ? `{b}: {c} ${unit} ({d}%)` : "{b}: {c} ({d}%)" },
    legend: { type: "scroll", bottom: 0, textStyle: { color: CHART_MUTED } },
    series: [
      {
        name: c.label(val),
        type: "pie",
        radius: ["38%", "68%"],
        center: ["50%", "52%"],
        itemStyle: { borderColor: "#ffffff", borderWidth: 2 },
        label: { color: CHART_TEXT },
        data: head.map(([name, value]) => ({ name, value: Math.round(value * 100) / 100 })),
      },
    ],
  };
}

function heatmap(spec: ChartSpec, c: Columns): ChartOption {
  const x = c.require(spec.x ?? spec.category, "x (date)");
  if (!c.isDateColumn(x)) throw new ChartSpecError(`A calendar heatmap needs a date column for "x"; "${safeText(x, 63)}" holds other values.`);
  const valCol = spec.value ?? (typeof spec.y === "string" ? spec.y : spec.y?.[0]);
  if (valCol) {
    c.require(valCol, "value");
    c.requireNumeric(valCol, "value");
  }
  const perDay = new Map<string, number>();
  for (const row of c.rows) {
    const d = dateKey(row[x]);
    const v = valCol ? (c.num(row, valCol) ?? 0) : 1;
    perDay.set(d, (perDay.get(d) ?? 0) + v);
  }
  const days = [...perDay.keys()].sort();
  let start = days[0];
  const end = days[days.length - 1];
  // A calendar wider than a year is unreadable in a chat bubble: show the last 12 months.
  const yearBefore = addDays(end, -364);
  if (start < yearBefore) start = yearBefore;
  const data = days.filter((d) => d >= start).map((d) => [d, Math.round(perDay.get(d)! * 100) / 100]);
  const max = Math.max(1, ...data.map((d) => d[1] as number));
  const unit = valCol ? c.unitOf(valCol) : safeText(spec.unit ?? "", 12);
  return {
    tooltip: { trigger: "item", confine: true, formatter: unit ? `{c} ${unit}` : "{c}" },
    visualMap: {
      type: "piecewise",
      min: 0,
      max,
      ...(max <= 5 && Number.isInteger(max) ? { pieces: Array.from({ length: max }, (_, i) => ({ value: i + 1 })) } : { splitNumber: 4 }),
      orient: "horizontal",
      left: "center",
      bottom: 0,
      itemWidth: 12,
      itemHeight: 12,
      textStyle: { color: CHART_MUTED },
      inRange: { color: [...HEATMAP_RANGE.slice(1)] },
      outOfRange: { color: HEATMAP_RANGE[0] },
    },
    calendar: {
      range: [start, end],
      top: 56,
      left: 32,
      right: 16,
      bottom: 48,
      cellSize: ["auto", 14],
      splitLine: { show: false },
      itemStyle: { color: HEATMAP_RANGE[0], borderColor: "#ffffff", borderWidth: 2 },
      dayLabel: { firstDay: 1, nameMap: "en", color: CHART_MUTED, fontSize: 10 },
      monthLabel: { nameMap: "en", color: CHART_MUTED },
      yearLabel: { show: false },
    },
    series: [{ type: "heatmap", coordinateSystem: "calendar", name: c.label(valCol ?? "sessions"), data }],
  };
}
