"use client";

import { ArrowDown, ArrowUp, Plus, Trash2, X } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useId, useMemo, useRef, useState, useTransition } from "react";
import { toast } from "sonner";
import { Alert, Button, Card, CardContent, FieldError, FieldHint, Input, Label, Select, Textarea } from "@/components/ui";
import type { ActionResult } from "@/lib/actions/safe-action";
import type { Unit } from "@/lib/units";
import { SET_TYPE_LABELS, SET_TYPES, type SetType } from "@/lib/workouts/constants";
import {
  emptyBlock,
  emptySet,
  formStateToInput,
  type ExerciseFormBlock,
  type SessionFormState,
  type SetFormRow,
} from "@/lib/workouts/form-values";
import { issuesToFieldErrors, sessionInputSchema } from "@/lib/workouts/schemas";

type Result = ActionResult<{ id: string }>;
export type SessionFormPayload = ReturnType<typeof formStateToInput>;

interface CommonProps {
  initial: SessionFormState;
  unit: Unit;
  timezone: string;
  exerciseNames: string[];
}
export type SessionFormProps = CommonProps &
  (
    | { mode: "create"; action: (input: SessionFormPayload) => Promise<Result> }
    | { mode: "edit"; sessionId: string; action: (input: SessionFormPayload & { id: string }) => Promise<Result> }
  );

export function SessionForm(props: SessionFormProps) {
  const { mode, initial, unit, timezone, exerciseNames } = props;
  const router = useRouter();
  const [state, setState] = useState<SessionFormState>(initial);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const formRef = useRef<HTMLFormElement>(null);
  const uid = useId();
  const listId = `${uid}-exercises`;
  const known = useMemo(() => new Set(exerciseNames.map((n) => n.toLowerCase())), [exerciseNames]);

  // Warn before a reload or tab close throws away typed sets.
  const dirty = useRef(false);
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (dirty.current) e.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, []);

  const err = (path: string) => errors[path];
  const update = (fn: (s: SessionFormState) => SessionFormState) => {
    dirty.current = true;
    setState((s) => fn(s));
  };
  const updateBlock = (bi: number, fn: (b: ExerciseFormBlock) => ExerciseFormBlock) =>
    update((s) => ({ ...s, exercises: s.exercises.map((b, i) => (i === bi ? fn(b) : b)) }));
  const updateSet = (bi: number, si: number, patch: Partial<SetFormRow>) =>
    updateBlock(bi, (b) => ({ ...b, sets: b.sets.map((set, j) => (j === si ? { ...set, ...patch } : set)) }));

  /** Focus after React has rendered the new row. */
  const focusLater = (selector: string) => requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>(selector)?.focus());

  const addSet = (bi: number) => {
    const block = state.exercises[bi];
    const fresh = emptySet(block.sets[block.sets.length - 1]);
    updateBlock(bi, (b) => ({ ...b, sets: [...b.sets, fresh] }));
    focusLater(`[data-set-key="${fresh.key}"] input[data-field="weight"]`);
  };
  const removeSet = (bi: number, si: number) => updateBlock(bi, (b) => ({ ...b, sets: b.sets.filter((_, j) => j !== si) }));
  const addBlock = () => {
    const block = emptyBlock();
    update((s) => ({ ...s, exercises: [...s.exercises, block] }));
    focusLater(`[data-block-key="${block.key}"] input[data-field="exercise"]`);
  };
  const removeBlock = (bi: number) => update((s) => ({ ...s, exercises: s.exercises.filter((_, i) => i !== bi) }));
  const moveBlock = (bi: number, dir: -1 | 1) =>
    update((s) => {
      const to = bi + dir;
      if (to < 0 || to >= s.exercises.length) return s;
      const next = [...s.exercises];
      [next[bi], next[to]] = [next[to], next[bi]];
      return { ...s, exercises: next };
    });

  /** Enter in a set row moves to the next set (adding one after the last) instead of submitting. */
  const onSetKeyDown = (bi: number, si: number) => (e: React.KeyboardEvent<HTMLElement>) => {
    if (e.key !== "Enter" || e.shiftKey || e.metaKey || e.ctrlKey || (e.target as HTMLElement).tagName === "SELECT") return;
    e.preventDefault();
    const block = state.exercises[bi];
    if (si === block.sets.length - 1) addSet(bi);
    else focusLater(`[data-set-key="${block.sets[si + 1].key}"] input[data-field="weight"]`);
  };

  const onSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    setFormError(null);
    const payload = formStateToInput(state, unit);
    const parsed = sessionInputSchema.safeParse(payload);
    if (!parsed.success) {
      setErrors(issuesToFieldErrors(parsed.error.issues));
      setFormError("Some fields need attention — they are marked below.");
      focusLater('[aria-invalid="true"]');
      return;
    }
    setErrors({});
    startTransition(async () => {
      let result: Result;
      try {
        result = props.mode === "edit" ? await props.action({ ...payload, id: props.sessionId }) : await props.action(payload);
      } catch {
        result = { ok: false, error: "Could not reach the server. Your changes are still here — try again." };
      }
      if (!result.ok) {
        setErrors(result.fieldErrors ?? {});
        setFormError(result.error);
        return;
      }
      dirty.current = false;
      toast.success(mode === "edit" ? "Workout saved" : "Workout added");
      router.push(`/workouts/${result.data.id}`);
      router.refresh();
    });
  };

  const blockErr = err("exercises");

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-6" aria-busy={pending}>
      {formError ? (
        <Alert tone="danger" title={mode === "edit" ? "Not saved" : "Not added"}>
          {formError}
        </Alert>
      ) : null}

      <Card>
        <CardContent className="grid gap-4 sm:grid-cols-2">
          <div className="sm:col-span-2">
            <Label htmlFor={`${uid}-name`}>Name</Label>
            <Input
              id={`${uid}-name`}
              value={state.name}
              onChange={(e) => update((s) => ({ ...s, name: e.target.value }))}
              placeholder="Upper body A"
              maxLength={200}
              aria-invalid={!!err("name")}
              aria-describedby={`${uid}-name-err`}
              autoFocus={mode === "create"}
            />
            <FieldError id={`${uid}-name-err`} error={err("name")} />
          </div>
          <div>
            <Label htmlFor={`${uid}-start`}>Started</Label>
            <Input
              id={`${uid}-start`}
              type="datetime-local"
              value={state.startedAt}
              onChange={(e) => update((s) => ({ ...s, startedAt: e.target.value }))}
              aria-invalid={!!err("startedAt")}
              aria-describedby={`${uid}-start-hint ${uid}-start-err`}
            />
            <FieldHint id={`${uid}-start-hint`}>Time zone: {timezone}</FieldHint>
            <FieldError id={`${uid}-start-err`} error={err("startedAt")} />
          </div>
          <div>
            <Label htmlFor={`${uid}-dur`} optional>
              Duration (minutes)
            </Label>
            <Input
              id={`${uid}-dur`}
              inputMode="numeric"
              value={state.durationMin}
              onChange={(e) => update((s) => ({ ...s, durationMin: e.target.value }))}
              placeholder="60"
              aria-invalid={!!err("durationMin")}
              aria-describedby={`${uid}-dur-err`}
            />
            <FieldError id={`${uid}-dur-err`} error={err("durationMin")} />
          </div>
          <div className="sm:col-span-2">
            <Label htmlFor={`${uid}-notes`} optional>
              Notes
            </Label>
            <Textarea
              id={`${uid}-notes`}
              rows={2}
              value={state.notes}
              onChange={(e) => update((s) => ({ ...s, notes: e.target.value }))}
              aria-invalid={!!err("notes")}
              aria-describedby={`${uid}-notes-err`}
            />
            <FieldError id={`${uid}-notes-err`} error={err("notes")} />
          </div>
        </CardContent>
      </Card>

      <datalist id={listId}>
        {exerciseNames.map((n) => (
          <option key={n} value={n} />
        ))}
      </datalist>

      <section aria-labelledby={`${uid}-ex-title`} className="space-y-4">
        <div className="flex items-baseline justify-between gap-3">
          <h2 id={`${uid}-ex-title`} className="text-lg font-semibold tracking-tight">
            Exercises
          </h2>
          <p className="hidden text-sm text-ink-muted sm:block">Enter in a set moves to the next set · weights in {unit}</p>
        </div>
        <FieldError error={blockErr} />

        {state.exercises.map((block, bi) => {
          const p = `exercises.${bi}`;
          const name = block.exerciseName.trim();
          const isNew = name.length > 0 && !known.has(name.toLowerCase());
          return (
            <Card key={block.key} data-block-key={block.key} className="overflow-hidden">
              <CardContent className="space-y-4">
                <div>
                  <div className="mb-1.5 flex items-center justify-between gap-2">
                    <Label htmlFor={`${uid}-ex-${block.key}`} className="mb-0">
                      Exercise {bi + 1}
                    </Label>
                    <div className="flex gap-1">
                      <Button variant="ghost" size="icon" className="size-8" aria-label={`Move exercise ${bi + 1} up`} disabled={bi === 0} onClick={() => moveBlock(bi, -1)}>
                        <ArrowUp aria-hidden />
                      </Button>
                      <Button
                        variant="ghost"
                        size="icon"
                        className="size-8"
                        aria-label={`Move exercise ${bi + 1} down`}
                        disabled={bi === state.exercises.length - 1}
                        onClick={() => moveBlock(bi, 1)}
                      >
                        <ArrowDown aria-hidden />
                      </Button>
                      <Button variant="ghost" size="icon" className="size-8" aria-label={`Remove exercise ${bi + 1}`} onClick={() => removeBlock(bi)}>
                        <Trash2 aria-hidden />
                      </Button>
                    </div>
                  </div>
                  <Input
                  id={`${uid}-ex-${block.key}`}
                  data-field="exercise"
                  list={listId}
                  value={block.exerciseName}
                  onChange={(e) => updateBlock(bi, (b) => ({ ...b, exerciseName: e.target.value }))}
                  onKeyDown={(e) => {
                    if (e.key !== "Enter" || e.nativeEvent.isComposing || !block.sets[0]) return;
                    e.preventDefault();
                    focusLater(`[data-set-key="${block.sets[0].key}"] input[data-field="weight"]`);
                  }}
                  placeholder="Search the catalog, e.g. Bench Press"
                  autoComplete="off"
                  maxLength={120}
                  aria-invalid={!!err(`${p}.exerciseName`)}
                  aria-describedby={`${uid}-ex-${block.key}-msg`}
                />
                </div>
                <div id={`${uid}-ex-${block.key}-msg`}>
                  <FieldError error={err(`${p}.exerciseName`)} className="mt-0" />
                  {isNew && !err(`${p}.exerciseName`) ? (
                    <FieldHint className="mt-0">Not in the catalog — it will be saved as your own exercise.</FieldHint>
                  ) : null}
                </div>

                <div role="group" aria-label={`Sets for exercise ${bi + 1}`} className="space-y-2">
                  <div className="hidden grid-cols-[2rem_8.5rem_1fr_1fr_1fr_2fr_2.5rem] gap-2 px-1 text-xs font-semibold tracking-wide text-ink-muted uppercase sm:grid">
                    <span>Set</span>
                    <span>Type</span>
                    <span>Weight ({unit})</span>
                    <span>Reps</span>
                    <span>RPE</span>
                    <span>Notes</span>
                    <span className="sr-only">Remove</span>
                  </div>
                  {block.sets.map((set, si) => {
                    const sp = `${p}.sets.${si}`;
                    const id = (f: string) => `${uid}-${set.key}-${f}`;
                    const setErrors = ["setType", "weight", "reps", "rpe", "notes"].flatMap((f) => err(`${sp}.${f}`) ?? []);
                    return (
                      <div key={set.key} data-set-key={set.key} onKeyDown={onSetKeyDown(bi, si)}>
                        <div className="grid grid-cols-[1.5rem_1fr_1fr_1fr_2.5rem] items-center gap-2 sm:grid-cols-[2rem_8.5rem_1fr_1fr_1fr_2fr_2.5rem]">
                          <span className="order-1 text-center text-sm font-semibold text-ink-muted tabular sm:order-none" aria-hidden>
                            {si + 1}
                          </span>
                          <div className="order-6 col-span-2 col-start-2 sm:order-none sm:col-span-1 sm:col-start-auto">
                            <label htmlFor={id("type")} className="sr-only">
                              Set {si + 1} type
                            </label>
                            <Select id={id("type")} value={set.setType} onChange={(e) => updateSet(bi, si, { setType: e.target.value as SetType })}>
                              {SET_TYPES.map((t) => (
                                <option key={t} value={t}>
                                  {SET_TYPE_LABELS[t]}
                                </option>
                              ))}
                            </Select>
                          </div>
                          <div className="order-2 sm:order-none">
                            <label htmlFor={id("weight")} className="sr-only">
                              Set {si + 1} weight in {unit}
                            </label>
                            <Input
                              id={id("weight")}
                              data-field="weight"
                              inputMode="decimal"
                              placeholder={unit}
                              value={set.weight}
                              onChange={(e) => updateSet(bi, si, { weight: e.target.value })}
                              aria-invalid={!!err(`${sp}.weight`)}
                              aria-describedby={id("err")}
                            />
                          </div>
                          <div className="order-3 sm:order-none">
                            <label htmlFor={id("reps")} className="sr-only">
                              Set {si + 1} reps
                            </label>
                            <Input
                              id={id("reps")}
                              inputMode="numeric"
                              placeholder="reps"
                              value={set.reps}
                              onChange={(e) => updateSet(bi, si, { reps: e.target.value })}
                              aria-invalid={!!err(`${sp}.reps`)}
                              aria-describedby={id("err")}
                            />
                          </div>
                          <div className="order-4 sm:order-none">
                            <label htmlFor={id("rpe")} className="sr-only">
                              Set {si + 1} RPE
                            </label>
                            <Input
                              id={id("rpe")}
                              inputMode="decimal"
                              placeholder="RPE"
                              value={set.rpe}
                              onChange={(e) => updateSet(bi, si, { rpe: e.target.value })}
                              aria-invalid={!!err(`${sp}.rpe`)}
                              aria-describedby={id("err")}
                            />
                          </div>
                          <div className="order-7 col-span-2 sm:order-none sm:col-span-1">
                            <label htmlFor={id("notes")} className="sr-only">
                              Set {si + 1} notes
                            </label>
                            <Input
                              id={id("notes")}
                              placeholder="notes"
                              maxLength={2000}
                              value={set.notes}
                              onChange={(e) => updateSet(bi, si, { notes: e.target.value })}
                              aria-invalid={!!err(`${sp}.notes`)}
                              aria-describedby={id("err")}
                            />
                          </div>
                          <Button
                            variant="ghost"
                            size="icon"
                            className="order-5 sm:order-none"
                            aria-label={`Remove set ${si + 1}`}
                            onClick={() => removeSet(bi, si)}
                          >
                            <X aria-hidden />
                          </Button>
                        </div>
                        <FieldError id={id("err")} error={setErrors.length ? setErrors.join(" · ") : null} className="ml-8 sm:ml-10" />
                      </div>
                    );
                  })}
                  <FieldError error={err(`${p}.sets`)} />
                </div>
                <Button variant="secondary" size="sm" onClick={() => addSet(bi)}>
                  <Plus aria-hidden /> Add set
                </Button>
              </CardContent>
            </Card>
          );
        })}

        <Button variant="secondary" onClick={addBlock}>
          <Plus aria-hidden /> Add exercise
        </Button>
      </section>

      <div className="flex items-center justify-end gap-3 border-t border-line pt-5">
        <Button asChild variant="ghost">
          <Link href={props.mode === "edit" ? `/workouts/${props.sessionId}` : "/workouts"} onClick={() => (dirty.current = false)}>
            Cancel
          </Link>
        </Button>
        <Button type="submit" loading={pending}>
          {mode === "edit" ? "Save workout" : "Add workout"}
        </Button>
      </div>
    </form>
  );
}
