import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { PageHeader } from "@/components/ui";
import { SessionForm } from "@/components/workouts/session-form";
import { requireUser } from "@/lib/auth/session";
import { sessionToFormState } from "@/lib/workouts/form-values";
import { getSessionDetail, listExerciseOptions } from "@/lib/workouts/queries";
import { previousPerformances } from "@/lib/workouts/previous";
import { getViewerPrefs } from "@/lib/workouts/viewer";
import { updateWorkoutAction } from "@/lib/workouts/actions";

export const metadata: Metadata = { title: "Edit workout" };

export default async function EditWorkoutPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser();
  const db = getDb();
  const session = await getSessionDetail(db, user.id, id);
  if (!session) notFound();
  const [prefs, options] = await Promise.all([getViewerPrefs(db, user.id), listExerciseOptions(db, user.id)]);
  const previous = await previousPerformances(db, user.id, {
    unit: prefs.unit,
    timeZone: prefs.timeZone,
    before: session.startedAt,
    excludeSessionId: session.id,
  });
  return (
    <>
      <PageHeader eyebrow="Training log" title={`Edit “${session.name}”`} />
      <SessionForm
        mode="edit"
        sessionId={session.id}
        initial={sessionToFormState(session, prefs.unit, prefs.timeZone)}
        unit={prefs.unit}
        timeZone={prefs.timeZone}
        exerciseNames={options.map((o) => o.name)}
        previous={previous}
        action={updateWorkoutAction}
      />
    </>
  );
}
