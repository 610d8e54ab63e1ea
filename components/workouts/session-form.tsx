"use client";

import { Plus } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useId, useMemo, useRef, useState, useTransition } from "react";
import { toast } from "sonner";
import { Alert, Button, FieldError } from "@/components/ui";
import type { ActionResult } from "@/lib/actions/safe-action";
import type { Unit } from "@/lib/units";
import { emptyBlock, formStateToInput, type SessionFormState } from "@/lib/workouts/form-values";
import { addSet, moveBlock, removeBlock, removeSet, updateBlock, updateSet, type Blocks } from "@/lib/workouts/form-model";
import type { PreviousPerformance } from "@/lib/workouts/previous";
import { sessionInputSchema } from "@/lib/workouts/schemas";
import { zodFieldErrors } from "@/lib/validation/field-errors";
import { ExerciseBlock } from "./exercise-block";
import { SessionFields } from "./session-fields";

type Result = ActionResult<{ id: string }>;
type SessionFormPayload = ReturnType<typeof formStateToInput>;

interface CommonProps {
  initial: SessionFormState;
  unit: Unit;
  timeZone: string;
  exerciseNames: string[];
  /** Last time's sets per exercise (lower-cased name), loaded for the signed-in user on the server. */
  previous?: Record<string, PreviousPerformance>;
}
export type SessionFormProps = CommonProps &
  (
    | { mode: "create"; action: (input: SessionFormPayload) => Promise<Result> }
    | { mode: "edit"; sessionId: string; action: (input: SessionFormPayload & { id: string }) => Promise<Result> }
  );

/** The workout form: session fields, exercise blocks (./exercise-block) of set rows (./set-row). */
export function SessionForm(props: SessionFormProps) {
  const { mode, initial, unit, timeZone, exerciseNames, previous } = props;
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
  const updateBlocks = (fn: (b: Blocks) => Blocks) => update((s) => ({ ...s, exercises: fn(s.exercises) }));

  /** Focus after React has rendered the new row. */
  const focusLater = (selector: string) => requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>(selector)?.focus());
  const focusWeight = (key: string) => focusLater(`[data-set-key="${key}"] input[data-field="weight"]`);

  const onAddSet = (bi: number) => {
    const { blocks, key } = addSet(state.exercises, bi);
    updateBlocks(() => blocks);
    focusWeight(key);
  };
  const onAddBlock = () => {
    const block = emptyBlock();
    updateBlocks((b) => [...b, block]);
    focusLater(`[data-block-key="${block.key}"] input[data-field="exercise"]`);
  };

  /** Enter in a set row moves to the next set (adding one after the last) instead of submitting. */
  const onSetKeyDown = (bi: number, si: number) => (e: React.KeyboardEvent<HTMLElement>) => {
    if (e.key !== "Enter" || e.shiftKey || e.metaKey || e.ctrlKey || (e.target as HTMLElement).tagName === "SELECT") return;
    e.preventDefault();
    const block = state.exercises[bi];
    if (si === block.sets.length - 1) onAddSet(bi);
    else focusWeight(block.sets[si + 1].key);
  };

  const onSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    setFormError(null);
    const payload = formStateToInput(state, unit);
    const parsed = sessionInputSchema.safeParse(payload);
    if (!parsed.success) {
      const { formErrors, fieldErrors } = zodFieldErrors(parsed.error.issues);
      setErrors(fieldErrors);
      setFormError(formErrors[0] ?? "Some fields need attention — they are marked below.");
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

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-6" aria-busy={pending}>
      {formError ? (
        <Alert tone="danger" title={mode === "edit" ? "Not saved" : "Not added"}>
          {formError}
        </Alert>
      ) : null}

      <SessionFields
        idBase={uid}
        values={state}
        timeZone={timeZone}
        autoFocus={mode === "create"}
        errorAt={err}
        onChange={(patch) => update((s) => ({ ...s, ...patch }))}
      />

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
        <FieldError error={err("exercises")} />

        {state.exercises.map((block, bi) => (
          <ExerciseBlock
            key={block.key}
            idBase={uid}
            listId={listId}
            index={bi}
            count={state.exercises.length}
            block={block}
            unit={unit}
            known={known}
            previous={previous?.[block.exerciseName.trim().replace(/\s+/g, " ").toLowerCase()]}
            errorAt={(path) => err(`exercises.${bi}.${path}`)}
            onRename={(exerciseName) => updateBlocks((b) => updateBlock(b, bi, (x) => ({ ...x, exerciseName })))}
            onMove={(dir) => updateBlocks((b) => moveBlock(b, bi, dir))}
            onRemove={() => updateBlocks((b) => removeBlock(b, bi))}
            onSetChange={(si, patch) => updateBlocks((b) => updateSet(b, bi, si, patch))}
            onSetRemove={(si) => updateBlocks((b) => removeSet(b, bi, si))}
            onAddSet={() => onAddSet(bi)}
            onSetKeyDown={(si) => onSetKeyDown(bi, si)}
            onNameEnter={() => focusWeight(block.sets[0].key)}
          />
        ))}

        <Button variant="secondary" onClick={onAddBlock}>
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
