import { Alert } from "@/components/ui";
import type { ImportFormat, ImportResult, RowIssue } from "@/lib/import/types";

const FORMAT_LABELS: Record<ImportFormat, string> = {
  strong: "Strong",
  "strong-semicolon": "Strong (semicolon-separated)",
  "strong-legacy": "Strong (older export)",
  hevy: "Hevy (metric)",
  "hevy-imperial": "Hevy (imperial)",
  fitnotes: "FitNotes",
};

const n = (v: number) => v.toLocaleString("en-US");
const plural = (v: number, one: string, many = `${one}s`) => `${n(v)} ${v === 1 ? one : many}`;

/** The outcome of one import, in plain words: what was found, what was added, what was left out. */
export function ImportResultView({ result }: { result: ImportResult & { fileName: string } }) {
  const nothingNew = result.sessions === 0 && result.sets === 0;
  return (
    <Alert
      tone={nothingNew ? "info" : "success"}
      title={
        nothingNew
          ? `Already imported — ${result.fileName} has nothing new`
          : `Imported ${plural(result.sessions, "workout")} and ${plural(result.sets, "set")} from ${result.fileName}`
      }
    >
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1" data-testid="import-summary">
        <dt className="text-ink-muted">Format</dt>
        <dd>{FORMAT_LABELS[result.format] ?? result.format}</dd>
        <dt className="text-ink-muted">Rows read</dt>
        <dd className="tabular">{n(result.rows)}</dd>
        <dt className="text-ink-muted">Added</dt>
        <dd className="tabular">
          {plural(result.sessions, "workout")}, {plural(result.sets, "set")}
        </dd>
        {result.alreadyPresentSessions > 0 ? (
          <>
            <dt className="text-ink-muted">Already there</dt>
            <dd className="tabular">{plural(result.alreadyPresentSessions, "workout")} left unchanged</dd>
          </>
        ) : null}
        <dt className="text-ink-muted">Exercises</dt>
        <dd className="tabular">
          {n(result.exercisesMatched)} matched the catalog · {n(result.exercisesCreated)} added as your own
        </dd>
        <dt className="text-ink-muted">Skipped rows</dt>
        <dd className="tabular">{n(result.skipped.count)}</dd>
      </dl>
      <IssueList title="skipped row" issues={result.skipped.reasons} total={result.skipped.count} />
      <IssueList title="adjusted row" issues={result.warnings.reasons} total={result.warnings.count} />
    </Alert>
  );
}

function IssueList({ title, issues, total }: { title: string; issues: RowIssue[]; total: number }) {
  if (total === 0) return null;
  return (
    <details className="mt-3 rounded-lg bg-surface/70 px-3 py-2">
      <summary className="cursor-pointer font-medium">Why {total === 1 ? `1 ${title}` : `${n(total)} ${title}s`}?</summary>
      <ul className="mt-2 max-h-64 space-y-1 overflow-y-auto text-ink-soft">
        {issues.map((i) => (
          <li key={`${i.row}-${i.reason}`}>
            <span className="font-mono text-xs text-ink-muted">line {i.row}</span> {i.reason}
          </li>
        ))}
      </ul>
      {total > issues.length ? <p className="mt-2 text-ink-muted">…and {n(total - issues.length)} more.</p> : null}
    </details>
  );
}
