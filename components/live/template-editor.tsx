"use client";

import { Minus, Plus, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button, Card, CardContent, FieldError, Input, Select } from "@/components/ui";
import type { ActionResult } from "@/lib/actions/safe-action";
import { fromKg, roundWeight, storedKg, type Unit } from "@/lib/units";

interface EditorSet {
  weight: string;
  reps: string;
}
interface EditorExercise {
  exerciseId: string;
  name: string;
  sets: EditorSet[];
}
export interface TemplateEditorValue {
  id: string;
  name: string;
  exercises: { exerciseId: string; name: string; sets: { weightKg: number | null; reps: number | null }[] }[];
}

type UpdateInput = { id: string; name: string; exercises: { exerciseId: string; sets: { weightKg: number | null; reps: number | null }[] }[] };

/** Edits one template: its name, exercises (add from the catalog, remove) and each set's weight and reps. */
export function TemplateEditor({
  template,
  unit,
  options,
  update,
  remove,
}: {
  template: TemplateEditorValue;
  unit: Unit;
  options: { id: string; name: string }[];
  update: (input: UpdateInput) => Promise<ActionResult<{ id: string }>>;
  remove: (input: { id: string }) => Promise<ActionResult<{ id: string }>>;
}) {
  const router = useRouter();
  const [name, setName] = useState(template.name);
  const [exercises, setExercises] = useState<EditorExercise[]>(() =>
    template.exercises.map((e) => ({
      exerciseId: e.exerciseId,
      name: e.name,
      sets: e.sets.map((s) => ({
        weight: s.weightKg === null ? "" : String(roundWeight(fromKg(s.weightKg, unit))),
        reps: s.reps === null ? "" : String(s.reps),
      })),
    })),
  );
  const [adding, setAdding] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();

  const setAt = (ei: number, si: number, patch: Partial<EditorSet>) =>
    setExercises((xs) => xs.map((e, i) => (i === ei ? { ...e, sets: e.sets.map((s, j) => (j === si ? { ...s, ...patch } : s)) } : e)));

  const save = () =>
    start(async () => {
      setError(null);
      const num = (v: string) => (v.trim() === "" ? null : Number(v));
      const bad = exercises.some((e) =>
        e.sets.some((s) => (s.weight && !Number.isFinite(Number(s.weight))) || (s.reps && !Number.isInteger(Number(s.reps)))),
      );
      if (bad) return setError("Weights and reps must be numbers.");
      const r = await update({
        id: template.id,
        name,
        exercises: exercises.map((e) => ({
          exerciseId: e.exerciseId,
          sets: e.sets.map((s) => ({ weightKg: num(s.weight) === null ? null : storedKg(num(s.weight)!, unit), reps: num(s.reps) })),
        })),
      });
      if (!r.ok) return setError(r.error);
      toast.success("Template saved");
      router.refresh();
    });

  const del = () =>
    start(async () => {
      const r = await remove({ id: template.id });
      if (!r.ok) return setError(r.error);
      toast.success("Template deleted");
      router.refresh();
    });

  return (
    <Card data-testid="template-editor">
      <CardContent className="space-y-4">
        <label className="block text-sm font-medium">
          Name
          <Input value={name} onChange={(e) => setName(e.target.value)} maxLength={200} className="mt-1" />
        </label>
        {exercises.map((e, ei) => (
          <div key={`${e.exerciseId}-${ei}`} className="rounded-lg border border-line p-3">
            <div className="mb-2 flex items-center justify-between gap-2">
              <span className="font-semibold">{e.name}</span>
              <Button variant="ghost" size="icon" aria-label={`Remove ${e.name}`} onClick={() => setExercises((xs) => xs.filter((_, i) => i !== ei))}>
                <Trash2 aria-hidden />
              </Button>
            </div>
            {e.sets.map((s, si) => (
              <div key={si} className="mb-1 flex items-center gap-2 text-sm">
                <span className="w-10 text-ink-muted">Set {si + 1}</span>
                <Input
                  aria-label={`${e.name} set ${si + 1} weight (${unit})`}
                  inputMode="decimal"
                  value={s.weight}
                  onChange={(ev) => setAt(ei, si, { weight: ev.target.value })}
                  className="w-24"
                />
                <span className="text-ink-muted">{unit} ×</span>
                <Input
                  aria-label={`${e.name} set ${si + 1} reps`}
                  inputMode="numeric"
                  value={s.reps}
                  onChange={(ev) => setAt(ei, si, { reps: ev.target.value })}
                  className="w-20"
                />
                <Button
                  variant="ghost"
                  size="icon"
                  aria-label={`Remove set ${si + 1}`}
                  disabled={e.sets.length <= 1}
                  onClick={() => setExercises((xs) => xs.map((x, i) => (i === ei ? { ...x, sets: x.sets.filter((_, j) => j !== si) } : x)))}
                >
                  <Minus aria-hidden />
                </Button>
              </div>
            ))}
            <Button
              variant="ghost"
              size="sm"
              onClick={() =>
                setExercises((xs) =>
                  xs.map((x, i) => (i === ei ? { ...x, sets: [...x.sets, { ...(x.sets[x.sets.length - 1] ?? { weight: "", reps: "" }) }] } : x)),
                )
              }
            >
              <Plus aria-hidden /> Add set
            </Button>
          </div>
        ))}
        <div className="flex gap-2">
          <Select aria-label="Exercise to add" value={adding} onChange={(e) => setAdding(e.target.value)} className="min-w-0 flex-1">
            <option value="">Add an exercise…</option>
            {options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </Select>
          <Button
            variant="secondary"
            disabled={!adding}
            onClick={() => {
              const o = options.find((x) => x.id === adding);
              if (o) setExercises((xs) => [...xs, { exerciseId: o.id, name: o.name, sets: [{ weight: "", reps: "" }] }]);
              setAdding("");
            }}
          >
            Add
          </Button>
        </div>
        <FieldError id={`tpl-${template.id}-err`} error={error ?? undefined} />
        <div className="flex flex-wrap gap-2">
          <Button onClick={save} loading={pending}>
            Save template
          </Button>
          <Button variant="danger" onClick={del} disabled={pending}>
            Delete
          </Button>
        </div>
      </CardContent>
    </Card>
  );
}
