import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { PageHeader } from "@/components/ui";
import { SessionForm } from "@/components/workouts/session-form";
import { requireUser } from "@/lib/auth/session";
import { newSessionFormState } from "@/lib/workouts/form-values";
import { listExerciseOptions } from "@/lib/workouts/queries";
import { previousPerformances } from "@/lib/workouts/previous";
import { getViewerPrefs } from "@/lib/workouts/viewer";
import { createWorkoutAction } from "@/lib/workouts/actions";

export const metadata: Metadata = { title: "Add workout" };

export default async function NewWorkoutPage() {
  const user = await requireUser();
  const db = getDb();
  const [prefs, options] = await Promise.all([getViewerPrefs(db, user.id), listExerciseOptions(db, user.id)]);
  const previous = await previousPerformances(db, user.id, { unit: prefs.unit, timeZone: prefs.timeZone });
  return (
    <>
      <PageHeader eyebrow="Training log" title="Add workout" description="Log a session by hand. Pick exercises from the catalog or type your own." />
      <SessionForm
        mode="create"
        initial={newSessionFormState(new Date(), prefs.timeZone)}
        unit={prefs.unit}
        timeZone={prefs.timeZone}
        exerciseNames={options.map((o) => o.name)}
        previous={previous}
        action={createWorkoutAction}
      />
    </>
  );
}
