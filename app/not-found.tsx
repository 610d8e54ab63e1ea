import type { Metadata } from "next";
import Link from "next/link";
import { StatusPage } from "@/components/site/status-page";
import { Button } from "@/components/ui/button";

export const metadata: Metadata = { title: "Not found", robots: { index: false } };

/** Also shown for other people's workouts, coaches and chats: we never confirm that they exist. */
export default function NotFound() {
  return (
    <StatusPage
      code="404 · missed rep"
      title="We couldn’t find that page."
      actions={
        <>
          <Button asChild>
            <Link href="/workouts">Go to your workouts</Link>
          </Button>
          <Button asChild variant="secondary">
            <Link href="/">Spotter home</Link>
          </Button>
        </>
      }
    >
      <p>The link may be old or mistyped, or what it points to belongs to another account or was deleted.</p>
    </StatusPage>
  );
}
