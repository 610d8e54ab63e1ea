import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { ActionForm } from "@/components/trainer/action-form";
import { ClientQuery } from "@/components/trainer/client-query";
import { Thread } from "@/components/trainer/thread";
import { TodayPlan } from "@/components/trainer/today-plan";
import { TrendChart } from "@/components/workouts/trend-chart";
import { Alert, Card, CardContent, CardDescription, CardHeader, CardTitle, PageHeader, Select } from "@/components/ui";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui";
import { requireUser } from "@/lib/auth/session";
import { isUserError, NotFoundError } from "@/lib/errors/user-error";
import { formatSessionDate } from "@/lib/time/format";
import { localDate } from "@/lib/time/zone";
import { assignProgrammeAction, proposeCoachChangesAction, revokeLinkAction, sendTrainerMessageAction } from "@/lib/trainer/actions";
import { trainerThread } from "@/lib/trainer/messages";
import { CLIENT_QUESTIONS, loadClientCharts, loadClientHeader, loadClientLog } from "@/lib/trainer/client-view";
import { scheduledOn } from "@/lib/trainer/programme-schema";
import { getClientAssignment, listProgrammes } from "@/lib/trainer/programmes";
import { formatVolume, formatWeight } from "@/lib/units";

export const metadata: Metadata = { title: "Athlete" };

export default async function ClientPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const { id } = await params;
  const page = Math.max(1, Number.parseInt(String((await searchParams).page ?? "1"), 10) || 1);
  const db = getDb();
  let header;
  try {
    header = await loadClientHeader(db, user.id, id);
  } catch (e) {
    if (e instanceof NotFoundError) notFound();
    if (isUserError(e))
      return (
        <>
          <PageHeader eyebrow="Trainer" title="Athlete" />
          <Alert tone="warning">{e.message}</Alert>
        </>
      );
    throw e;
  }
  const clientId = header.access.clientUserId;
  const [log, charts, assignment, programmes, messages] = await Promise.all([
    loadClientLog(db, user.id, clientId, page),
    loadClientCharts(db, user.id, clientId),
    getClientAssignment(db, user.id, clientId),
    listProgrammes(db, user.id),
    trainerThread(db, user.id, clientId),
  ]);
  const { unit, timeZone: timezone } = header.prefs;
  const today = localDate(new Date(), timezone);
  const full = header.access.mode === "full";

  return (
    <>
      <PageHeader eyebrow="Athlete" title={header.name} description={`${header.email} · weights in ${unit} · times in ${timezone}`} />
      {!full ? (
        <Alert tone="warning" className="mb-6">
          Read-only: your account is no longer on the Trainer plan.
        </Alert>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>Programme</CardTitle>
            <CardDescription>{assignment ? `${assignment.name}, started ${assignment.startDate}` : "No programme assigned."}</CardDescription>
          </CardHeader>
          <CardContent className="space-y-4">
            {assignment ? <TodayPlan today={scheduledOn(assignment.body, assignment.startDate, today)} date={today} /> : null}
            {full ? (
              programmes.length ? (
                <ActionForm
                  action={assignProgrammeAction}
                  hidden={{ clientId }}
                  submit="Assign programme"
                  testId="assign-form"
                  className="flex flex-wrap items-end gap-3"
                >
                  <Select name="programmeId" aria-label="Programme" defaultValue={programmes[0].id}>
                    {programmes.map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.name}
                      </option>
                    ))}
                  </Select>
                </ActionForm>
              ) : (
                <p className="text-sm text-ink-muted">
                  <Link href="/trainer/programmes">Write a programme</Link> to assign it.
                </p>
              )
            ) : null}
          </CardContent>
        </Card>
        {full ? (
          <Card>
            <CardHeader>
              <CardTitle>Their coach</CardTitle>
              <CardDescription>
                Propose your coach&apos;s methodology and safety rules for {header.name}&apos;s coach. Nothing changes until they confirm; their own
                injuries and restrictions stay, and safety limits only get stricter.
              </CardDescription>
            </CardHeader>
            <CardContent>
              <ActionForm
                action={proposeCoachChangesAction}
                hidden={{ clientId }}
                submit="Propose my methodology"
                variant="secondary"
                testId="propose-form"
              />
            </CardContent>
          </Card>
        ) : null}
        <Card>
          <CardHeader>
            <CardTitle>Analytics</CardTitle>
            <CardDescription>The coach&apos;s read-only SQL sandbox over {header.name}&apos;s training data.</CardDescription>
          </CardHeader>
          <CardContent>
            <ClientQuery clientId={clientId} questions={CLIENT_QUESTIONS} />
          </CardContent>
        </Card>
      </div>

      <Card className="mt-6">
        <CardHeader>
          <CardTitle>Messages</CardTitle>
        </CardHeader>
        <CardContent>
          <Thread
            messages={messages}
            otherName={header.name}
            timeZone={timezone}
            send={full ? sendTrainerMessageAction : undefined}
            hidden={{ clientId }}
            sessionHref={(sid) => `/trainer/clients/${clientId}/workouts/${sid}`}
            testId="trainer-thread"
          />
        </CardContent>
      </Card>

      {charts.length ? (
        <Card className="mt-6">
          <CardHeader>
            <CardTitle>e1RM trends</CardTitle>
          </CardHeader>
          <CardContent className="grid gap-6 md:grid-cols-3">
            {charts.map((h) => (
              <div key={h.exercise.id}>
                <h3 className="mb-2 text-sm font-semibold">{h.exercise.name}</h3>
                <TrendChart
                  points={h.trend.map((t) => ({ x: t.startedAt, y: t.e1rmKg }))}
                  format={(v) => formatWeight(v, unit)}
                  label={`${h.exercise.name} estimated 1RM`}
                  dateLabel={(d) => formatSessionDate(d, timezone)}
                />
              </div>
            ))}
          </CardContent>
        </Card>
      ) : null}

      <Card className="mt-6">
        <CardHeader>
          <CardTitle>Training log</CardTitle>
          <CardDescription>{log.total} workouts (read-only)</CardDescription>
        </CardHeader>
        <CardContent>
          <Table data-testid="client-log">
            <TableHeader>
              <TableRow>
                <TableHead>Date</TableHead>
                <TableHead>Workout</TableHead>
                <TableHead>Sets</TableHead>
                <TableHead>Volume</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {log.rows.map((s) => (
                <TableRow key={s.id}>
                  <TableCell>{formatSessionDate(s.startedAt, timezone)}</TableCell>
                  <TableCell>
                    <Link href={`/trainer/clients/${clientId}/workouts/${s.id}`} className="font-medium hover:underline">
                      {s.name}
                    </Link>
                    <div className="text-xs text-ink-muted">{s.exerciseNames.slice(0, 3).join(", ")}</div>
                  </TableCell>
                  <TableCell>{s.setCount}</TableCell>
                  <TableCell>{formatVolume(s.volumeKg, unit)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <div className="mt-3 flex gap-4 text-sm">
            {page > 1 ? <Link href={`?page=${page - 1}`}>Newer</Link> : null}
            {page < log.pageCount ? <Link href={`?page=${page + 1}`}>Older</Link> : null}
          </div>
        </CardContent>
      </Card>
      <div className="mt-8">
        <ActionForm action={revokeLinkAction} hidden={{ linkId: header.access.linkId }} submit="End coaching this athlete" variant="ghost" />
      </div>
    </>
  );
}
