import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { ActionForm } from "@/components/trainer/action-form";
import { Card, CardContent, CardDescription, CardHeader, CardTitle, Input, Label, PageHeader, Textarea } from "@/components/ui";
import { requireUser } from "@/lib/auth/session";
import { deleteProgrammeAction, draftProgrammeAction, saveProgrammeAction } from "@/lib/trainer/actions";
import { programmeToText } from "@/lib/trainer/programme-schema";
import { listProgrammes } from "@/lib/trainer/programmes";

export const metadata: Metadata = { title: "Programmes" };

const EXAMPLE =
  "Day A: Back squat 5x5 @75%, Bench press 5x5 @75%, Barbell row 3x8 @RPE 8\nDay B: Deadlift 3x5 @80%, Overhead press 5x5 @70%, Pull-up 3x8";

function ProgrammeForm({ id, name, weeks, text }: { id?: string; name?: string; weeks?: number; text?: string }) {
  const key = id ?? "new";
  return (
    <ActionForm
      action={saveProgrammeAction}
      hidden={id ? { id } : undefined}
      submit={id ? "Save changes" : "Create programme"}
      testId={`programme-form-${key}`}
    >
      <div className="grid gap-3 sm:grid-cols-[1fr_8rem]">
        <div className="space-y-1.5">
          <Label htmlFor={`p-name-${key}`}>Name</Label>
          <Input id={`p-name-${key}`} name="name" required maxLength={120} defaultValue={name} />
        </div>
        <div className="space-y-1.5">
          <Label htmlFor={`p-weeks-${key}`}>Weeks</Label>
          <Input id={`p-weeks-${key}`} name="weeks" type="number" min={1} max={24} defaultValue={weeks ?? 4} />
        </div>
      </div>
      <div className="space-y-1.5">
        <Label htmlFor={`p-text-${key}`}>Days (one per line)</Label>
        <Textarea id={`p-text-${key}`} name="text" rows={6} required defaultValue={text} placeholder={EXAMPLE} className="font-mono text-sm" />
        <p className="text-xs text-ink-muted">
          &quot;Day name: exercise sets x reps @% of e1RM or @RPE, …&quot;. Lines &quot;Week 2&quot;, &quot;Week 3&quot;… start a new week; without
          them the days repeat every week.
        </p>
      </div>
    </ActionForm>
  );
}

export default async function ProgrammesPage() {
  const user = await requireUser();
  const programmes = await listProgrammes(getDb(), user.id);
  return (
    <>
      <PageHeader
        eyebrow="Trainer"
        title="Programmes"
        description="Templates you assign to athletes. Assigning copies the programme onto the athlete."
      />
      <div className="space-y-6">
        <Card>
          <CardHeader>
            <CardTitle>Draft with your coach</CardTitle>
            <CardDescription>
              Your coach drafts a programme from its methodology, days per week and main lifts (built-in rules, no model needed). Edit it below before
              assigning.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <ActionForm
              action={draftProgrammeAction}
              submit="Draft a programme"
              variant="secondary"
              className="flex flex-wrap items-end gap-3"
              testId="draft-form"
            >
              <div className="space-y-1.5">
                <Label htmlFor="draft-weeks">Weeks</Label>
                <Input id="draft-weeks" name="weeks" type="number" min={1} max={24} defaultValue={4} className="w-24" />
              </div>
            </ActionForm>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>New programme</CardTitle>
          </CardHeader>
          <CardContent>
            <ProgrammeForm />
          </CardContent>
        </Card>
        {programmes.map((p) => (
          <Card key={p.id} data-testid="programme">
            <CardHeader>
              <CardTitle>{p.name}</CardTitle>
              <CardDescription>
                {p.weeks} weeks × {p.daysPerWeek} days{p.origin === "coach" ? " · drafted by your coach" : ""}
              </CardDescription>
            </CardHeader>
            <CardContent className="space-y-3">
              <ProgrammeForm id={p.id} name={p.name} weeks={p.weeks} text={programmeToText(p.body)} />
              <ActionForm action={deleteProgrammeAction} hidden={{ id: p.id }} submit="Delete" variant="ghost" />
            </CardContent>
          </Card>
        ))}
      </div>
    </>
  );
}
