import { Dumbbell, Plus, Upload } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import {
  Button,
  EmptyState,
  PageHeader,
  Pagination,
  pageHref,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui";
import { requireUser } from "@/lib/auth/session";
import { formatVolume } from "@/lib/units";
import { listSessions } from "@/lib/workouts/queries";
import { formatDuration, formatSessionDate } from "@/lib/time/format";
import { getViewerPrefs } from "@/lib/workouts/viewer";

export const metadata: Metadata = { title: "Workouts" };

const PAGE_SIZE = 20;
const SHOWN_EXERCISES = 3;

export default async function WorkoutsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const sp = await searchParams;
  const page = Math.max(1, Number.parseInt(String(sp.page ?? "1"), 10) || 1);
  const db = getDb();
  const [prefs, list] = await Promise.all([getViewerPrefs(db, user.id), listSessions(db, user.id, { page, pageSize: PAGE_SIZE })]);

  const addButton = (
    <Button asChild>
      <Link href="/workouts/new">
        <Plus aria-hidden /> Add workout
      </Link>
    </Button>
  );

  return (
    <>
      <PageHeader
        eyebrow="Training log"
        title="Workouts"
        description={
          list.total > 0
            ? `${list.total.toLocaleString("en-US")} ${list.total === 1 ? "workout" : "workouts"} · weights in ${prefs.unit} · times in ${prefs.timezone}`
            : "Every session you log, import or tell your coach about."
        }
        actions={list.total > 0 ? addButton : undefined}
      />

      {list.total === 0 ? (
        <EmptyState
          icon={<Dumbbell />}
          title="No workouts yet"
          description="Bring your history from Strong, Hevy or FitNotes in Settings → Import, or add today's session by hand."
          action={
            <>
              <Button asChild variant="secondary">
                <Link href="/settings#import">
                  <Upload aria-hidden /> Import a CSV
                </Link>
              </Button>
              {addButton}
            </>
          }
        />
      ) : list.rows.length === 0 ? (
        <EmptyState
          title={`There is no page ${page}`}
          description={`Your history has ${list.pageCount} ${list.pageCount === 1 ? "page" : "pages"}.`}
          action={
            <Button asChild variant="secondary">
              <Link href="/workouts">Back to the newest</Link>
            </Button>
          }
        />
      ) : (
        <div className="space-y-4">
          <ul className="space-y-2 sm:hidden" aria-label="Workouts, newest first">
            {list.rows.map((s) => (
              <li key={s.id}>
                <Link href={`/workouts/${s.id}`} className="block rounded-card border border-line bg-surface px-4 py-3 hover:bg-chalk">
                  <span className="block font-semibold text-ink">{s.name}</span>
                  <time dateTime={s.startedAt.toISOString()} className="block text-sm text-ink-muted tabular">
                    {formatSessionDate(s.startedAt, prefs.timezone)}
                    {s.durationMin !== null ? ` · ${formatDuration(s.durationMin)}` : ""}
                  </time>
                  <span className="mt-1 block text-sm text-ink-soft tabular">
                    {s.setCount} {s.setCount === 1 ? "set" : "sets"} · {formatVolume(s.volumeKg, prefs.unit)}
                  </span>
                  {s.exerciseNames.length > 0 ? (
                    <span className="mt-0.5 line-clamp-1 block text-sm text-ink-muted">{s.exerciseNames.join(", ")}</span>
                  ) : null}
                </Link>
              </li>
            ))}
          </ul>
          <Table wrapperClassName="hidden sm:block">
            <TableCaption className="sr-only">
              Workouts, newest first, page {list.page} of {list.pageCount}
            </TableCaption>
            <TableHeader>
              <TableRow>
                <TableHead>Date</TableHead>
                <TableHead>Workout</TableHead>
                <TableHead className="hidden md:table-cell">Exercises</TableHead>
                <TableHead className="text-right">Duration</TableHead>
                <TableHead className="text-right">Sets</TableHead>
                <TableHead className="text-right">Volume</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {list.rows.map((s) => {
                const extra = s.exerciseNames.length - SHOWN_EXERCISES;
                return (
                  <TableRow key={s.id} className="relative">
                    <TableCell className="whitespace-nowrap text-ink-muted tabular">
                      <time dateTime={s.startedAt.toISOString()}>{formatSessionDate(s.startedAt, prefs.timezone)}</time>
                    </TableCell>
                    <TableCell className="font-medium">
                      {/* The link covers the whole row (relative tr + after:absolute) so any cell opens it. */}
                      <Link href={`/workouts/${s.id}`} className="after:absolute after:inset-0 hover:underline">
                        {s.name}
                      </Link>
                    </TableCell>
                    <TableCell className="hidden max-w-md text-ink-muted md:table-cell">
                      <span className="line-clamp-1">
                        {s.exerciseNames.slice(0, SHOWN_EXERCISES).join(", ") || "—"}
                        {extra > 0 ? ` +${extra} more` : ""}
                      </span>
                    </TableCell>
                    <TableCell numeric className="whitespace-nowrap">
                      {formatDuration(s.durationMin) ?? "—"}
                    </TableCell>
                    <TableCell numeric>{s.setCount}</TableCell>
                    <TableCell numeric className="whitespace-nowrap">
                      {formatVolume(s.volumeKg, prefs.unit)}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
          <Pagination page={list.page} pageCount={list.pageCount} href={(p) => pageHref("/workouts", sp, p)} />
        </div>
      )}
    </>
  );
}
