import { ChevronLeft, MessageCircle } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { CoachCardView } from "@/components/coach/coach-card-view";
import { DeleteCoachButton, MakePrimaryButton } from "@/components/coach/coach-buttons";
import { CoachEditor } from "@/components/coach/coach-editor";
import { Alert, Badge, Button, Card, CardContent, CardHeader, CardTitle, PageHeader } from "@/components/ui";
import { getDb } from "@/db/client";
import { requireUser } from "@/lib/auth/session";
import { MAX_VOLUME_RAMP_PCT } from "@/lib/coach/card";
import { getCoach, listCoachVersions } from "@/lib/coach/coaches";
import { METHODOLOGIES } from "@/lib/coach/templates/methodologies";
import { PERSONAS } from "@/lib/coach/templates/personas";
import { formatDateTime } from "@/lib/time/format";
import { getViewerPrefs } from "@/lib/workouts/viewer";
import { deleteCoachAction, setPrimaryCoachAction, updateCoachAction } from "@/lib/coach/actions";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> };

const load = cache(async (id: string) => {
  const user = await requireUser();
  return getCoach(getDb(), user.id, id);
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const coach = await load((await params).id);
  return { title: coach ? `Coach ${coach.name}` : "Coach not found" };
}

export default async function CoachDetailPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { created } = await searchParams;
  const user = await requireUser();
  const coach = await load(id);
  if (!coach) notFound();
  const [listed, { timeZone }] = await Promise.all([listCoachVersions(getDb(), user.id, coach.id), getViewerPrefs(getDb(), user.id)]);
  const versions = listed ?? [];

  return (
    <>
      <Link href="/coach" className="mb-3 inline-flex items-center gap-1 text-sm font-medium text-ink-muted hover:text-ink">
        <ChevronLeft aria-hidden className="size-4" /> Coaches
      </Link>
      <PageHeader
        eyebrow={coach.card.persona.label}
        title={<span data-testid="coach-name">{coach.name}</span>}
        description={`${coach.card.methodology.label} · version ${coach.currentVersion}`}
        actions={
          <>
            {coach.isPrimary ? (
              <Badge tone="accent" className="self-center" data-testid="coach-primary">
                Primary — answers in your chat
              </Badge>
            ) : (
              <MakePrimaryButton coachId={coach.id} name={coach.name} action={setPrimaryCoachAction} />
            )}
            <Button asChild variant="secondary">
              <Link href="/chat">
                <MessageCircle aria-hidden /> Chat
              </Link>
            </Button>
            <DeleteCoachButton coachId={coach.id} name={coach.name} action={deleteCoachAction} />
          </>
        }
      />
      {created ? (
        <Alert tone="success" title={`Meet ${coach.name}`} className="mb-6" data-testid="coach-created">
          {coach.isPrimary ? `${coach.name} now answers in your chat.` : `Make ${coach.name} primary to have them answer in your chat.`} Here’s what{" "}
          {coach.name} knows and how they’ll coach you — change anything below.
        </Alert>
      ) : null}

      <CoachCardView card={coach.card} />

      <div className="mt-8 grid gap-5 lg:grid-cols-[2fr_1fr]">
        <Card>
          <CardHeader>
            <CardTitle as="h2">Edit {coach.name}</CardTitle>
          </CardHeader>
          <CardContent>
            <CoachEditor
              key={coach.currentVersion}
              coachId={coach.id}
              card={coach.card}
              maxRamp={MAX_VOLUME_RAMP_PCT[coach.card.athlete.level]}
              personas={Object.values(PERSONAS).map((p) => ({ value: p.id, label: `${p.name} — ${p.label.toLowerCase()}`, traits: p.traits }))}
              methodologies={Object.values(METHODOLOGIES).map((m) => ({ value: m.id, label: m.label, hint: m.suits }))}
              action={updateCoachAction}
            />
          </CardContent>
        </Card>
        <div className="space-y-5">
          <Card>
            <CardHeader>
              <CardTitle as="h2">Versions</CardTitle>
            </CardHeader>
            <CardContent>
              <ol className="space-y-2 text-sm" data-testid="coach-versions">
                {versions.map((v) => (
                  <li key={v.version} className="flex justify-between gap-3">
                    <span>
                      <span className="font-semibold tabular">v{v.version}</span> {v.note}
                      {v.version === coach.currentVersion ? <span className="ml-1 text-ink-muted">(current)</span> : null}
                    </span>
                    <time className="shrink-0 text-ink-muted" dateTime={v.createdAt.toISOString()}>
                      {formatDateTime(v.createdAt, timeZone)}
                    </time>
                  </li>
                ))}
              </ol>
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle as="h2">What the model reads</CardTitle>
            </CardHeader>
            <CardContent>
              <details className="text-sm text-ink-soft">
                <summary className="cursor-pointer font-medium text-ink">Generated prompts</summary>
                <dl className="mt-3 space-y-3">
                  {Object.entries(coach.card.prompts).map(([k, v]) => (
                    <div key={k}>
                      <dt className="text-xs font-semibold tracking-wide text-ink-muted uppercase">{k}</dt>
                      <dd className="mt-0.5 whitespace-pre-wrap">{v}</dd>
                    </div>
                  ))}
                </dl>
              </details>
            </CardContent>
          </Card>
        </div>
      </div>
    </>
  );
}
