import { BarChart3, CalendarCheck, Dumbbell, TrendingUp } from "lucide-react";

const STARTER_QUESTIONS = [
  { text: "How has my squat progressed over the last 6 months?", icon: TrendingUp },
  { text: "What was my weekly volume by muscle group this quarter?", icon: BarChart3 },
  { text: "Show my training consistency this year", icon: CalendarCheck },
  { text: "Log: bench 3x8 at 60kg", icon: Dumbbell },
] as const;

/** The empty conversation: what the coach can do, one tap away. */
export function StarterQuestions({ onPick, disabled }: { onPick: (text: string) => void; disabled?: boolean }) {
  return (
    <div className="flex flex-col items-center py-8 text-center sm:py-14">
      <h2 className="text-xl font-semibold text-ink sm:text-2xl">What are we working on today?</h2>
      <p className="mt-2 max-w-md text-sm text-ink-muted">
        Ask about your numbers and I&apos;ll query your log and chart it, or tell me what you lifted and I&apos;ll log it after you confirm.
      </p>
      <ul className="mt-8 grid w-full max-w-2xl grid-cols-1 gap-2.5 sm:grid-cols-2" aria-label="Suggested questions">
        {STARTER_QUESTIONS.map(({ text, icon: Icon }) => (
          <li key={text}>
            <button
              type="button"
              disabled={disabled}
              onClick={() => onPick(text)}
              className="flex h-full w-full items-start gap-3 rounded-card border border-line bg-surface p-4 text-left text-sm text-ink shadow-card transition-colors hover:border-line-strong hover:bg-sunken disabled:opacity-55"
              data-testid="starter-question"
            >
              <Icon aria-hidden className="mt-0.5 size-4 shrink-0 text-accent-text" />
              <span>{text}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
