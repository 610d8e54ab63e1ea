import { ChevronLeft, Pencil } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import {
  Badge,
  Button,
  Card,
  CardContent,
  CardHeader,
  CardTitle,
  PageHeader,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui";
import { DeleteSessionButton } from "@/components/workouts/delete-session-button";
import { PrBadge } from "@/components/workouts/pr-badge";
import { SetTypeBadge } from "@/components/workouts/set-type-badge";
import { requireUser } from "@/lib/auth/session";
import { formatVolume, formatWeight } from "@/lib/units";
import { getSessionDetail, type SessionSet } from "@/lib/workouts/queries";
import { loadRecords } from "@/lib/workouts/record-history";
import { sourceLabel } from "@/lib/workouts/source";
import { formatDuration, formatSessionDate } from "@/lib/time/format";
import { getViewerPrefs } from "@/lib/workouts/viewer";
import { deleteWorkoutAction } from "@/lib/workouts/actions";
import { commentsOnMyWorkout } from "@/lib/trainer/messages";
import { SaveTemplateButton } from "@/components/live/save-template-button";
import { createTemplateFromSessionAction } from "@/lib/live/actions";

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
  const db = getDb();
  const comments = await commentsOnMyWorkout(db, user.id, session.id);
  const [{ unit, timeZone }, records] = await Promise.all([
    getViewerPrefs(db, user.id),
    loadRecords(
      db,
      user.id,
      session.exercises.map((g) => g.exerciseId),
    ),
  ]);
  const duration = formatDuration(session.durationMin);
  const sessionRecords = records.bySession.get(session.id) ?? [];
  const volumeRecord = (exerciseId: string) => sessionRecords.some((r) => r.kind === "volume" && r.exerciseId === exerciseId);

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
            {formatSessionDate(session.startedAt, timeZone)}
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
            <Button asChild variant="secondary">
              <Link href={`/workouts/live?repeat=${session.id}`}>Repeat live</Link>
            </Button>
            {session.exercises.length ? <SaveTemplateButton sessionId={session.id} action={createTemplateFromSessionAction} /> : null}
            <DeleteSessionButton sessionId={session.id} sessionName={session.name} setCount={session.setCount} action={deleteWorkoutAction} />
          </>
        }
      />

      {sessionRecords.length ? (
        <p className="mb-4 flex flex-wrap items-center gap-2 text-sm text-ink-soft" data-testid="session-prs">
          <PrBadge kinds={sessionRecords.map((r) => r.kind)} count={sessionRecords.length} />
          {sessionRecords.length === 1 ? "A personal record" : `${sessionRecords.length} personal records`} in this workout, against your whole
          history.
        </p>
      ) : null}

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
                <CardTitle>
                  <Link href={`/workouts/exercises/${g.exerciseId}`} className="hover:underline" title="History, best sets and records">
                    {g.exerciseName}
                  </Link>
                </CardTitle>
                <span className="flex flex-wrap items-center gap-2">
                  {volumeRecord(g.exerciseId) ? <PrBadge kinds={["volume"]} /> : null}
                  {g.isCustom ? <Badge>Your exercise</Badge> : null}
                </span>
              </CardHeader>
              <CardContent>
                {/* Phones: Set, Weight, Reps and RPE fit the width; notes move under the set. */}
                <Table wrapperClassName="border-0 rounded-none" className="table-fixed sm:min-w-[32rem]">
                  <TableHeader>
                    <TableRow>
                      <TableHead className="w-[38%] sm:w-40">Set</TableHead>
                      <TableHead className="text-right sm:w-28">Weight</TableHead>
                      <TableHead className="w-14 text-right sm:w-20">Reps</TableHead>
                      <TableHead className="w-12 text-right sm:w-20">RPE</TableHead>
                      <TableHead className="hidden pl-8 sm:table-cell">Notes</TableHead>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {g.sets.map((set) => {
                      const extra = formatExtra(set);
                      const note = [extra, set.notes].filter(Boolean).join(" · ");
                      const prs = records.bySet.get(set.id) ?? [];
                      return (
                        <TableRow key={set.id}>
                          <TableCell>
                            <span className="inline-flex flex-wrap items-center gap-1.5 sm:gap-2">
                              <span className="font-semibold tabular">{set.setNumber}</span>
                              <SetTypeBadge type={set.setType} />
                              <PrBadge kinds={prs} />
                            </span>
                            {note ? <span className="mt-1 block text-xs whitespace-pre-line text-ink-muted sm:hidden">{note}</span> : null}
                          </TableCell>
                          <TableCell numeric className="whitespace-nowrap">
                            {set.weightKg === null ? "—" : formatWeight(set.weightKg, unit)}
                          </TableCell>
                          <TableCell numeric>{set.reps ?? "—"}</TableCell>
                          <TableCell numeric>{set.rpe ?? "—"}</TableCell>
                          <TableCell className="hidden pl-8 whitespace-pre-line text-ink-muted sm:table-cell">{note}</TableCell>
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
      {comments.length ? (
        <Card className="mt-6" data-testid="trainer-comments">
          <CardHeader>
            <CardTitle>Your trainer&apos;s comments</CardTitle>
          </CardHeader>
          <CardContent>
            <ul className="space-y-2 text-sm">
              {comments.map((c) => (
                <li key={c.id}>
                  <span className="text-xs text-ink-muted">{c.fromMe ? "You" : "Trainer"} · </span>
                  <span className="whitespace-pre-wrap">{c.body}</span>
                </li>
              ))}
            </ul>
            <p className="mt-2 text-xs text-ink-muted">
              Reply under <Link href="/settings/trainers">Settings → Trainers</Link>.
            </p>
          </CardContent>
        </Card>
      ) : null}
    </>
  );
}
