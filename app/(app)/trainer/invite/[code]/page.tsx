import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { ActionForm } from "@/components/trainer/action-form";
import { SharedList } from "@/components/trainer/shared-list";
import { Alert, Card, CardContent, CardDescription, CardHeader, CardTitle, PageHeader } from "@/components/ui";
import { requireUser } from "@/lib/auth/session";
import { isUserError } from "@/lib/errors/user-error";
import { acceptInvitationAction, declineInvitationAction } from "@/lib/trainer/actions";
import { findInvitation } from "@/lib/trainer/links";
import { normalizeEmail } from "@/lib/users/email";

export const metadata: Metadata = { title: "Trainer invitation" };

export default async function InvitationPage({ params }: { params: Promise<{ code: string }> }) {
  const user = await requireUser();
  const { code } = await params;
  let invitation;
  try {
    invitation = await findInvitation(getDb(), decodeURIComponent(code));
  } catch (e) {
    if (!isUserError(e)) throw e;
    return (
      <>
        <PageHeader eyebrow="Trainer" title="Invitation" />
        <Alert tone="warning">{e.message}</Alert>
      </>
    );
  }
  const otherEmail = invitation.inviteEmail && invitation.inviteEmail !== normalizeEmail(user.email);
  return (
    <>
      <PageHeader eyebrow="Trainer invitation" title={`${invitation.trainerName} wants to coach you`} description={invitation.trainerEmail} />
      <Card className="max-w-2xl">
        <CardHeader>
          <CardTitle>What sharing means</CardTitle>
          <CardDescription>Nothing is shared until you accept.</CardDescription>
        </CardHeader>
        <CardContent className="space-y-6">
          <SharedList />
          {otherEmail ? (
            <Alert tone="warning">This invitation was sent to {invitation.inviteEmail}. Sign in with that address to accept it.</Alert>
          ) : (
            <div className="flex flex-wrap gap-3">
              <ActionForm
                action={acceptInvitationAction}
                hidden={{ code: decodeURIComponent(code) }}
                submit={`Accept and share with ${invitation.trainerName}`}
              />
              <ActionForm action={declineInvitationAction} hidden={{ code: decodeURIComponent(code) }} submit="Decline" variant="secondary" />
            </div>
          )}
          <p className="text-sm text-ink-muted">
            You can change your mind later under <Link href="/settings/trainers">Settings → Trainers</Link>.
          </p>
        </CardContent>
      </Card>
    </>
  );
}
