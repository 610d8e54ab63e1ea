"use client";

import ReactEChartsCore from "echarts-for-react/lib/core";
import { BarChart, HeatmapChart, LineChart, PieChart, ScatterChart } from "echarts/charts";
import {
  CalendarComponent,
  DatasetComponent,
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
} from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";

// Only what the coach's charts use: keeps the lazily loaded chunk small.
echarts.use([
  LineChart,
  BarChart,
  ScatterChart,
  PieChart,
  HeatmapChart,
  CalendarComponent,
  DataZoomComponent,
  GridComponent,
  TooltipComponent,
  TitleComponent,
  LegendComponent,
  VisualMapComponent,
  DatasetComponent,
  CanvasRenderer,
]);

/** Loaded with next/dynamic (ssr: false) by ChartCard; never part of the first page load. */
export default function EChart({ option, height, label }: { option: Record<string, unknown>; height: number; label: string }) {
  return (
    <div role="img" aria-label={label}>
      <ReactEChartsCore echarts={echarts} option={option} notMerge lazyUpdate opts={{ renderer: "canvas" }} style={{ height, width: "100%" }} />
    </div>
  );
}
