import type { Metadata } from "next";
import { StatusPage } from "@/components/site/status-page";
import { Button } from "@/components/ui/button";

export const metadata: Metadata = { title: "Not found", robots: { index: false } };

/** Plain links (not next/link): this boundary is part of every page, and next/link would add 3 KB to the landing page. Also shown for other people's workouts, coaches and chats: we never confirm that they exist. */
export default function NotFound() {
  return (
    <StatusPage
      code="404 · missed rep"
      title="We couldn’t find that page."
      actions={
        <>
          <Button asChild>
            <a href="/workouts">Go to your workouts</a>
          </Button>
          <Button asChild variant="secondary">
            <a href="/">Spotter home</a>
          </Button>
        </>
      }
    >
      <p>The link may be old or mistyped, or what it points to belongs to another account or was deleted.</p>
    </StatusPage>
  );
}
