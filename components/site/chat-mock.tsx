import { Check, Database } from "@/components/site/icons";
import { cn } from "@/components/ui/cn";

/** e1RM trend used by the illustration (kg, one point per week). Purely decorative sample data. */
const TREND = [92, 93.5, 93, 95, 96.5, 96, 98, 99.5];

function MiniChart({ className }: { className?: string }) {
  const w = 260;
  const h = 96;
  const pad = { l: 26, r: 6, t: 8, b: 16 };
  const min = 90;
  const max = 100;
  const x = (i: number) => pad.l + (i * (w - pad.l - pad.r)) / (TREND.length - 1);
  const y = (v: number) => pad.t + ((max - v) * (h - pad.t - pad.b)) / (max - min);
  const line = TREND.map((v, i) => `${i ? "L" : "M"}${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(" ");
  const area = `${line} L${x(TREND.length - 1)},${h - pad.b} L${x(0)},${h - pad.b} Z`;
  return (
    <svg
      viewBox={`0 0 ${w} ${h}`}
      className={className}
      role="img"
      aria-label="Line chart: estimated bench press one-rep max rising from 92 to 99.5 kg over eight weeks"
    >
      <defs>
        <linearGradient id="spotter-area" x1="0" x2="0" y1="0" y2="1">
          <stop offset="0%" stopColor="var(--color-accent)" stopOpacity="0.45" />
          <stop offset="100%" stopColor="var(--color-accent)" stopOpacity="0" />
        </linearGradient>
      </defs>
      {[90, 95, 100].map((v) => (
        <g key={v}>
          <line x1={pad.l} x2={w - pad.r} y1={y(v)} y2={y(v)} stroke="currentColor" strokeOpacity="0.12" strokeDasharray="3 3" />
          <text x={pad.l - 5} y={y(v) + 3} textAnchor="end" fontSize="8" fill="currentColor" fillOpacity="0.6">
            {v}
          </text>
        </g>
      ))}
      <path d={area} fill="url(#spotter-area)" />
      <path d={line} fill="none" stroke="var(--color-accent)" strokeWidth="2.25" strokeLinejoin="round" strokeLinecap="round" />
      {TREND.map((v, i) => (
        <circle
          key={i}
          cx={x(i)}
          cy={y(v)}
          r={i === TREND.length - 1 ? 3.5 : 2}
          fill={i === TREND.length - 1 ? "var(--color-accent)" : "currentColor"}
        />
      ))}
      <text x={pad.l} y={h - 3} fontSize="8" fill="currentColor" fillOpacity="0.6">
        8 weeks ago
      </text>
      <text x={w - pad.r} y={h - 3} fontSize="8" textAnchor="end" fill="currentColor" fillOpacity="0.6">
        this week
      </text>
    </svg>
  );
}

/** Stylised conversation: a workout gets logged and a chart is drawn from the user's own data. */
export function ChatMock({ className }: { className?: string }) {
  return (
    <figure
      className={cn("surface-iron w-full max-w-md rounded-3xl border border-iron-line bg-iron-raised p-4 text-chalk shadow-pop sm:p-5", className)}
      aria-label="Example conversation with a Spotter coach"
    >
      <div className="flex items-center gap-3 border-b border-iron-line pb-3">
        <div aria-hidden className="grid size-9 place-items-center rounded-full bg-accent text-sm font-bold text-accent-ink">
          M
        </div>
        <div className="min-w-0">
          <p className="text-sm font-semibold">Coach Mara</p>
          <p className="text-xs text-iron-muted">Built from your interview · knows your log</p>
        </div>
      </div>

      <div className="mt-4 flex justify-end">
        <p className="max-w-[85%] rounded-2xl rounded-br-md bg-chalk px-3.5 py-2.5 text-sm text-ink">
          Bench 3×5 at 82.5, last set felt like RPE 9. How is my bench trending?
        </p>
      </div>

      <div className="mt-3 max-w-[95%] space-y-2.5 rounded-2xl rounded-bl-md bg-iron px-3.5 py-3 text-sm">
        <p className="flex items-center gap-2 font-medium">
          <span aria-hidden className="grid size-5 place-items-center rounded-full bg-accent text-accent-ink">
            <Check className="size-3.5" strokeWidth={3} />
          </span>
          Logged: Bench press · 3 × 5 @ 82.5 kg
        </p>
        <p className="text-chalk/85">Your estimated 1RM is up 8% in eight weeks. Keep the top set at RPE 8 next time.</p>
        <div className="rounded-xl bg-iron-raised p-2 text-chalk">
          <MiniChart className="h-auto w-full" />
        </div>
        <div className="rounded-lg border border-iron-line bg-black/25 px-2.5 py-2 font-mono text-[11px] leading-relaxed text-iron-muted">
          <p className="mb-1 flex items-center gap-1.5 font-sans text-[11px] font-semibold tracking-wide text-chalk/80 uppercase">
            <Database aria-hidden className="size-3" /> Read-only query on your data
          </p>
          <code className="block break-words whitespace-pre-wrap">
            <span className="text-accent">select</span> date_trunc(&apos;week&apos;, performed_at) w,{"\n"}
            {"  "}max(e1rm_kg) <span className="text-accent">from</span> sets{"\n"}
            <span className="text-accent">where</span> exercise_name = &apos;Bench Press&apos;{"\n"}
            <span className="text-accent">group by</span> w <span className="text-accent">order by</span> w
          </code>
        </div>
      </div>
      <figcaption className="sr-only">
        The athlete logs a bench press session in plain words; the coach confirms the logged sets, answers with a chart of their estimated one-rep
        max, and shows the read-only SQL it ran on their data.
      </figcaption>
    </figure>
  );
}
