import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { ActionForm } from "@/components/trainer/action-form";
import {
  Alert,
  Badge,
  Button,
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  EmptyState,
  Input,
  Label,
  PageHeader,
} from "@/components/ui";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui";
import { requireUser } from "@/lib/auth/session";
import { formatSessionDate } from "@/lib/time/format";
import { createShareCodeAction, inviteAthleteAction, revokeLinkAction, saveTrainerSettingsAction } from "@/lib/trainer/actions";
import { listTrainerLinks } from "@/lib/trainer/links";
import { loadRoster, type Compliance } from "@/lib/trainer/roster";
import { formatWeight } from "@/lib/units";
import { getViewerPrefs } from "@/lib/workouts/viewer";

export const metadata: Metadata = { title: "Trainer" };

function pct(c: Compliance) {
  return c.percent === null ? "—" : `${c.percent}%`;
}

export default async function TrainerPage() {
  const user = await requireUser();
  const db = getDb();
  const now = new Date();
  const [roster, links, prefs] = await Promise.all([loadRoster(db, user.id, now), listTrainerLinks(db, user.id, now), getViewerPrefs(db, user.id)]);
  const pending = links.filter((l) => l.status === "pending");
  const full = roster.standing.mode === "full";

  if (roster.standing.mode === "none" && roster.clients.length === 0) {
    return (
      <>
        <PageHeader eyebrow="Trainer" title="Coach your athletes" />
        <EmptyState
          title="The Trainer plan includes client athletes"
          description={`Invite up to 25 athletes, see their training, assign programmes and track compliance. ${links.length ? "Your earlier athletes stay linked but hidden until you are on the Trainer plan again." : ""}`}
          action={
            <Button asChild>
              <Link href="/pricing">See the Trainer plan</Link>
            </Button>
          }
        />
      </>
    );
  }

  return (
    <>
      <PageHeader
        eyebrow="Trainer"
        title="Your athletes"
        description={`${roster.clients.length} of ${full ? roster.standing.seats : roster.clients.length} client seats used`}
        actions={
          <Button asChild variant="secondary">
            <Link href="/trainer/programmes">Programmes</Link>
          </Button>
        }
      />
      {roster.standing.mode === "read-only" ? (
        <Alert tone="warning" className="mb-6" title="Read-only">
          Your account is no longer on the Trainer plan. You can view your athletes until{" "}
          {roster.standing.readOnlyUntil ? formatSessionDate(roster.standing.readOnlyUntil, prefs.timeZone) : "the end of the period"}, but not
          invite, assign or message. <Link href="/pricing">Choose the Trainer plan</Link> to keep coaching.
        </Alert>
      ) : null}

      <Card className="mb-8">
        <CardHeader>
          <CardTitle>Roster</CardTitle>
          <CardDescription>
            Compliance = training days completed ÷ days assigned by the programme (a day done up to two days late counts).
          </CardDescription>
        </CardHeader>
        <CardContent>
          {roster.clients.length === 0 ? (
            <p className="text-sm text-ink-muted">No athletes yet. Invite one below.</p>
          ) : (
            <Table data-testid="roster">
              <TableHeader>
                <TableRow>
                  <TableHead>Athlete</TableHead>
                  <TableHead>Last session</TableHead>
                  <TableHead>This week</TableHead>
                  <TableHead>7 d</TableHead>
                  <TableHead>30 d</TableHead>
                  <TableHead>90 d</TableHead>
                  <TableHead>Status</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {roster.clients.map((c) => (
                  <TableRow key={c.clientUserId} data-testid="roster-row">
                    <TableCell>
                      <Link href={`/trainer/clients/${c.clientUserId}`} className="font-medium underline-offset-2 hover:underline">
                        {c.name}
                      </Link>
                      <div className="text-xs text-ink-muted">{c.programme ?? "No programme assigned"}</div>
                      {c.unread ? (
                        <Badge tone="info" data-testid="unread">
                          {c.unread} unread
                        </Badge>
                      ) : null}
                    </TableCell>
                    <TableCell>{c.lastSessionAt ? formatSessionDate(c.lastSessionAt, prefs.timeZone) : "—"}</TableCell>
                    <TableCell data-testid="week-count">
                      {c.sessionsThisWeek}
                      {c.assignedThisWeek !== null ? ` / ${c.assignedThisWeek}` : ""}
                    </TableCell>
                    <TableCell data-testid="compliance-7">{pct(c.compliance.d7)}</TableCell>
                    <TableCell data-testid="compliance-30">{pct(c.compliance.d30)}</TableCell>
                    <TableCell data-testid="compliance-90">{pct(c.compliance.d90)}</TableCell>
                    <TableCell>
                      {c.attention.length ? (
                        <Badge tone="warning" title={c.attention.join("; ")}>
                          Needs attention
                        </Badge>
                      ) : (
                        <Badge tone="success">On track</Badge>
                      )}
                      {c.attention.map((a) => (
                        <div key={a} className="mt-1 text-xs text-ink-muted">
                          {a}
                        </div>
                      ))}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>

      <div className="grid gap-6 md:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>Recent PRs</CardTitle>
            <CardDescription>Your athletes&apos; personal records of the last 30 days.</CardDescription>
          </CardHeader>
          <CardContent>
            {roster.prs.length === 0 ? (
              <p className="text-sm text-ink-muted">No new records in the last 30 days.</p>
            ) : (
              <ul className="space-y-2 text-sm" data-testid="pr-feed">
                {roster.prs.map((p, i) => (
                  <li key={`${p.sessionId}-${p.exercise}-${p.kind}-${i}`}>
                    <span className="font-medium">{p.clientName}</span> · {p.exercise}: {p.label.toLowerCase()}{" "}
                    {p.kind === "reps" ? `${p.value} reps` : formatWeight(p.value, prefs.unit)}
                    <span className="text-ink-muted"> · {formatSessionDate(p.at, prefs.timeZone)}</span>
                  </li>
                ))}
              </ul>
            )}
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>Invite an athlete</CardTitle>
            <CardDescription>
              They see exactly what you will be able to see, and accept or decline. Either of you can end the link at any time.
            </CardDescription>
          </CardHeader>
          <CardContent className="space-y-6">
            {full ? (
              <>
                <ActionForm action={inviteAthleteAction} submit="Send invitation" testId="invite-form">
                  <div className="space-y-1.5">
                    <Label htmlFor="invite-email">Athlete&apos;s email</Label>
                    <Input id="invite-email" name="email" type="email" required autoComplete="off" />
                  </div>
                </ActionForm>
                <ActionForm action={createShareCodeAction} submit="Create a share code" variant="secondary" testId="share-code-form" />
              </>
            ) : (
              <p className="text-sm text-ink-muted">Inviting needs the Trainer plan.</p>
            )}
            {pending.length ? (
              <div>
                <h3 className="mb-2 text-sm font-semibold">Open invitations</h3>
                <ul className="space-y-2 text-sm" data-testid="pending-invites">
                  {pending.map((l) => (
                    <li key={l.id} className="flex items-center justify-between gap-3">
                      <span>
                        {l.inviteEmail ?? <code className="font-mono">{l.code}</code>}{" "}
                        <span className="text-ink-muted">until {formatSessionDate(l.expiresAt, prefs.timeZone)}</span>
                      </span>
                      <ActionForm
                        action={revokeLinkAction}
                        hidden={{ linkId: l.id }}
                        submit="Cancel"
                        variant="ghost"
                        className="flex items-center gap-2"
                      />
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>Needs-attention setting</CardTitle>
            <CardDescription>Flag an athlete after this many days without a session.</CardDescription>
          </CardHeader>
          <CardContent>
            <ActionForm action={saveTrainerSettingsAction} submit="Save" variant="secondary" className="flex items-end gap-3">
              <div className="space-y-1.5">
                <Label htmlFor="inactive-days">Days</Label>
                <Input id="inactive-days" name="inactiveDays" type="number" min={1} max={60} defaultValue={roster.inactiveDays} className="w-24" />
              </div>
            </ActionForm>
          </CardContent>
        </Card>
      </div>
    </>
  );
}
