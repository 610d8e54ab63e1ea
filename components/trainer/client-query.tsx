"use client";

import { useState } from "react";
import { Alert, Button, Label, Textarea } from "@/components/ui";

type Result = { columns: string[]; rows: Record<string, unknown>[]; truncated: boolean; durationMs: number };

/** Analytics over one client's data: posts SQL to the trainer query route (the server binds the client after its link check). */
export function ClientQuery({ clientId, questions }: { clientId: string; questions: { label: string; sql: string }[] }) {
  const [sql, setSql] = useState(questions[0]?.sql ?? "");
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function run(text: string) {
    setPending(true);
    setError(null);
    try {
      const res = await fetch(`/api/trainer/clients/${encodeURIComponent(clientId)}/query`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ sql: text }),
      });
      const json = await res.json();
      if (!res.ok) {
        setResult(null);
        setError(json.error ?? "The query failed.");
      } else setResult(json as Result);
    } catch {
      setError("The server could not be reached.");
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        {questions.map((q) => (
          <Button
            key={q.label}
            type="button"
            variant="secondary"
            size="sm"
            onClick={() => {
              setSql(q.sql);
              void run(q.sql);
            }}
          >
            {q.label}
          </Button>
        ))}
      </div>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void run(sql);
        }}
        className="space-y-2"
      >
        <Label htmlFor="client-sql">SQL over sessions, sets, exercises, body_metrics</Label>
        <Textarea id="client-sql" value={sql} onChange={(e) => setSql(e.target.value)} rows={4} className="font-mono text-xs" />
        <Button type="submit" disabled={pending}>
          {pending ? "Running…" : "Run"}
        </Button>
      </form>
      {error ? <Alert tone="danger">{error}</Alert> : null}
      {result ? (
        <div className="overflow-x-auto" data-testid="query-result">
          <table className="w-full text-left text-sm">
            <thead>
              <tr>
                {result.columns.map((c) => (
                  <th key={c} className="border-b border-line px-2 py-1 font-semibold">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {result.rows.map((r, i) => (
                <tr key={i}>
                  {result.columns.map((c) => (
                    <td key={c} className="border-b border-line px-2 py-1">
                      {r[c] === null || r[c] === undefined ? "—" : String(r[c])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <p className="mt-1 text-xs text-ink-muted">
            {result.rows.length} rows{result.truncated ? " (cut)" : ""} · {result.durationMs} ms
          </p>
        </div>
      ) : null}
    </div>
  );
}
