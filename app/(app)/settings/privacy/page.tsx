import type { Metadata } from "next";
import { getDb } from "@/db/client";
import {
  Alert,
  Button,
  Card,
  CardContent,
  CardDescription,
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
import { ConsentForm, DeleteAccountForm, RetentionForm } from "@/components/settings/privacy-forms";
import { SettingsNav } from "@/components/settings/settings-nav";
import { requireUser } from "@/lib/auth/session";
import { listDataAccess } from "@/lib/privacy/access-log";
import { deleteAccountAction, sendDeletionLinkAction, setRetentionAction } from "@/lib/privacy/actions";
import { hasPassword } from "@/lib/privacy/delete-account";
import { getRetentionDays } from "@/lib/privacy/retention";
import { grantTrainingConsentAction, withdrawTrainingConsentAction } from "@/lib/training/actions";
import { getTrainingConsent } from "@/lib/training/consent";
import { TRAINING_CONSENT_TEXT, TRAINING_CONSENT_TITLE, TRAINING_CONSENT_VERSION } from "@/lib/training/consent-text";
import { formatDateTime } from "@/lib/time/format";
import { getProfile } from "@/lib/users/profile";

export const metadata: Metadata = { title: "Privacy" };

export default async function PrivacyPage() {
  const user = await requireUser();
  const db = getDb();
  const [consent, retention, log, withPassword, profile] = await Promise.all([
    getTrainingConsent(db, user.id),
    getRetentionDays(db, user.id),
    listDataAccess(db, user.id),
    hasPassword(db, user.id),
    getProfile(db, user.id),
  ]);

  return (
    <>
      <PageHeader eyebrow="Account" title="Privacy" description="Your data: what is kept, who read it, and how to take it with you or delete it." />
      <SettingsNav current="privacy" />
      <div className="space-y-8">
        <Card id="consent">
          <CardHeader>
            <CardTitle>{TRAINING_CONSENT_TITLE}</CardTitle>
            <CardDescription>Off unless you turn it on. Text version {TRAINING_CONSENT_VERSION}.</CardDescription>
          </CardHeader>
          <CardContent className="space-y-4">
            <p className="max-w-prose text-sm leading-relaxed" data-testid="consent-text">
              {TRAINING_CONSENT_TEXT}
            </p>
            {consent.needsReconsent ? (
              <Alert tone="info">
                The text changed since you agreed, so your earlier consent no longer counts. Agree again only if you are happy with it.
              </Alert>
            ) : null}
            <ConsentForm
              granted={consent.granted}
              textVersion={TRAINING_CONSENT_VERSION}
              latest={consent.latest ? { ...consent.latest, at: consent.latest.at.toISOString() } : null}
              grant={grantTrainingConsentAction}
              withdraw={withdrawTrainingConsentAction}
            />
          </CardContent>
        </Card>

        <Card id="export">
          <CardHeader>
            <CardTitle>Export your data</CardTitle>
            <CardDescription>
              A ZIP with everything Spotter holds about you: profile, workouts and sets, body metrics, conversations, coaches and interviews, cue
              history, billing summary, consents and this page&apos;s access log — as JSON, plus workouts.csv (one row per set) that Settings → Import
              reads back.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <Button asChild variant="secondary">
              <a href="/api/privacy/export" download data-testid="export-download">
                Download my data (.zip)
              </a>
            </Button>
            <p className="mt-2 text-xs text-ink-muted">
              Invoices and card details are held by Stripe; Settings → Billing opens them. Records already handed to a training batch carry no link to
              you and cannot be exported.
            </p>
          </CardContent>
        </Card>

        <Card id="retention">
          <CardHeader>
            <CardTitle>History retention</CardTitle>
            <CardDescription>
              Chat messages and live-workout cues older than this are deleted for good, about once an hour. Your workouts, body metrics and coaches
              are kept until you delete them.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <RetentionForm days={retention} action={setRetentionAction} />
          </CardContent>
        </Card>

        <Card id="access-log">
          <CardHeader>
            <CardTitle>Who has read your data</CardTitle>
            <CardDescription>
              Every time someone other than you — an operator of this server, or a trainer you work with — reads your data, it is listed here.
            </CardDescription>
          </CardHeader>
          <CardContent>
            {log.length === 0 ? (
              <p className="text-sm text-ink-muted" data-testid="access-log-empty">
                Nobody but you has read your data.
              </p>
            ) : (
              <Table data-testid="access-log">
                <TableHeader>
                  <TableRow>
                    <TableHead>When</TableHead>
                    <TableHead>Who</TableHead>
                    <TableHead>What</TableHead>
                    <TableHead>How</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {log.map((e) => (
                    <TableRow key={e.id}>
                      <TableCell>{formatDateTime(e.at, profile.timeZone)}</TableCell>
                      <TableCell>
                        {e.actorKind === "operator" ? "Server operator" : e.actorUserId ? "Your trainer" : "A trainer (account since deleted)"}
                      </TableCell>
                      <TableCell>{e.what}</TableCell>
                      <TableCell>{e.via}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </CardContent>
        </Card>

        <Card id="delete" className="border-danger/40">
          <CardHeader>
            <CardTitle>Delete account</CardTitle>
            <CardDescription>
              Deletes your account and every row Spotter holds about you, at once and for good: workouts, body metrics, conversations, coaches, cues,
              settings, consents and this log. A paid subscription is cancelled and your customer record deleted at Stripe; cached voice audio of your
              cues is purged; you are signed out everywhere. Records already exported for training stay, because they cannot be linked back to you.
              Download your data first if you want to keep it.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <DeleteAccountForm hasPassword={withPassword} action={deleteAccountAction} sendLink={sendDeletionLinkAction} />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
