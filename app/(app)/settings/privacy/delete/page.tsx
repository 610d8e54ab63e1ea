import type { Metadata } from "next";
import { Card, CardContent, CardDescription, CardHeader, CardTitle, PageHeader } from "@/components/ui";
import { DeleteAccountForm } from "@/components/settings/privacy-forms";
import { requireUser } from "@/lib/auth/session";
import { deleteAccountAction, sendDeletionLinkAction } from "@/lib/privacy/actions";

export const metadata: Metadata = { title: "Delete account" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Where the emailed deletion link lands (accounts without a password): confirm with DELETE. */
export default async function ConfirmDeletionPage({ searchParams }: { searchParams: SearchParams }) {
  await requireUser();
  const raw = (await searchParams).token;
  const token = (Array.isArray(raw) ? raw[0] : raw)?.slice(0, 200);
  return (
    <>
      <PageHeader eyebrow="Privacy" title="Delete account" />
      <Card>
        <CardHeader>
          <CardTitle>Confirm deletion</CardTitle>
          <CardDescription>Your account and all its data will be deleted for good, and you will be signed out.</CardDescription>
        </CardHeader>
        <CardContent>
          <DeleteAccountForm hasPassword={false} token={token || undefined} action={deleteAccountAction} sendLink={sendDeletionLinkAction} />
        </CardContent>
      </Card>
    </>
  );
}
