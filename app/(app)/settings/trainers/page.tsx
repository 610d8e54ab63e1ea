import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { SettingsNav } from "@/components/settings/settings-nav";
import { ActionForm } from "@/components/trainer/action-form";
import { SharedList } from "@/components/trainer/shared-list";
import { Thread } from "@/components/trainer/thread";
import { TodayPlan } from "@/components/trainer/today-plan";
import { Alert, Button, Card, CardContent, CardDescription, CardHeader, CardTitle, Input, Label, PageHeader } from "@/components/ui";
import { requireUser } from "@/lib/auth/session";
import { formatSessionDate } from "@/lib/time/format";
import { answerCoachProposalAction, endAssignmentAction, revokeLinkAction, sendAthleteMessageAction } from "@/lib/trainer/actions";
import { listPendingProposals } from "@/lib/trainer/coach-proposals";
import { athleteThread, unreadCounts } from "@/lib/trainer/messages";
import { listAthleteTrainers, listTrainerReads, normalizeCode } from "@/lib/trainer/links";
import { assignedPlanForDay } from "@/lib/trainer/programmes";
import { getViewerPrefs } from "@/lib/workouts/viewer";

export const metadata: Metadata = { title: "Trainers" };

export default async function TrainersSettingsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const sp = await searchParams;
  const code = typeof sp.code === "string" ? sp.code.trim() : "";
  if (code) redirect(`/trainer/invite/${encodeURIComponent(normalizeCode(code).slice(0, 100))}`);
  const db = getDb();
  const [trainers, plan, prefs, reads] = await Promise.all([
    listAthleteTrainers(db, user.id),
    assignedPlanForDay(db, user.id),
    getViewerPrefs(db, user.id),
    listTrainerReads(db, user.id),
  ]);
  const proposals = await listPendingProposals(db, user.id);
  const [threads, unread] = await Promise.all([
    Promise.all(trainers.map((t) => athleteThread(db, user.id, t.trainerUserId))),
    unreadCounts(db, user.id),
  ]);

  return (
    <>
      <PageHeader eyebrow="Account" title="Settings" description={user.email} />
      <SettingsNav current="trainers" />
      <div className="space-y-8">
        {sp.accepted ? (
          <Alert tone="success">You are now linked. Your trainer can see what is listed below; you can stop sharing at any time.</Alert>
        ) : null}
        {sp.declined ? <Alert tone="info">Invitation declined. Nothing was shared.</Alert> : null}
        {proposals.map((p) => (
          <Card key={p.id} data-testid="coach-proposal">
            <CardHeader>
              <CardTitle>{p.trainerName} proposes changes to your coach</CardTitle>
              <CardDescription>
                Applied to your primary coach as a new version only if you confirm (you can go back to an earlier version on the Coach page).
              </CardDescription>
            </CardHeader>
            <CardContent className="space-y-3 text-sm">
              <p>
                <span className="font-semibold">Methodology:</span> {p.content.methodology.label} — {p.content.methodology.summary}
              </p>
              {p.content.safetyRules.length ? (
                <div>
                  <span className="font-semibold">Safety rules added:</span>
                  <ul className="list-disc pl-5">
                    {p.content.safetyRules.map((r) => (
                      <li key={r}>{r}</li>
                    ))}
                  </ul>
                </div>
              ) : null}
              <p className="text-ink-muted">
                Weekly volume increase and deload interval become the stricter of yours and theirs (theirs: {p.content.maxWeeklyVolumeIncreasePct} %,
                deload every {p.content.deload.everyWeeks} weeks). Your injuries and restrictions stay.
              </p>
              <div className="flex flex-wrap gap-3">
                <ActionForm action={answerCoachProposalAction} hidden={{ proposalId: p.id, answer: "accept" }} submit="Apply to my coach" />
                <ActionForm
                  action={answerCoachProposalAction}
                  hidden={{ proposalId: p.id, answer: "decline" }}
                  submit="Decline"
                  variant="secondary"
                />
              </div>
            </CardContent>
          </Card>
        ))}
        {plan ? (
          <Card>
            <CardHeader>
              <CardTitle>Your programme: {plan.assignment.name}</CardTitle>
              <CardDescription>
                Assigned by your trainer, started {plan.assignment.startDate}, {plan.assignment.weeks} weeks × {plan.assignment.daysPerWeek} days.
              </CardDescription>
            </CardHeader>
            <CardContent className="space-y-4">
              <TodayPlan today={plan.today} date={plan.date} />
              <ActionForm
                action={endAssignmentAction}
                hidden={{ assignmentId: plan.assignment.id }}
                submit="Stop following this programme"
                variant="ghost"
              />
            </CardContent>
          </Card>
        ) : null}
        <Card>
          <CardHeader>
            <CardTitle>Your trainers</CardTitle>
            <CardDescription>Trainers you share your training with.</CardDescription>
          </CardHeader>
          <CardContent className="space-y-4">
            {trainers.length === 0 ? (
              <p className="text-sm text-ink-muted">You share your training with no one.</p>
            ) : (
              <ul className="space-y-3" data-testid="my-trainers">
                {trainers.map((t, i) => (
                  <li key={t.linkId} className="flex flex-wrap items-center justify-between gap-3">
                    <span>
                      <span className="font-medium">{t.trainerName}</span> <span className="text-sm text-ink-muted">{t.trainerEmail}</span>
                      <span className="block text-xs text-ink-muted">since {formatSessionDate(t.acceptedAt, prefs.timeZone)}</span>
                    </span>
                    <ActionForm action={revokeLinkAction} hidden={{ linkId: t.linkId }} submit="Stop sharing" variant="secondary" />
                    <details className="w-full" open={(unread.get(t.trainerUserId) ?? 0) > 0}>
                      <summary className="cursor-pointer text-sm font-medium">
                        Messages{unread.get(t.trainerUserId) ? ` (${unread.get(t.trainerUserId)} unread)` : ""}
                      </summary>
                      <div className="mt-3">
                        <Thread
                          messages={threads[i]}
                          otherName={t.trainerName}
                          timeZone={prefs.timeZone}
                          send={sendAthleteMessageAction}
                          hidden={{ trainerId: t.trainerUserId }}
                          sessionHref={(sid) => `/workouts/${sid}`}
                          testId="athlete-thread"
                        />
                      </div>
                    </details>
                  </li>
                ))}
              </ul>
            )}
            <form method="get" action="/settings/trainers" className="flex flex-wrap items-end gap-3">
              <div className="space-y-1.5">
                <Label htmlFor="share-code">Have a share code?</Label>
                <Input id="share-code" name="code" placeholder="ABCD-EFGH" autoComplete="off" className="w-40" />
              </div>
              <Button type="submit" variant="secondary">
                Continue
              </Button>
            </form>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>What your trainers read</CardTitle>
            <CardDescription>Every read of your data by a trainer, newest first.</CardDescription>
          </CardHeader>
          <CardContent>
            {reads.length === 0 ? (
              <p className="text-sm text-ink-muted">No trainer has read your data.</p>
            ) : (
              <ul className="space-y-1 text-sm" data-testid="trainer-reads">
                {reads.map((r) => (
                  <li key={r.id}>
                    <span className="font-medium">{r.trainerName}</span> read your {r.what} <span className="text-ink-muted">({r.via})</span>{" "}
                    <span className="text-ink-muted">· {formatSessionDate(r.at, prefs.timeZone)}</span>
                  </li>
                ))}
              </ul>
            )}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>What a trainer can see</CardTitle>
          </CardHeader>
          <CardContent>
            <SharedList />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
