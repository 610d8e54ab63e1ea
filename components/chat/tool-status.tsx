import { AlertTriangle, BarChart3, Check, Database, Dumbbell, Loader2 } from "lucide-react";
import { cn } from "@/components/ui/cn";

const LABELS: Record<string, { running: string; done: string; failed: string; stopped: string; icon: typeof Database }> = {
  query_training_data: {
    running: "Looking at your training data…",
    done: "Looked at your training data",
    failed: "Query failed",
    stopped: "Query stopped",
    icon: Database,
  },
  show_chart: { running: "Drawing a chart…", done: "Drew a chart", failed: "Chart failed", stopped: "Chart stopped", icon: BarChart3 },
  log_workout: {
    running: "Reading your workout…",
    done: "Prepared a workout draft",
    failed: "Could not read the workout",
    stopped: "Workout draft stopped",
    icon: Dumbbell,
  },
};

function detail(output: unknown): string | null {
  if (!output || typeof output !== "object") return null;
  const o = output as { rowCount?: unknown; rows?: unknown; durationMs?: unknown; truncated?: unknown };
  const count = typeof o.rowCount === "number" ? o.rowCount : Array.isArray(o.rows) ? o.rows.length : null;
  const bits: string[] = [];
  if (count !== null) bits.push(`${count.toLocaleString("en-US")} ${count === 1 ? "row" : "rows"}${o.truncated ? "+" : ""}`);
  if (typeof o.durationMs === "number") bits.push(`${Math.round(o.durationMs)} ms`);
  return bits.length ? bits.join(" · ") : null;
}

function refusal(output: unknown): string | null {
  if (!output || typeof output !== "object") return null;
  const o = output as { error?: unknown; reason?: unknown };
  return typeof o.error === "string" && typeof o.reason === "string" ? o.reason : null;
}

/** A one-line status chip for a tool call (what the coach is doing, and whether it worked). */
export function ToolStatus({
  name,
  state,
  output,
  errorText,
  stopped,
}: {
  name: string;
  state: string;
  output?: unknown;
  errorText?: string;
  stopped?: boolean;
}) {
  const label = LABELS[name] ?? {
    running: `Running ${name}…`,
    done: `Ran ${name}`,
    failed: `${name} failed`,
    stopped: `${name} stopped`,
    icon: Check,
  };
  const Icon = label.icon;
  // A tool may finish but refuse (e.g. the plan's daily chart allowance): show it as failed, with its reason.
  const refused = state === "output-available" && refusal(output);
  const failed = state === "output-error" || state === "output-denied" || Boolean(refused);
  const done = state === "output-available" && !refused;
  const running = !done && !failed && !stopped;
  const info = done ? detail(output) : null;
  return (
    <div
      className={cn(
        "my-1.5 inline-flex max-w-full items-center gap-2 rounded-full border px-3 py-1 text-xs",
        failed ? "border-danger/25 bg-danger-soft text-danger" : "border-line bg-sunken text-ink-soft",
      )}
      data-testid={`tool-${name}`}
      data-state={state}
    >
      {running ? (
        <Loader2 aria-hidden className="size-3.5 animate-spin" />
      ) : failed ? (
        <AlertTriangle aria-hidden className="size-3.5" />
      ) : (
        <Icon aria-hidden className="size-3.5" />
      )}
      <span className="truncate">
        {failed ? label.failed : done ? label.done : running ? label.running : label.stopped}
        {info ? <span className="tabular text-ink-muted"> · {info}</span> : null}
        {failed && (errorText || refused) ? <span className="text-danger"> — {(errorText || refused || "").slice(0, 200)}</span> : null}
      </span>
    </div>
  );
}
