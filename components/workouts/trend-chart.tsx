/**
 * A small line chart drawn on the server as SVG (no chart library on the page): one point per
 * session, the y-axis from the lowest to the highest value with a little room, first and last
 * dates under the x-axis. Scales to its container's width.
 */
export function TrendChart({
  points,
  format,
  label,
  dateLabel,
}: {
  points: { x: Date; y: number }[];
  format: (v: number) => string;
  label: string;
  dateLabel: (d: Date) => string;
}) {
  if (points.length < 2) return <p className="text-sm text-ink-muted">Log this exercise in two sessions to see a trend.</p>;
  const W = 640;
  const H = 220;
  const pad = { l: 56, r: 12, t: 12, b: 28 };
  const xs = points.map((p) => p.x.getTime());
  const ys = points.map((p) => p.y);
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const span = Math.max(...ys) - Math.min(...ys) || Math.max(...ys) * 0.1 || 1;
  const [y0, y1] = [Math.min(...ys) - span * 0.1, Math.max(...ys) + span * 0.1];
  const sx = (x: number) => pad.l + ((x - x0) / (x1 - x0 || 1)) * (W - pad.l - pad.r);
  const sy = (y: number) => pad.t + (1 - (y - y0) / (y1 - y0)) * (H - pad.t - pad.b);
  const path = points.map((p, i) => `${i ? "L" : "M"}${sx(p.x.getTime()).toFixed(1)},${sy(p.y).toFixed(1)}`).join(" ");
  const ticks = [y0 + (y1 - y0) * 0.1, (y0 + y1) / 2, y1 - (y1 - y0) * 0.1];
  const best = points.reduce((a, b) => (b.y > a.y ? b : a));
  return (
    <figure>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} className="h-auto w-full" data-testid="trend-chart">
        {ticks.map((t) => (
          <g key={t}>
            <line x1={pad.l} x2={W - pad.r} y1={sy(t)} y2={sy(t)} className="stroke-line" strokeDasharray="3 4" />
            <text x={pad.l - 8} y={sy(t) + 4} textAnchor="end" className="fill-ink-muted text-[11px] tabular">
              {format(t)}
            </text>
          </g>
        ))}
        <path d={path} fill="none" className="stroke-accent-text" strokeWidth={2.5} strokeLinejoin="round" strokeLinecap="round" />
        {points.length <= 60
          ? points.map((p) => (
              <circle key={p.x.getTime()} cx={sx(p.x.getTime())} cy={sy(p.y)} r={3} className="fill-surface stroke-accent-text" strokeWidth={2} />
            ))
          : null}
        <circle cx={sx(best.x.getTime())} cy={sy(best.y)} r={5} className="fill-accent stroke-ink" strokeWidth={1.5} />
        <text x={pad.l} y={H - 8} className="fill-ink-muted text-[11px]">
          {dateLabel(points[0].x)}
        </text>
        <text x={W - pad.r} y={H - 8} textAnchor="end" className="fill-ink-muted text-[11px]">
          {dateLabel(points[points.length - 1].x)}
        </text>
      </svg>
      <figcaption className="sr-only">
        {label}: from {format(points[0].y)} on {dateLabel(points[0].x)} to {format(points[points.length - 1].y)} on{" "}
        {dateLabel(points[points.length - 1].x)}; best {format(best.y)} on {dateLabel(best.x)}.
      </figcaption>
    </figure>
  );
}
