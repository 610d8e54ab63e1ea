import { Dumbbell, Plus, Search, Timer, Upload, X } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import {
  Button,
  EmptyState,
  Input,
  Select,
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
import { PrBadge } from "@/components/workouts/pr-badge";
import { findExercise } from "@/lib/workouts/exercise-history";
import { listSessions, SESSION_SOURCES, type SessionFilters, type SessionSourceFilter } from "@/lib/workouts/queries";
import { loadRecords } from "@/lib/workouts/record-history";
import { formatDuration, formatSessionDate } from "@/lib/time/format";
import { getViewerPrefs } from "@/lib/workouts/viewer";

export const metadata: Metadata = { title: "Workouts" };

const PAGE_SIZE = 20;
const SHOWN_EXERCISES = 3;

export default async function WorkoutsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const sp = await searchParams;
  const page = Math.max(1, Number.parseInt(String(sp.page ?? "1"), 10) || 1);
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;
  const filters: SessionFilters = {
    q: one(sp.q)?.slice(0, 100),
    exerciseId: one(sp.exercise),
    source: SESSION_SOURCES.includes(one(sp.source) as SessionSourceFilter) ? (one(sp.source) as SessionSourceFilter) : undefined,
  };
  const filtered = Boolean(filters.q || filters.exerciseId || filters.source);
  const db = getDb();
  const [prefs, list, exercise] = await Promise.all([
    getViewerPrefs(db, user.id),
    listSessions(db, user.id, { page, pageSize: PAGE_SIZE, ...filters }),
    filters.exerciseId ? findExercise(db, user.id, filters.exerciseId) : null,
  ]);
  // PRs of the sessions on this page, judged against the whole history up to them.
  const records = list.rows.length ? await loadRecords(db, user.id) : null;
  const prKinds = (sessionId: string) => (records?.bySession.get(sessionId) ?? []).map((r) => r.kind);

  const addButton = (
    <div className="flex flex-wrap gap-2">
      <Button asChild variant="accent">
        <Link href="/workouts/live">
          <Timer aria-hidden /> Live workout
        </Link>
      </Button>
      <Button asChild variant="secondary">
        <Link href="/workouts/templates">Templates</Link>
      </Button>
      <Button asChild variant="secondary">
        <Link href="/workouts/body">Body metrics</Link>
      </Button>
      <Button asChild>
        <Link href="/workouts/new">
          <Plus aria-hidden /> Add workout
        </Link>
      </Button>
    </div>
  );

  return (
    <>
      <PageHeader
        eyebrow="Training log"
        title="Workouts"
        description={
          list.total > 0
            ? `${list.total.toLocaleString("en-US")} ${list.total === 1 ? "workout" : "workouts"}${filtered ? " found" : ""} · weights in ${prefs.unit} · times in ${prefs.timeZone}`
            : "Every session you log, import or tell your coach about."
        }
        actions={list.total > 0 || filtered ? addButton : undefined}
      />

      {list.total > 0 || filtered ? (
        <form
          method="get"
          action="/workouts"
          role="search"
          aria-label="Search workouts"
          className="mb-4 flex flex-wrap items-center gap-2"
          data-testid="workout-filters"
        >
          <div className="relative min-w-0 flex-1 basis-56">
            <Search aria-hidden className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-ink-muted" />
            <label htmlFor="workout-search" className="sr-only">
              Search by workout or exercise name
            </label>
            <Input
              id="workout-search"
              name="q"
              type="search"
              defaultValue={filters.q ?? ""}
              maxLength={100}
              placeholder="Search workouts or exercises"
              className="pl-9"
            />
          </div>
          <label htmlFor="workout-source" className="sr-only">
            Where it came from
          </label>
          <Select id="workout-source" name="source" defaultValue={filters.source ?? ""} className="w-auto">
            <option value="">All sources</option>
            <option value="manual">Added by hand</option>
            <option value="chat">From the chat</option>
            <option value="live">Live workouts</option>
            <option value="import">Imported</option>
          </Select>
          {filters.exerciseId ? <input type="hidden" name="exercise" value={filters.exerciseId} /> : null}
          <Button type="submit" variant="secondary">
            Search
          </Button>
          {filtered ? (
            <Button asChild variant="ghost">
              <Link href="/workouts">
                <X aria-hidden /> Clear
              </Link>
            </Button>
          ) : null}
          {exercise ? (
            <p className="basis-full text-sm text-ink-muted">
              Only workouts with{" "}
              <Link href={`/workouts/exercises/${exercise.id}`} className="font-medium text-ink hover:underline">
                {exercise.name}
              </Link>
            </p>
          ) : null}
        </form>
      ) : null}

      {list.total === 0 && filtered ? (
        <EmptyState
          icon={<Search />}
          title="No workouts match"
          description="Try another name, or clear the filters to see every workout."
          action={
            <Button asChild variant="secondary">
              <Link href="/workouts">Clear the filters</Link>
            </Button>
          }
        />
      ) : list.total === 0 ? (
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
                  <span className="flex items-center justify-between gap-2">
                    <span className="font-semibold text-ink">{s.name}</span>
                    <PrBadge kinds={prKinds(s.id)} count={prKinds(s.id).length} />
                  </span>
                  <time dateTime={s.startedAt.toISOString()} className="block text-sm text-ink-muted tabular">
                    {formatSessionDate(s.startedAt, prefs.timeZone)}
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
                <TableHead className="text-right" title="Weight × reps of working sets (warm-ups left out)">
                  Volume
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {list.rows.map((s) => {
                const extra = s.exerciseNames.length - SHOWN_EXERCISES;
                return (
                  <TableRow key={s.id} className="relative">
                    <TableCell className="whitespace-nowrap text-ink-muted tabular">
                      <time dateTime={s.startedAt.toISOString()}>{formatSessionDate(s.startedAt, prefs.timeZone)}</time>
                    </TableCell>
                    <TableCell className="font-medium">
                      {/* The link covers the whole row (relative tr + after:absolute) so any cell opens it. */}
                      <Link href={`/workouts/${s.id}`} className="after:absolute after:inset-0 hover:underline">
                        {s.name}
                      </Link>{" "}
                      <PrBadge kinds={prKinds(s.id)} count={prKinds(s.id).length} />
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
