import { ChevronLeft, ListFilter } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import {
  Badge,
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  EmptyState,
  PageHeader,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui";
import { PrBadge } from "@/components/workouts/pr-badge";
import { SetTypeBadge } from "@/components/workouts/set-type-badge";
import { TrendChart } from "@/components/workouts/trend-chart";
import { requireUser } from "@/lib/auth/session";
import { formatSessionDate } from "@/lib/time/format";
import { formatVolume, formatWeight } from "@/lib/units";
import { getExerciseHistory } from "@/lib/workouts/exercise-history";
import { RECORD_LABELS, type RecordKind } from "@/lib/workouts/records";
import { getViewerPrefs } from "@/lib/workouts/viewer";

type Props = { params: Promise<{ id: string }> };

const load = cache(async (id: string) => {
  const user = await requireUser();
  const db = getDb();
  const [history, prefs] = await Promise.all([getExerciseHistory(db, user.id, id), getViewerPrefs(db, user.id)]);
  return { history, prefs };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { history } = await load((await params).id);
  return { title: history ? history.exercise.name : "Exercise not found" };
}

const day = (d: Date, tz: string) => formatSessionDate(d, tz).split(" · ")[0];

export default async function ExerciseHistoryPage({ params }: Props) {
  const { history, prefs } = await load((await params).id);
  if (!history) notFound();
  const { exercise, bests, trend, records, bestSets, recent, recordSetIds } = history;
  const { unit, timeZone } = prefs;
  const w = (kg: number | null) => formatWeight(kg, unit);
  const recordValue = (kind: RecordKind, v: number | null) =>
    v === null ? "—" : kind === "reps" ? `${v} reps` : kind === "volume" ? formatVolume(v, unit) : w(v);

  return (
    <>
      <Link href="/workouts" className="mb-3 inline-flex items-center gap-1 text-sm font-medium text-ink-muted hover:text-ink">
        <ChevronLeft aria-hidden className="size-4" /> All workouts
      </Link>
      <PageHeader
        eyebrow={exercise.isCustom ? "Your exercise" : "Exercise"}
        title={exercise.name}
        description={`${history.sessionCount} ${history.sessionCount === 1 ? "session" : "sessions"} · weights in ${unit}`}
        actions={
          <Link
            href={`/workouts?exercise=${exercise.id}`}
            className="inline-flex items-center gap-1.5 text-sm font-semibold text-accent-text underline-offset-2 hover:underline"
          >
            <ListFilter aria-hidden className="size-4" /> Workouts with it
          </Link>
        }
      />

      {history.sessionCount === 0 ? (
        <EmptyState title="Not logged yet" description="Once you log this exercise, its best sets, trend and records show up here." />
      ) : (
        <div className="space-y-6">
          {exercise.assisted ? (
            <p className="rounded-card border border-line bg-surface px-4 py-3 text-sm text-ink-soft">
              The weight of an assisted exercise is the help you get, so Spotter keeps no weight, e1RM or volume records for it.
            </p>
          ) : null}

          {bests && !exercise.assisted ? (
            <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="exercise-bests">
              {[
                ["Heaviest", w(bests.weightKg)],
                ["Best e1RM", w(bests.e1rmKg)],
                ["Best session volume", formatVolume(bests.sessionVolumeKg, unit)],
                ["Records set", String(records.length)],
              ].map(([label, value]) => (
                <div key={label} className="rounded-card border border-line bg-surface px-4 py-3">
                  <dt className="text-xs font-semibold tracking-wide text-ink-muted uppercase">{label}</dt>
                  <dd className="mt-0.5 text-xl font-bold tabular">{value}</dd>
                </div>
              ))}
            </dl>
          ) : null}

          {!exercise.assisted ? (
            <Card>
              <CardHeader>
                <CardTitle>e1RM trend</CardTitle>
                <CardDescription>Best estimated one-rep max per session (Epley, sets of 1–12 reps, warm-ups left out).</CardDescription>
              </CardHeader>
              <CardContent>
                <TrendChart
                  points={trend.map((t) => ({ x: t.startedAt, y: t.e1rmKg }))}
                  format={(v) => w(v)}
                  label={`${exercise.name} e1RM per session`}
                  dateLabel={(d) => day(d, timeZone)}
                />
              </CardContent>
            </Card>
          ) : null}

          <div className="grid gap-6 lg:grid-cols-2">
            {bestSets.length ? (
              <Card>
                <CardHeader>
                  <CardTitle>Best sets</CardTitle>
                  <CardDescription>The heaviest, the best e1RM, and the most reps at each weight.</CardDescription>
                </CardHeader>
                <CardContent>
                  <Table wrapperClassName="border-0 rounded-none" data-testid="best-sets">
                    <TableHeader>
                      <TableRow>
                        <TableHead>Best</TableHead>
                        <TableHead className="text-right">Set</TableHead>
                        <TableHead className="text-right">When</TableHead>
                      </TableRow>
                    </TableHeader>
                    <TableBody>
                      {bestSets.map(({ label, set }) => (
                        <TableRow key={`${label}-${set.id}`}>
                          <TableCell className="font-medium">{label}</TableCell>
                          <TableCell numeric className="whitespace-nowrap">
                            {set.weightKg ? `${w(set.weightKg)} × ${set.reps}` : `${set.reps} reps`}
                          </TableCell>
                          <TableCell numeric className="whitespace-nowrap">
                            <Link href={`/workouts/${set.sessionId}`} className="text-ink-muted hover:text-ink hover:underline">
                              {day(set.startedAt, timeZone)}
                            </Link>
                          </TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                </CardContent>
              </Card>
            ) : null}

            <Card>
              <CardHeader>
                <CardTitle>Personal records</CardTitle>
                <CardDescription>Each time you beat your previous best, newest first. A first time is not a record.</CardDescription>
              </CardHeader>
              <CardContent>
                {records.length === 0 ? (
                  <p className="text-sm text-ink-muted">No records yet — beat a previous best and it shows here.</p>
                ) : (
                  <ol className="divide-y divide-line" data-testid="pr-list">
                    {records.slice(0, 30).map((r) => (
                      <li key={`${r.sessionId}-${r.kind}-${r.setId}`} className="flex items-baseline justify-between gap-3 py-2 text-sm">
                        <span>
                          <span className="font-medium text-ink">{RECORD_LABELS[r.kind]}</span>{" "}
                          <span className="tabular text-ink-soft">
                            {recordValue(r.kind, r.value)}
                            {r.previous !== null ? <span className="text-ink-muted"> (was {recordValue(r.kind, r.previous)})</span> : null}
                          </span>
                        </span>
                        <Link href={`/workouts/${r.sessionId}`} className="shrink-0 text-ink-muted tabular hover:text-ink hover:underline">
                          {day(r.startedAt, timeZone)}
                        </Link>
                      </li>
                    ))}
                  </ol>
                )}
              </CardContent>
            </Card>
          </div>

          <section aria-labelledby="recent-heading" className="space-y-3">
            <h2 id="recent-heading" className="text-lg font-bold text-ink">
              Recent sessions
            </h2>
            {recent.map((g) => (
              <Card key={g.sessionId}>
                <CardHeader className="flex-row items-baseline justify-between gap-2">
                  <CardTitle className="text-base">
                    <Link href={`/workouts/${g.sessionId}`} className="hover:underline">
                      {g.sessionName}
                    </Link>
                  </CardTitle>
                  <time dateTime={g.startedAt.toISOString()} className="text-sm text-ink-muted tabular">
                    {day(g.startedAt, timeZone)}
                  </time>
                </CardHeader>
                <CardContent>
                  <ul className="flex flex-wrap gap-2">
                    {g.sets.map((s) => (
                      <li key={s.id} className="inline-flex items-center gap-1.5 rounded-lg border border-line px-2.5 py-1 text-sm tabular">
                        {s.setType !== "normal" ? <SetTypeBadge type={s.setType} /> : null}
                        {s.weightKg !== null ? `${w(s.weightKg)} × ${s.reps ?? "—"}` : `${s.reps ?? "—"} reps`}
                        {s.rpe !== null ? <span className="text-ink-muted">@{s.rpe}</span> : null}
                        <PrBadge kinds={(recordSetIds.get(s.id) ?? []) as RecordKind[]} />
                      </li>
                    ))}
                  </ul>
                </CardContent>
              </Card>
            ))}
            {history.sessionCount > recent.length ? (
              <p className="text-sm text-ink-muted">
                Showing the latest {recent.length} of {history.sessionCount}.{" "}
                <Link href={`/workouts?exercise=${exercise.id}`} className="font-medium text-accent-text hover:underline">
                  See every workout with {exercise.name}
                </Link>
              </p>
            ) : null}
          </section>
          {exercise.isCustom ? <Badge>Only you see this exercise</Badge> : null}
        </div>
      )}
    </>
  );
}
