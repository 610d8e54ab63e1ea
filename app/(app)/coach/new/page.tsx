import { MessagesSquare, PlayCircle, Sparkles } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { StartInterviewButton } from "@/components/coach/start-interview-button";
import { Alert, Button, Card, CardContent, CardDescription, CardHeader, CardTitle, PageHeader } from "@/components/ui";
import { getDb } from "@/db/client";
import { requireUser } from "@/lib/auth/session";
import { getInterviewExtractor } from "@/lib/coach/ai-extract";
import { coachLimit } from "@/lib/coach/coaches";
import { latestOpenInterview } from "@/lib/coach/interviews";
import { abandonInterviewAction, startInterviewAction } from "@/lib/coach/actions";

export const metadata: Metadata = { title: "Build your coach" };

export default async function NewCoachPage() {
  const user = await requireUser();
  const db = getDb();
  const [open, limit] = await Promise.all([latestOpenInterview(db, user.id), coachLimit(db, user.id)]);
  const atLimit = limit.used >= limit.limit;
  const { label, offline } = getInterviewExtractor();

  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        eyebrow="Coach creator"
        title="Build your coach"
        description="A short conversation — about three minutes — that turns your goals, experience, injuries and preferences into a coach of your own. It shapes every chat reply."
      />
      {open ? (
        <Card className="mb-6" data-testid="resume-card">
          <CardHeader>
            <CardTitle>Pick up where you left off</CardTitle>
            <CardDescription>
              Your interview is {Math.round(open.progress * 100)} % through the essentials. Answers are saved as you go; unfinished interviews are
              kept for 7 days.
            </CardDescription>
          </CardHeader>
          <CardContent className="flex flex-wrap gap-3">
            <Button asChild variant="accent" size="lg">
              <Link href={`/coach/interviews/${open.id}`} data-testid="resume-interview">
                <PlayCircle aria-hidden /> Resume interview
              </Link>
            </Button>
            <StartInterviewButton
              start={startInterviewAction}
              abandon={{ id: open.id, action: abandonInterviewAction }}
              variant="secondary"
              testId="restart-interview"
            >
              Start over
            </StartInterviewButton>
          </CardContent>
        </Card>
      ) : atLimit ? (
        <Alert tone="warning" title="You have all the coaches your plan includes" className="mb-6">
          Your plan includes {limit.limit === 1 ? "one coach" : `${limit.limit} coaches`}. Edit your coach, delete one on the{" "}
          <Link href="/coach" className="font-semibold underline">
            Coach page
          </Link>
          , or{" "}
          <Link href="/pricing" className="font-semibold underline">
            upgrade
          </Link>{" "}
          to keep several.
        </Alert>
      ) : (
        <Card className="mb-6">
          <CardContent className="flex flex-col gap-5 sm:flex-row sm:items-center sm:justify-between">
            <ul className="space-y-2 text-sm text-ink-soft">
              <li className="flex gap-2">
                <MessagesSquare aria-hidden className="mt-0.5 size-4 shrink-0 text-ink-muted" /> One question at a time; say several things at once if
                you like.
              </li>
              <li className="flex gap-2">
                <Sparkles aria-hidden className="mt-0.5 size-4 shrink-0 text-ink-muted" /> If you’ve imported your training, I’ll start from what your
                log shows.
              </li>
            </ul>
            <StartInterviewButton start={startInterviewAction} testId="start-interview">
              Start the interview
            </StartInterviewButton>
          </CardContent>
        </Card>
      )}
      <p className="text-xs text-ink-muted">
        Answers are read by {offline ? "the built-in offline coach (pattern rules, nothing leaves this server)" : label}. You can skip anything
        optional and change every choice later.
      </p>
    </div>
  );
}
