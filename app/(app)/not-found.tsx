import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";

export const metadata: Metadata = { title: "Not found", robots: { index: false } };

/**
 * A 404 inside the signed-in area keeps the app's navigation. Also shown for other people's
 * workouts, coaches and chats: we never confirm that they exist.
 */
export default function AppNotFound() {
  return (
    <section aria-labelledby="not-found-title" className="mx-auto max-w-xl py-10 sm:py-16">
      <p aria-hidden className="flex items-center gap-3 font-mono text-sm font-semibold text-accent-text">
        <span className="h-px w-8 bg-accent-strong" />
        404 · missed rep
      </p>
      <h1 id="not-found-title" className="mt-4 text-3xl font-extrabold tracking-tight text-ink sm:text-4xl">
        We couldn’t find that page.
      </h1>
      <p className="mt-4 text-lg leading-relaxed text-ink-soft">
        The link may be old or mistyped, or what it points to belongs to another account or was deleted.
      </p>
      <div className="mt-8 flex flex-wrap gap-3">
        <Button asChild>
          <Link href="/chat">Ask your coach</Link>
        </Button>
        <Button asChild variant="secondary">
          <Link href="/workouts">Your workouts</Link>
        </Button>
      </div>
    </section>
  );
}
