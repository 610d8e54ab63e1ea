"use client";

import { Check, Dumbbell, Plus, Trash2, X } from "lucide-react";
import Link from "next/link";
import * as React from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { DraftStatusPayload } from "@/lib/chat/types";
import type { WorkoutDraft } from "@/lib/workout-text/types";
import { isYmd } from "@/lib/time/calendar";
import { addSet, removeSet, rowToRecord, updateBlock, updateSet } from "@/lib/workouts/form-model";
import { newKey, setToFormRow, type ExerciseFormBlock, type SetFormRow } from "@/lib/workouts/form-values";
import { EXERCISE_NAME_MAX, exerciseNameTooLong } from "@/lib/workouts/limits";
import { SetTypeSelect } from "@/components/workouts/set-type-select";
import { DraftWarnings, NothingLogged } from "./draft-warnings";
import { confirmWorkoutDraftAction, discardWorkoutDraftAction } from "@/lib/chat/actions";

/** The card edits the session form's model (lib/workouts/form-model): blocks of set rows as typed. */
type DraftBlock = ExerciseFormBlock & { input: string; cardio?: boolean };
interface EditWorkout {
  key: string;
  /** The calendar date; on confirm the server keeps the start's time of day on this date (DST-safe). */
  date: string;
  name: string;
  exercises: DraftBlock[];
}

function toEdit(draft: WorkoutDraft): EditWorkout[] {
  return draft.workouts.map((w) => ({
    key: newKey(),
    date: w.date,
    name: w.name,
    exercises: w.exercises.map((e) => ({
      key: newKey(),
      exerciseName: e.name,
      input: e.input,
      cardio: e.cardio,
      sets: e.sets.map((s) => setToFormRow(s, draft.unit)),
    })),
  }));
}

/** The edited form → a draft; returns an error message instead when a field is not valid. */
function fromEdit(workouts: EditWorkout[], base: WorkoutDraft): WorkoutDraft | string {
  const out: WorkoutDraft = { ...base, workouts: [] };
  for (const [wi, w] of workouts.entries()) {
    if (!isYmd(w.date)) return "Pick a date for the workout.";
    const exercises = [];
    for (const e of w.exercises) {
      const name = e.exerciseName.trim();
      if (!name) return "Every exercise needs a name.";
      if (name.length > EXERCISE_NAME_MAX) return exerciseNameTooLong(name.length);
      const sets = [];
      for (const [si, s] of e.sets.entries()) {
        // The session form's own validation and conversion, so both say the same.
        const row = rowToRecord(s, base.unit);
        if (!row.ok) return `${name}, set ${si + 1}: ${row.error}.`;
        const { notes: _notes, ...measures } = row.set;
        sets.push(measures);
      }
      if (sets.length) exercises.push({ input: e.input || name, name, ...(e.cardio ? { cardio: true } : {}), sets });
    }
    if (!exercises.length) return "Keep at least one set to save.";
    const original = base.workouts[wi];
    out.workouts.push({ ...original, date: w.date, name: w.name.trim() || original.name, exercises });
  }
  return out;
}

export function WorkoutDraftCard({
  messageId,
  toolCallId,
  draft,
  status: initialStatus,
  disabled,
}: {
  messageId: string;
  toolCallId: string;
  draft: WorkoutDraft;
  status?: DraftStatusPayload;
  /** While the reply is still streaming the message is not stored yet. */
  disabled?: boolean;
}) {
  const [workouts, setWorkouts] = React.useState(() => toEdit(draft));
  const [status, setStatus] = React.useState<DraftStatusPayload | undefined>(initialStatus);
  const [error, setError] = React.useState<string | null>(null);
  const [pending, startTransition] = React.useTransition();
  const unit = draft.unit;
  const idBase = React.useId();

  // A new status from the server (e.g. after a reload of the message) replaces the local one; adjusting
  // state while rendering avoids an extra render with the stale status (react.dev: "you might not need an effect").
  const [seenStatus, setSeenStatus] = React.useState(initialStatus);
  if (initialStatus !== seenStatus) {
    setSeenStatus(initialStatus);
    setStatus(initialStatus);
  }

  if (!draft.workouts.length) {
    return <NothingLogged reason="I could not find sets to log in that message. Try “bench 3x8 at 60kg”." warnings={draft.warnings} />;
  }

  const setWorkout = (wi: number, patch: Partial<Omit<EditWorkout, "exercises">>) =>
    setWorkouts((prev) => prev.map((w, i) => (i === wi ? { ...w, ...patch } : w)));
  /** Applies a form-model operation to one workout's blocks. */
  const editBlocks = (wi: number, fn: (blocks: DraftBlock[]) => ExerciseFormBlock[]) =>
    setWorkouts((prev) => prev.map((w, i) => (i === wi ? { ...w, exercises: fn(w.exercises) as DraftBlock[] } : w)));
  const setRow = (wi: number, ei: number, si: number, patch: Partial<SetFormRow>) => editBlocks(wi, (b) => updateSet(b, ei, si, patch));

  const confirm = () => {
    const built = fromEdit(workouts, draft);
    if (typeof built === "string") {
      setError(built);
      return;
    }
    setError(null);
    startTransition(async () => {
      const res = await confirmWorkoutDraftAction({ messageId, toolCallId, draft: built });
      if (res.ok) setStatus(res.data);
      else setError(res.error);
    });
  };

  const discard = () => {
    setError(null);
    startTransition(async () => {
      const res = await discardWorkoutDraftAction({ messageId, toolCallId });
      if (res.ok) setStatus(res.data);
      else setError(res.error);
    });
  };

  if (status?.status === "saved") {
    const deleted = new Set(status.deletedSessionIds ?? []);
    const remaining = (status.sessionIds ?? []).filter((id) => !deleted.has(id));
    const allDeleted = deleted.size > 0 && remaining.length === 0;
    const sessionHref = remaining.length === 1 ? `/workouts/${remaining[0]}` : "/workouts";
    if (allDeleted) {
      return (
        <p
          className="my-3 rounded-card border border-dashed border-line-strong px-4 py-3 text-sm text-ink-muted"
          role="status"
          data-testid="draft-deleted"
        >
          Saved — {status.sets ?? 0} {status.sets === 1 ? "set" : "sets"} logged, then deleted from Workouts.
        </p>
      );
    }
    return (
      <div
        className="my-3 flex flex-wrap items-center gap-2 rounded-card border border-success/25 bg-success-soft px-4 py-3 text-sm"
        role="status"
        data-testid="draft-saved"
      >
        <Check aria-hidden className="size-4 text-success" />
        <span className="font-medium text-ink">
          Saved — {status.sets ?? 0} {status.sets === 1 ? "set" : "sets"} logged.
          {deleted.size ? ` ${deleted.size} of the ${status.sessionIds?.length} workouts ${deleted.size === 1 ? "was" : "were"} deleted since.` : ""}
        </span>
        <Link href={sessionHref} className="font-semibold text-accent-text underline underline-offset-2">
          View in Workouts
        </Link>
      </div>
    );
  }
  if (status?.status === "discarded") {
    return (
      <p className="my-3 rounded-card border border-dashed border-line-strong px-4 py-3 text-sm text-ink-muted" data-testid="draft-discarded">
        Draft discarded — nothing was logged.
      </p>
    );
  }

  const locked = disabled || pending;
  return (
    <section className="my-3 rounded-card border border-line bg-surface shadow-card" aria-label="Workout to confirm" data-testid="workout-draft-card">
      <header className="flex items-center gap-2 border-b border-line px-4 py-3">
        <Dumbbell aria-hidden className="size-4 text-accent-text" />
        <h3 className="text-sm font-semibold text-ink">Check before I log it</h3>
        <Badge tone="neutral" className="ml-auto">
          Not saved yet
        </Badge>
      </header>
      <div className="space-y-5 px-4 py-4">
        {workouts.map((w, wi) => (
          <div key={w.key} className="space-y-3">
            <div className="grid grid-cols-1 gap-2 sm:grid-cols-[10rem_1fr]">
              <div>
                <label htmlFor={`${idBase}-d${wi}`} className="mb-1 block text-xs font-medium text-ink-muted">
                  Date
                </label>
                <Input
                  id={`${idBase}-d${wi}`}
                  type="date"
                  value={w.date}
                  disabled={locked}
                  onChange={(e) => setWorkout(wi, { date: e.target.value })}
                />
              </div>
              <div>
                <label htmlFor={`${idBase}-n${wi}`} className="mb-1 block text-xs font-medium text-ink-muted">
                  Workout name
                </label>
                <Input
                  id={`${idBase}-n${wi}`}
                  value={w.name}
                  maxLength={200}
                  disabled={locked}
                  onChange={(e) => setWorkout(wi, { name: e.target.value })}
                />
              </div>
            </div>
            {w.exercises.map((ex, ei) => (
              <fieldset key={ex.key} className="rounded-xl border border-line p-3">
                <legend className="sr-only">Exercise {ei + 1}</legend>
                <label htmlFor={`${idBase}-e${wi}-${ei}`} className="mb-1 block text-xs font-medium text-ink-muted">
                  Exercise
                </label>
                <Input
                  id={`${idBase}-e${wi}-${ei}`}
                  value={ex.exerciseName}
                  disabled={locked}
                  onChange={(e) => editBlocks(wi, (b) => updateBlock(b, ei, (x) => ({ ...x, exerciseName: e.target.value })))}
                />
                <div className="mt-3 space-y-2">
                  <div className="hidden grid-cols-[2rem_1fr_1fr_1fr_1.2fr_2.5rem] gap-2 text-xs font-medium text-ink-muted sm:grid">
                    <span>Set</span>
                    <span>Weight ({unit})</span>
                    <span>Reps</span>
                    <span>RPE</span>
                    <span>Type</span>
                    <span className="sr-only">Remove</span>
                  </div>
                  {ex.sets.map((s, si) => {
                    const label = `${ex.exerciseName || "Exercise"} set ${si + 1}`;
                    return (
                      <div
                        key={s.key}
                        className="grid grid-cols-[2rem_1fr_1fr_1fr_2.5rem] items-center gap-2 sm:grid-cols-[2rem_1fr_1fr_1fr_1.2fr_2.5rem]"
                        data-testid="draft-set"
                      >
                        <span className="tabular text-sm font-semibold text-ink-muted">{si + 1}</span>
                        <Input
                          aria-label={`${label} weight in ${unit}`}
                          inputMode="decimal"
                          placeholder={unit}
                          value={s.weight}
                          disabled={locked}
                          onChange={(e) => setRow(wi, ei, si, { weight: e.target.value })}
                        />
                        <Input
                          aria-label={`${label} reps`}
                          inputMode="numeric"
                          placeholder="reps"
                          value={s.reps}
                          disabled={locked}
                          onChange={(e) => setRow(wi, ei, si, { reps: e.target.value })}
                        />
                        <Input
                          aria-label={`${label} RPE`}
                          inputMode="decimal"
                          placeholder="RPE"
                          value={s.rpe}
                          disabled={locked}
                          onChange={(e) => setRow(wi, ei, si, { rpe: e.target.value })}
                        />
                        <div className="order-1 col-span-3 col-start-2 sm:order-none sm:col-span-1 sm:col-start-auto">
                          <SetTypeSelect
                            aria-label={`${label} type`}
                            value={s.setType}
                            disabled={locked}
                            onChange={(t) => setRow(wi, ei, si, { setType: t })}
                          />
                        </div>
                        <Button
                          variant="ghost"
                          size="icon"
                          aria-label={`Remove ${label}`}
                          disabled={locked || (ex.sets.length === 1 && w.exercises.length === 1)}
                          onClick={() => editBlocks(wi, (b) => removeSet(b, ei, si))}
                        >
                          <Trash2 aria-hidden />
                        </Button>
                      </div>
                    );
                  })}
                  <Button variant="ghost" size="sm" disabled={locked} onClick={() => editBlocks(wi, (b) => addSet(b, ei).blocks)}>
                    <Plus aria-hidden />
                    Add set
                  </Button>
                </div>
              </fieldset>
            ))}
          </div>
        ))}
        <DraftWarnings warnings={draft.warnings} />
        {error ? (
          <Alert tone="danger" title="Not saved">
            {error}
          </Alert>
        ) : null}
      </div>
      <footer className="flex flex-col-reverse gap-2 border-t border-line px-4 py-3 sm:flex-row sm:justify-end">
        <Button variant="ghost" onClick={discard} disabled={locked}>
          <X aria-hidden />
          Discard
        </Button>
        <Button variant="accent" onClick={confirm} loading={pending} disabled={locked}>
          <Check aria-hidden />
          Confirm and log
        </Button>
      </footer>
    </section>
  );
}
