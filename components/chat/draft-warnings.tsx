import { TriangleAlert } from "lucide-react";

/**
 * What the parser changed, could not use, or refused, in the user's words. Every warning is shown:
 * nothing the user typed may disappear from a draft without the card saying so.
 */
export function DraftWarnings({ warnings }: { warnings: string[] }) {
  if (warnings.length === 0) return null;
  return (
    <div className="rounded-xl border border-warning/30 bg-warning-soft px-3 py-2 text-sm text-ink" role="note" data-testid="draft-warnings">
      <p className="mb-1 flex items-center gap-1.5 font-semibold">
        <TriangleAlert aria-hidden className="size-4 shrink-0 text-warning" />
        Check {warnings.length === 1 ? "this" : `these ${warnings.length}`} before you confirm
      </p>
      <ul className="list-disc space-y-0.5 pl-5 break-words">
        {warnings.map((w, i) => (
          <li key={i}>{w}</li>
        ))}
      </ul>
    </div>
  );
}

/** A log_workout result with nothing to log: the reason and every warning, so the user sees why. */
export function NothingLogged({ reason, warnings }: { reason?: string; warnings: string[] }) {
  return (
    <section className="my-3 space-y-2 rounded-card border border-line bg-surface px-4 py-3 text-sm shadow-card" data-testid="draft-nothing">
      <h3 className="font-semibold text-ink">Nothing logged</h3>
      {reason ? <p className="text-ink-soft">{reason}</p> : null}
      <DraftWarnings warnings={warnings} />
    </section>
  );
}
