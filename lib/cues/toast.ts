import { shortExercise, volume, w } from "./format";
import { MAX_TOAST_CHARS, type CueFacts, type CueTrigger } from "./types";

function clip(text: string): string {
  return text.length <= MAX_TOAST_CHARS ? text : text.slice(0, MAX_TOAST_CHARS - 1).trimEnd() + "…";
}

/** The on-screen line shown with (or, on Free, instead of) the spoken cue: under 50 characters. */
export function toastFor(trigger: CueTrigger, f: CueFacts): string {
  const u = f.unit;
  const ex = f.exercise ? shortExercise(f.exercise.name) : null;
  const setLine = (s: { weightKg: number | null; reps: number | null } | null | undefined) =>
    s && s.weightKg !== null && s.reps !== null ? `${w(s.weightKg, u)} ${u} × ${s.reps}` : s?.reps != null ? `${s.reps} reps` : null;
  switch (trigger) {
    case "onboarding":
      return "Welcome to live workouts";
    case "pre-start":
      return clip(f.workoutName ? `${f.workoutName}: warm up first` : "Warm up first");
    case "set-start": {
      const target = setLine(f.target);
      return clip(f.exercise ? `${ex} · set ${f.exercise.setNumber}/${f.exercise.totalSets}${target ? ` · ${target}` : ""}` : "Rest over: next set");
    }
    case "set-end":
      if (f.pr) {
        const was =
          f.pr.previous === null
            ? ""
            : ` (was ${f.pr.kind === "reps" ? f.pr.previous : f.pr.kind === "volume" ? volume(f.pr.previous, u) : w(f.pr.previous, u)})`;
        const now =
          f.pr.kind === "reps" ? `${f.pr.value} reps` : f.pr.kind === "volume" ? `${volume(f.pr.value, u)} ${u} volume` : `${w(f.pr.value, u)} ${u}`;
        return clip(`PR · ${now}${was}`);
      }
      return clip(`Set done${setLine(f.done) ? ` · ${setLine(f.done)}` : ""}${f.restSeconds ? ` · rest ${f.restSeconds}s` : ""}`);
    case "strainsync":
      if (f.safety?.painReported) return "Pain? Stop the set";
      if (f.strain?.reason === "rpe-rising") return "Effort rising: hold the weight";
      if (f.strain?.reason === "reps-falling") return "Reps dropping: rest a bit longer";
      if (f.strain?.reason === "long-rest") return "Long rest: ready when you are";
      return "Keep every rep clean";
    case "workout-end":
      return clip(f.summary ? `Done · ${f.summary.sets} sets · ${f.summary.prs} PRs` : "Workout done");
  }
}
