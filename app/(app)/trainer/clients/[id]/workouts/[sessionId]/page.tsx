import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { Alert, Card, CardContent, CardHeader, CardTitle, PageHeader } from "@/components/ui";
import { requireUser } from "@/lib/auth/session";
import { isUserError, NotFoundError } from "@/lib/errors/user-error";
import { formatSessionDate } from "@/lib/time/format";
import { sendTrainerMessageAction } from "@/lib/trainer/actions";
import { loadClientHeader, loadClientSession } from "@/lib/trainer/client-view";
import { trainerThread } from "@/lib/trainer/messages";
import { Thread } from "@/components/trainer/thread";
import { formatVolume, formatWeight } from "@/lib/units";

export const metadata: Metadata = { title: "Athlete workout" };

export default async function ClientWorkoutPage({ params }: { params: Promise<{ id: string; sessionId: string }> }) {
  const user = await requireUser();
  const { id, sessionId } = await params;
  const db = getDb();
  let header, session, comments;
  try {
    header = await loadClientHeader(db, user.id, id);
    session = await loadClientSession(db, user.id, header.access.clientUserId, sessionId);
    comments = await trainerThread(db, user.id, header.access.clientUserId, { sessionId: session.id });
  } catch (e) {
    if (e instanceof NotFoundError) notFound();
    if (isUserError(e)) return <Alert tone="warning">{e.message}</Alert>;
    throw e;
  }
  const { unit, timeZone: timezone } = header.prefs;
  return (
    <>
      <PageHeader
        eyebrow={<Link href={`/trainer/clients/${header.access.clientUserId}`}>{header.name}</Link>}
        title={session.name}
        description={`${formatSessionDate(session.startedAt, timezone)} · ${session.setCount} sets · ${formatVolume(session.volumeKg, unit)}`}
      />
      {session.notes ? <p className="mb-6 text-sm whitespace-pre-wrap">{session.notes}</p> : null}
      <div className="space-y-4">
        {session.exercises.map((g) => (
          <Card key={g.exerciseId}>
            <CardHeader>
              <CardTitle>{g.exerciseName}</CardTitle>
            </CardHeader>
            <CardContent>
              <ol className="space-y-1 text-sm">
                {g.sets.map((s) => (
                  <li key={s.id}>
                    {s.setNumber}. {s.weightKg !== null ? formatWeight(s.weightKg, unit) : ""} {s.reps !== null ? `× ${s.reps}` : ""}
                    {s.rpe !== null ? ` @RPE ${s.rpe}` : ""} {s.setType !== "normal" ? `(${s.setType})` : ""}
                  </li>
                ))}
              </ol>
            </CardContent>
          </Card>
        ))}
      </div>
      <Card className="mt-6">
        <CardHeader>
          <CardTitle>Comments</CardTitle>
        </CardHeader>
        <CardContent>
          <Thread
            messages={comments}
            otherName={header.name}
            timeZone={timezone}
            send={header.access.mode === "full" ? sendTrainerMessageAction : undefined}
            hidden={{ clientId: header.access.clientUserId, sessionId: session.id }}
            testId="workout-comments"
          />
        </CardContent>
      </Card>
    </>
  );
}
