import { FileSpreadsheet, Mic, Sparkles } from "@/components/site/icons";
import { cn } from "@/components/ui/cn";

const panel = "rounded-3xl border border-line bg-surface p-5 shadow-card";

/** The coach-creator interview, as question → answer chips. */
export function InterviewMock({ className }: { className?: string }) {
  const qa = [
    { q: "What are you training for?", a: "First powerlifting meet in March" },
    { q: "How many days a week can you lift?", a: "Three, about an hour each" },
    { q: "How should your coach talk to you?", a: "Straight to the point. Tough love." },
  ];
  return (
    <div className={cn(panel, "space-y-3", className)} aria-hidden>
      {qa.map(({ q, a }) => (
        <div key={q} className="space-y-1.5">
          <p className="w-fit max-w-[90%] rounded-2xl rounded-bl-md bg-sunken px-3 py-2 text-sm text-ink-soft">{q}</p>
          <p className="ml-auto w-fit max-w-[90%] rounded-2xl rounded-br-md bg-ink px-3 py-2 text-sm text-chalk">{a}</p>
        </div>
      ))}
      <div className="flex items-center gap-2 rounded-2xl bg-accent-soft px-3 py-2.5 text-sm font-medium text-accent-ink">
        <Sparkles className="size-4" /> Coach Mara is ready: 12-week meet prep, 3 days
      </div>
    </div>
  );
}

/** Live workout mode: the current set, a rest timer, and who is talking. */
export function LiveMock({ className }: { className?: string }) {
  const bars = [6, 14, 22, 12, 26, 18, 9, 20, 28, 16, 8, 18, 24, 10, 6];
  return (
    <div className={cn("surface-iron rounded-3xl border border-iron-line bg-iron p-5 text-chalk shadow-pop", className)} aria-hidden>
      <div className="flex items-center justify-between text-xs text-iron-muted">
        <span className="font-semibold tracking-[0.14em] uppercase">Live workout</span>
        <span className="rounded-full bg-accent px-2 py-0.5 font-semibold text-accent-ink">Pro</span>
      </div>
      <p className="mt-4 text-sm text-iron-muted">Squat · set 3 of 5</p>
      <p className="font-display text-4xl font-extrabold tracking-tight tabular">
        120 kg <span className="text-iron-muted">×</span> 5
      </p>
      <div className="mt-5 flex items-center gap-4">
        <svg viewBox="0 0 48 48" className="size-16 shrink-0 -rotate-90">
          <circle cx="24" cy="24" r="20" fill="none" stroke="var(--color-iron-line)" strokeWidth="5" />
          <circle
            cx="24"
            cy="24"
            r="20"
            fill="none"
            stroke="var(--color-accent)"
            strokeWidth="5"
            strokeLinecap="round"
            strokeDasharray="125.7"
            strokeDashoffset="44"
          />
        </svg>
        <div>
          <p className="text-xs text-iron-muted">Rest</p>
          <p className="font-display text-2xl font-bold tabular">1:38</p>
        </div>
      </div>
      <div className="mt-5 flex items-center gap-3 rounded-2xl bg-iron-raised px-3 py-2.5">
        <span className="grid size-8 shrink-0 place-items-center rounded-full bg-accent text-accent-ink">
          <Mic className="size-4" />
        </span>
        <div className="min-w-0 flex-1">
          <p className="text-xs font-semibold">Aiden</p>
          <p className="truncate text-xs text-iron-muted">“Brace, big breath. Last two were fast, stay tight.”</p>
        </div>
        <div className="flex h-7 items-center gap-[2px]">
          {bars.map((b, i) => (
            <span key={i} className="w-[3px] rounded-full bg-accent/80" style={{ height: `${b}px` }} />
          ))}
        </div>
      </div>
    </div>
  );
}

/** Import: export files from other apps land in one log. */
export function ImportMock({ className }: { className?: string }) {
  const files = [
    { name: "strong_workouts.csv", app: "Strong" },
    { name: "workout_data.csv", app: "Hevy" },
    { name: "FitNotes_Export.csv", app: "FitNotes" },
  ];
  return (
    <div className={cn(panel, className)} aria-hidden>
      <ul className="space-y-2">
        {files.map((f) => (
          <li key={f.name} className="flex items-center gap-3 rounded-2xl border border-line bg-chalk px-3 py-2.5">
            <FileSpreadsheet className="size-5 text-accent-text" />
            <span className="min-w-0 flex-1 truncate font-mono text-xs text-ink-soft">{f.name}</span>
            <span className="rounded-full bg-sunken px-2 py-0.5 text-xs font-semibold text-ink-soft">{f.app}</span>
          </li>
        ))}
      </ul>
      <div className="mt-4 rounded-2xl bg-ink px-4 py-3 text-chalk">
        <p className="text-xs text-iron-muted">One training log</p>
        <p className="mt-0.5 text-sm font-semibold">Exercise names matched, duplicates skipped, units converted.</p>
      </div>
    </div>
  );
}
