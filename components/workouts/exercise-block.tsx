"use client";

import { ArrowDown, ArrowUp, Plus, Trash2 } from "lucide-react";
import { Button, Card, CardContent, FieldError, FieldHint, Input, Label } from "@/components/ui";
import type { Unit } from "@/lib/units";
import type { ExerciseFormBlock, SetFormRow } from "@/lib/workouts/form-values";
import { EXERCISE_NAME_MAX, exerciseNameTooLong } from "@/lib/workouts/limits";
import type { PreviousPerformance } from "@/lib/workouts/previous";
import { SetRow } from "./set-row";

/** One exercise of the session form: its name, reorder/remove, last time's numbers and its sets. */
export function ExerciseBlock({
  idBase,
  listId,
  index,
  count,
  block,
  unit,
  known,
  previous,
  errorAt,
  onRename,
  onMove,
  onRemove,
  onSetChange,
  onSetRemove,
  onAddSet,
  onSetKeyDown,
  onNameEnter,
}: {
  idBase: string;
  listId: string;
  index: number;
  count: number;
  block: ExerciseFormBlock;
  unit: Unit;
  known: Set<string>;
  previous?: PreviousPerformance;
  /** Errors by path relative to this block ("exerciseName", "sets.0.weight"). */
  errorAt: (path: string) => string[] | undefined;
  onRename: (name: string) => void;
  onMove: (dir: -1 | 1) => void;
  onRemove: () => void;
  onSetChange: (si: number, patch: Partial<SetFormRow>) => void;
  onSetRemove: (si: number) => void;
  onAddSet: () => void;
  onSetKeyDown: (si: number) => (e: React.KeyboardEvent<HTMLElement>) => void;
  onNameEnter: () => void;
}) {
  const n = index + 1;
  const inputId = `${idBase}-ex-${block.key}`;
  const name = block.exerciseName.trim();
  const nameError = errorAt("exerciseName") ?? (name.length > EXERCISE_NAME_MAX ? [exerciseNameTooLong(name.length)] : undefined);
  const isNew = name.length > 0 && !known.has(name.toLowerCase());
  return (
    <Card data-block-key={block.key} className="overflow-hidden">
      <CardContent className="space-y-4">
        <div>
          <div className="mb-1.5 flex items-center justify-between gap-2">
            <Label htmlFor={inputId} className="mb-0">
              Exercise {n}
            </Label>
            <div className="flex gap-1">
              <Button
                variant="ghost"
                size="icon"
                className="size-8"
                aria-label={`Move exercise ${n} up`}
                disabled={index === 0}
                onClick={() => onMove(-1)}
              >
                <ArrowUp aria-hidden />
              </Button>
              <Button
                variant="ghost"
                size="icon"
                className="size-8"
                aria-label={`Move exercise ${n} down`}
                disabled={index === count - 1}
                onClick={() => onMove(1)}
              >
                <ArrowDown aria-hidden />
              </Button>
              <Button variant="ghost" size="icon" className="size-8" aria-label={`Remove exercise ${n}`} onClick={onRemove}>
                <Trash2 aria-hidden />
              </Button>
            </div>
          </div>
          {/* No maxLength: a pasted long name must not be cut silently; the limit is said below instead. */}
          <Input
            id={inputId}
            data-field="exercise"
            list={listId}
            value={block.exerciseName}
            onChange={(e) => onRename(e.target.value)}
            onKeyDown={(e) => {
              if (e.key !== "Enter" || e.nativeEvent.isComposing || !block.sets[0]) return;
              e.preventDefault();
              onNameEnter();
            }}
            placeholder="Search the catalog, e.g. Bench Press"
            autoComplete="off"
            aria-invalid={!!nameError}
            aria-describedby={`${inputId}-msg`}
          />
        </div>
        <div id={`${inputId}-msg`} className="break-words">
          <FieldError error={nameError} className="mt-0" />
          {isNew && !nameError ? <FieldHint className="mt-0">Not in the catalog — it will be saved as your own exercise.</FieldHint> : null}
          {previous ? (
            <p className="text-sm text-ink-muted tabular" data-testid="previous-performance">
              Last time ({previous.date}): {previous.sets.join(" · ")}
            </p>
          ) : null}
        </div>

        <div role="group" aria-label={`Sets for exercise ${n}`} className="space-y-2">
          <div className="hidden grid-cols-[2rem_8.5rem_1fr_1fr_1fr_2fr_2.5rem] gap-2 px-1 text-xs font-semibold tracking-wide text-ink-muted uppercase sm:grid">
            <span>Set</span>
            <span>Type</span>
            <span>Weight ({unit})</span>
            <span>Reps</span>
            <span>RPE</span>
            <span>Notes</span>
            <span className="sr-only">Remove</span>
          </div>
          {block.sets.map((set, si) => (
            <SetRow
              key={set.key}
              idBase={idBase}
              index={si}
              set={set}
              unit={unit}
              previous={previous?.sets[si]}
              errorAt={(f) => errorAt(`sets.${si}.${f}`)}
              onChange={(patch) => onSetChange(si, patch)}
              onRemove={() => onSetRemove(si)}
              onKeyDown={onSetKeyDown(si)}
            />
          ))}
          <FieldError error={errorAt("sets")} />
        </div>
        <Button variant="secondary" size="sm" onClick={onAddSet}>
          <Plus aria-hidden /> Add set
        </Button>
      </CardContent>
    </Card>
  );
}
