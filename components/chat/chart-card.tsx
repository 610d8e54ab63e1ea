"use client";

import { Code2, Table2 } from "lucide-react";
import dynamic from "next/dynamic";
import * as React from "react";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { columnLabel } from "@/lib/charts/column-label";
import type { ChartPayload } from "@/lib/chat/types";

const EChart = dynamic(() => import("./echart"), {
  ssr: false,
  loading: () => <Skeleton className="h-64 w-full sm:h-72" />,
});

/** Rows shown in "Show data" before "Show all". */
const PREVIEW_ROWS = 50;

function chartTitle(chart: ChartPayload): string {
  const title = chart.option.title as { text?: unknown } | { text?: unknown }[] | undefined;
  const first = Array.isArray(title) ? title[0] : title;
  return typeof first?.text === "string" && first.text ? first.text : `${chart.chartType[0].toUpperCase()}${chart.chartType.slice(1)} chart`;
}

function formatCell(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "number")
    return Number.isInteger(value) ? value.toLocaleString("en-US") : value.toLocaleString("en-US", { maximumFractionDigits: 2 });
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}T00:00:00(\.000)?Z$/.test(value)) return value.slice(0, 10);
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

function useIsNarrow() {
  const [narrow, setNarrow] = React.useState(false);
  React.useEffect(() => {
    const mq = window.matchMedia("(max-width: 640px)");
    const update = () => setNarrow(mq.matches);
    update();
    mq.addEventListener("change", update);
    return () => mq.removeEventListener("change", update);
  }, []);
  return narrow;
}

export function ChartCard({ chart }: { chart: ChartPayload }) {
  const [showData, setShowData] = React.useState(false);
  const [showSql, setShowSql] = React.useState(false);
  const [allRows, setAllRows] = React.useState(false);
  const narrow = useIsNarrow();
  const title = chartTitle(chart);
  const dataId = React.useId();
  const sqlId = React.useId();
  const numeric = React.useMemo(
    () => new Set(chart.columns.filter((c) => chart.rows.some((r) => typeof r[c] === "number"))),
    [chart.columns, chart.rows],
  );
  const rows = allRows ? chart.rows : chart.rows.slice(0, PREVIEW_ROWS);

  return (
    <figure className="my-3 overflow-hidden rounded-card border border-line bg-surface shadow-card" data-testid="chat-chart">
      <div className="p-2 sm:p-3">
        <EChart option={chart.option} height={narrow ? 260 : 320} label={title} />
      </div>
      <figcaption className="flex flex-wrap items-center gap-2 border-t border-line px-3 py-2">
        <span className="mr-auto min-w-0 truncate text-xs text-ink-muted">
          {title} · {chart.rows.length.toLocaleString("en-US")}
          {chart.rowsTruncated ? "+" : ""} {chart.rows.length === 1 ? "row" : "rows"}
        </span>
        <Button variant="ghost" size="sm" aria-expanded={showData} aria-controls={dataId} onClick={() => setShowData((v) => !v)}>
          <Table2 aria-hidden />
          {showData ? "Hide data" : "Show data"}
        </Button>
        <Button variant="ghost" size="sm" aria-expanded={showSql} aria-controls={sqlId} onClick={() => setShowSql((v) => !v)}>
          <Code2 aria-hidden />
          {showSql ? "Hide SQL" : "Show SQL"}
        </Button>
      </figcaption>
      {showData ? (
        <div id={dataId} className="border-t border-line p-2 sm:p-3">
          <Table wrapperClassName="max-h-80 overflow-y-auto" data-testid="chat-chart-data">
            <TableCaption className="sr-only">Data behind “{title}”</TableCaption>
            <TableHeader>
              <TableRow>
                {chart.columns.map((c) => (
                  <TableHead key={c} className={numeric.has(c) ? "text-right" : undefined} title={c}>
                    {columnLabel(c)}
                  </TableHead>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((r, i) => (
                <TableRow key={i}>
                  {chart.columns.map((c) => (
                    <TableCell key={c} numeric={numeric.has(c)} className="py-2">
                      {formatCell(r[c])}
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {chart.rows.length > PREVIEW_ROWS && !allRows ? (
            <Button variant="secondary" size="sm" className="mt-2" onClick={() => setAllRows(true)}>
              Show all {chart.rows.length.toLocaleString("en-US")} rows
            </Button>
          ) : null}
          {chart.rowsTruncated ? (
            <p className="mt-2 text-xs text-ink-muted">Only the first {chart.rows.length.toLocaleString("en-US")} rows are kept with the chart.</p>
          ) : null}
        </div>
      ) : null}
      {showSql ? (
        <pre
          id={sqlId}
          className="max-h-72 overflow-auto border-t border-line bg-sunken px-3 py-3 font-mono text-xs leading-relaxed whitespace-pre text-ink"
          data-testid="chat-chart-sql"
        >
          <code>{chart.sql}</code>
        </pre>
      ) : null}
    </figure>
  );
}
