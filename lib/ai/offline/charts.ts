import type { ChartSpec } from "@/lib/charts/spec";
import type { PromptContext } from "../system-prompt";
import type { Intent } from "./intents";

type Rows = Record<string, unknown>[];

/** The chart that fits an intent's query result, or null when a chart would not help. */
export function planChart(intent: Intent, columns: string[], rows: Rows, ctx: PromptContext): ChartSpec | null {
  if (rows.length === 0) return null;
  const u = ctx.units;
  const col = (name: string) => (columns.includes(name) ? name : null);
  const numeric = (name: string) => rows.some((r) => typeof r[name] === "number");
  switch (intent.kind) {
    case "progress": {
      const x = col("week") ?? col("day");
      if (!x) return null;
      if (!intent.exercise) {
        return numeric(`best_e1rm_${u}`)
          ? { type: "line", title: "Best estimated 1RM, most-trained lifts", x, y: `best_e1rm_${u}`, series: "exercise_name" }
          : null;
      }
      const ys = [`best_e1rm_${u}`, `top_weight_${u}`].filter((c) => col(c) && numeric(c));
      if (ys.length === 0)
        return numeric("sets") ? { type: "bar", title: `${intent.exercise.label}: sets per ${x}`, x, y: "sets", unit: "sets" } : null;
      return { type: "line", title: `${intent.exercise.label}: best e1RM and top set per ${x}`, x, y: ys };
    }
    case "compare":
      return numeric(`best_e1rm_${u}`)
        ? {
            type: "line",
            title: `${intent.exercises.map((e) => e.label).join(" vs ")}: best e1RM per week`,
            x: "week",
            y: `best_e1rm_${u}`,
            series: "exercise_name",
          }
        : null;
    case "volume": {
      const x = intent.bucket;
      const y = numeric(`volume_${u}`) ? `volume_${u}` : "sets";
      const what = y === "sets" ? "sets" : "volume";
      // Sets per muscle group is the usual measure of muscle volume (a set counts for each primary muscle).
      if (intent.byMuscle)
        return { type: "bar", title: `${cap(intent.bucket)}ly sets by muscle group`, x, y: "sets", series: "muscle", stacked: true, unit: "sets" };
      return {
        type: "bar",
        title: `${cap(intent.bucket)}ly ${what}${intent.exercise ? `: ${intent.exercise.label}` : ""}`,
        x,
        y,
        ...(y === "sets" ? { unit: "sets" } : {}),
      };
    }
    case "muscle_sets": {
      const rs = rows.filter((r) => typeof r.sets === "number" && r.sets > 0);
      return rs.length >= 2
        ? { type: "bar", title: `Working sets for ${intent.muscle.label}, ${intent.range.label}`, x: "exercise_name", y: "sets", unit: "sets" }
        : null;
    }
    case "records":
      if (intent.exercise)
        return numeric(`best_weight_${u}`)
          ? { type: "bar", title: `${intent.exercise.label}: heaviest set by reps`, x: "reps", y: `best_weight_${u}` }
          : null;
      return numeric(`best_e1rm_${u}`) ? { type: "bar", title: "Best estimated 1RM by exercise", x: "exercise_name", y: `best_e1rm_${u}` } : null;
    case "frequency":
      return {
        type: "heatmap",
        title: `${intent.exercise ? `${intent.exercise.label}: training days` : "Training days"}, ${intent.range.label}`,
        x: "day",
        value: "sessions",
        unit: "sessions",
      };
    case "last_workout": {
      if (rows.length < 2) return null;
      return numeric(`volume_${u}`)
        ? { type: "bar", title: "Last session: volume per exercise", x: "exercise_name", y: `volume_${u}` }
        : { type: "bar", title: "Last session: sets per exercise", x: "exercise_name", y: "sets", unit: "sets" };
    }
    case "body": {
      if (rows.length < 2) return null;
      const y = intent.metric === "bodyweight" ? `bodyweight_${u}` : intent.metric === "sleep" ? "sleep_hours" : "resting_hr";
      const title = intent.metric === "bodyweight" ? "Bodyweight" : intent.metric === "sleep" ? "Sleep" : "Resting heart rate";
      return {
        type: "line",
        title: `${title}, ${intent.range.label}`,
        x: "date",
        y,
        ...(intent.metric === "sleep" ? { unit: "h" } : intent.metric === "resting_hr" ? { unit: "bpm" } : {}),
      };
    }
    default:
      return null;
  }
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
