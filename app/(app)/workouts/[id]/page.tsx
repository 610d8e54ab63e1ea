import { ChevronLeft, Pencil } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import { Badge, Button, Card, CardContent, CardHeader, CardTitle, PageHeader, Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui";
import { DeleteSessionButton } from "@/components/workouts/delete-session-button";
import { SetTypeBadge } from "@/components/workouts/set-type-badge";
import { requireUser } from "@/lib/auth/session";
import { formatVolume, formatWeight } from "@/lib/units";
import { getSessionDetail, type SessionSet } from "@/lib/workouts/queries";
import { sourceLabel } from "@/lib/workouts/source";
import { formatDuration, formatSessionDate } from "@/lib/time/format";
import { getViewerPrefs } from "@/lib/workouts/viewer";
import { deleteWorkoutAction } from "@/lib/workouts/actions";

type Props = { params: Promise<{ id: string }> };

/** One query per request even though metadata and the page both need the session. */
const loadSession = cache(async (id: string) => {
  const user = await requireUser();
  return { user, session: await getSessionDetail(getDb(), user.id, id) };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { session } = await loadSession((await params).id);
  return { title: session ? session.name : "Workout not found" };
}

function formatExtra(set: SessionSet): string | null {
  const parts: string[] = [];
  if (set.durationSeconds) parts.push(formatDuration(set.durationSeconds / 60) ?? `${set.durationSeconds} s`);
  if (set.distanceM) parts.push(set.distanceM >= 1000 ? `${(set.distanceM / 1000).toFixed(2)} km` : `${set.distanceM} m`);
  return parts.length ? parts.join(" · ") : null;
}

export default async function WorkoutDetailPage({ params }: Props) {
  const { id } = await params;
  const { user, session } = await loadSession(id);
  if (!session) notFound();
  const { unit, timezone } = await getViewerPrefs(getDb(), user.id);
  const duration = formatDuration(session.durationMin);

  return (
    <>
      <Link href="/workouts" className="mb-3 inline-flex items-center gap-1 text-sm font-medium text-ink-muted hover:text-ink">
        <ChevronLeft aria-hidden className="size-4" /> All workouts
      </Link>
      <PageHeader
        eyebrow={sourceLabel(session.source)}
        title={session.name}
        description={
          <time dateTime={session.startedAt.toISOString()}>
            {formatSessionDate(session.startedAt, timezone)}
            {duration ? ` · ${duration}` : ""}
          </time>
        }
        actions={
          <>
            <Button asChild variant="secondary">
              <Link href={`/workouts/${session.id}/edit`}>
                <Pencil aria-hidden /> Edit
              </Link>
            </Button>
            <DeleteSessionButton sessionId={session.id} sessionName={session.name} setCount={session.setCount} action={deleteWorkoutAction} />
          </>
        }
      />

      <dl className="mb-6 grid grid-cols-3 gap-3">
        {[
          ["Exercises", String(session.exercises.length)],
          ["Sets", String(session.setCount)],
          ["Volume", formatVolume(session.volumeKg, unit)],
        ].map(([label, value]) => (
          <div key={label} className="rounded-card border border-line bg-surface px-4 py-3">
            <dt className="text-xs font-semibold tracking-wide text-ink-muted uppercase">{label}</dt>
            <dd className="mt-0.5 text-xl font-bold tabular">{value}</dd>
          </div>
        ))}
      </dl>

      {session.notes ? (
        <Card className="mb-6">
          <CardContent className="text-sm whitespace-pre-line text-ink-soft">{session.notes}</CardContent>
        </Card>
      ) : null}

      {session.exercises.length === 0 ? (
        <p className="text-ink-muted">No sets recorded for this workout.</p>
      ) : (
        <div className="space-y-5">
          {session.exercises.map((g) => (
            <Card key={g.exerciseId}>
              <CardHeader className="flex-row items-center justify-between gap-2">
                <CardTitle>{g.exerciseName}</CardTitle>
                {g.isCustom ? <Badge>Your exercise</Badge> : null}
              </CardHeader>
              <CardContent>
                <Table wrapperClassName="border-0 rounded-none" className="min-w-[32rem] table-fixed">
                  <TableHeader>
                    <TableRow>
                      <TableHead className="w-32">Set</TableHead>
                      <TableHead className="w-28 text-right">Weight</TableHead>
                      <TableHead className="w-20 text-right">Reps</TableHead>
                      <TableHead className="w-20 text-right">RPE</TableHead>
                      <TableHead className="pl-8">Notes</TableHead>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {g.sets.map((set) => {
                      const extra = formatExtra(set);
                      return (
                        <TableRow key={set.id}>
                          <TableCell>
                            <span className="inline-flex items-center gap-2">
                              <span className="font-semibold tabular">{set.setNumber}</span>
                              <SetTypeBadge type={set.setType} />
                            </span>
                          </TableCell>
                          <TableCell numeric className="whitespace-nowrap">
                            {set.weightKg === null ? "—" : formatWeight(set.weightKg, unit)}
                          </TableCell>
                          <TableCell numeric>{set.reps ?? "—"}</TableCell>
                          <TableCell numeric>{set.rpe ?? "—"}</TableCell>
                          <TableCell className="pl-8 whitespace-pre-line text-ink-muted">{[extra, set.notes].filter(Boolean).join(" · ") || ""}</TableCell>
                        </TableRow>
                      );
                    })}
                  </TableBody>
                </Table>
              </CardContent>
            </Card>
          ))}
        </div>
      )}
    </>
  );
}
