import { Plus, UserRound } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { MakePrimaryButton } from "@/components/coach/coach-buttons";
import {
  Badge,
  Button,
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
import { getDb } from "@/db/client";
import { requireUser } from "@/lib/auth/session";
import { coachLimit, listCoaches } from "@/lib/coach/coaches";
import { listInterviews } from "@/lib/coach/interviews";
import { getProfile } from "@/lib/users/profile";
import { formatDateTime } from "@/lib/time/format";
import { zoneOrUtc } from "@/lib/time/zone";
import { setPrimaryCoachAction } from "@/lib/coach/actions";

export const metadata: Metadata = { title: "Coach" };

const STATUS = {
  in_progress: { label: "In progress", tone: "info" },
  completed: { label: "Completed", tone: "success" },
  abandoned: { label: "Closed", tone: "neutral" },
  expired: { label: "Expired", tone: "warning" },
} as const;

export default async function CoachPage() {
  const user = await requireUser();
  const db = getDb();
  const [coaches, interviews, limit, profile] = await Promise.all([
    listCoaches(db, user.id),
    listInterviews(db, user.id),
    coachLimit(db, user.id),
    getProfile(db, user.id),
  ]);
  const atLimit = limit.used >= limit.limit;
  const timeZone = zoneOrUtc(profile.timeZone);

  return (
    <>
      <PageHeader
        eyebrow="Coach"
        title="Your coaches"
        description="Your primary coach answers in the chat. Edit tone, methodology and safety rules any time; every change is saved as a new version."
        actions={
          atLimit ? null : (
            <Button asChild variant="accent">
              <Link href="/coach/new">
                <Plus aria-hidden /> New coach
              </Link>
            </Button>
          )
        }
      />
      {atLimit ? (
        <p className="-mt-4 mb-6 text-sm text-ink-muted">
          {limit.used} of {limit.limit} coach{limit.limit === 1 ? "" : "es"} on your plan.{" "}
          <Link href="/pricing" className="font-medium underline">
            Plans with more coaches
          </Link>
        </p>
      ) : null}

      {coaches.length === 0 ? (
        <EmptyState
          icon={<UserRound />}
          title="No coach yet"
          description="Right now the chat uses Spotter's default coach. A three-minute interview builds one that fits you."
          action={
            <Button asChild variant="accent">
              <Link href="/coach/new">Build your coach</Link>
            </Button>
          }
        />
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2" aria-label="Coaches">
          {coaches.map((c) => (
            <li key={c.id}>
              <Card className="h-full" data-testid="coach-item">
                <CardHeader className="flex-row items-start justify-between gap-2">
                  <div>
                    <CardTitle>
                      <Link href={`/coach/${c.id}`} className="hover:underline">
                        {c.name}
                      </Link>
                    </CardTitle>
                    <CardDescription>{c.card.persona.label}</CardDescription>
                  </div>
                  {c.isPrimary ? <Badge tone="accent">Primary</Badge> : null}
                </CardHeader>
                <CardContent className="space-y-3 text-sm text-ink-soft">
                  <p>
                    {c.card.methodology.label} · {c.card.athlete.level} · version {c.currentVersion}
                  </p>
                  <div className="flex flex-wrap gap-2">
                    <Button asChild size="sm" variant="secondary">
                      <Link href={`/coach/${c.id}`}>View &amp; edit</Link>
                    </Button>
                    {c.isPrimary ? null : <MakePrimaryButton coachId={c.id} name={c.name} action={setPrimaryCoachAction} size="sm" />}
                  </div>
                </CardContent>
              </Card>
            </li>
          ))}
        </ul>
      )}

      {interviews.length ? (
        <section className="mt-10" aria-labelledby="interviews-heading">
          <h2 id="interviews-heading" className="mb-3 text-lg font-semibold text-ink">
            Interviews
          </h2>
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>Started</TableHead>
                <TableHead>Status</TableHead>
                <TableHead className="text-right">Essentials</TableHead>
                <TableHead>
                  <span className="sr-only">Open</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {interviews.map((i) => (
                <TableRow key={i.id} data-testid="interview-row">
                  <TableCell>{formatDateTime(i.createdAt, timeZone)}</TableCell>
                  <TableCell>
                    <Badge tone={STATUS[i.status].tone}>{STATUS[i.status].label}</Badge>
                    {i.status === "in_progress" ? (
                      <span className="ml-2 text-xs text-ink-muted">kept until {formatDateTime(i.expiresAt, timeZone)}</span>
                    ) : null}
                  </TableCell>
                  <TableCell numeric>{Math.round(i.progress * 100)} %</TableCell>
                  <TableCell className="text-right">
                    <Link href={`/coach/interviews/${i.id}`} className="font-medium underline">
                      {i.status === "in_progress" ? "Resume" : "Transcript"}
                    </Link>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </section>
      ) : null}
    </>
  );
}
