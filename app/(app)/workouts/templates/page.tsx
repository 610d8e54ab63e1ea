import { LayoutTemplate } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { Button, EmptyState, PageHeader } from "@/components/ui";
import { TemplateEditor } from "@/components/live/template-editor";
import { requireUser } from "@/lib/auth/session";
import { deleteTemplateAction, updateTemplateAction } from "@/lib/live/actions";
import { listTemplates } from "@/lib/live/templates";
import { listExerciseOptions } from "@/lib/workouts/queries";
import { getViewerPrefs } from "@/lib/workouts/viewer";

export const metadata: Metadata = { title: "Templates" };

export default async function TemplatesPage() {
  const user = await requireUser();
  const db = getDb();
  const [templates, prefs, options] = await Promise.all([listTemplates(db, user.id), getViewerPrefs(db, user.id), listExerciseOptions(db, user.id)]);
  return (
    <>
      <PageHeader
        eyebrow="Training log"
        title="Templates"
        description="Workouts to start live. Create one from any session with “Save as template”, then edit it here."
        actions={
          <Button asChild>
            <Link href="/workouts/live">Live workout</Link>
          </Button>
        }
      />
      {templates.length === 0 ? (
        <EmptyState
          icon={<LayoutTemplate />}
          title="No templates yet"
          description="Open any workout and choose “Save as template”."
          action={
            <Button asChild variant="secondary">
              <Link href="/workouts">Your workouts</Link>
            </Button>
          }
        />
      ) : (
        <div className="space-y-4">
          {templates.map((t) => (
            <TemplateEditor
              key={`${t.id}-${t.updatedAt}`}
              template={t}
              unit={prefs.unit}
              options={options}
              update={updateTemplateAction}
              remove={deleteTemplateAction}
            />
          ))}
        </div>
      )}
    </>
  );
}
