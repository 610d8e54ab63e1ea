"use client";

import { startTransition, useActionState, useEffect, useId, useState } from "react";
import { toast } from "sonner";
import { Button, FieldError, Input, Label, Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui";
import type { ActionResult } from "@/lib/actions/safe-action";

export interface BodyMetricView {
  id: string;
  date: string;
  /** In the user's unit, as the input shows it. */
  bodyweight: string;
  sleepHours: string;
  restingHr: string;
}

type SaveResult = ActionResult<{ id: string; date: string }>;
type DeleteResult = ActionResult<{ id: string }>;

const empty = (date: string): BodyMetricView => ({ id: "", date, bodyweight: "", sleepHours: "", restingHr: "" });

export function BodyMetricsEditor({
  rows,
  today,
  unit,
  save,
  remove,
}: {
  rows: BodyMetricView[];
  today: string;
  unit: "kg" | "lb";
  save: (prev: SaveResult | null, data: FormData) => Promise<SaveResult>;
  remove: (prev: DeleteResult | null, data: FormData) => Promise<DeleteResult>;
}) {
  const uid = useId();
  const [editing, setEditing] = useState<BodyMetricView>(empty(today));
  const [formKey, setFormKey] = useState(0);
  const [state, dispatch, pending] = useActionState(save, null);
  const [removeState, removeDispatch, removing] = useActionState(remove, null);

  // After a successful save the form goes back to a fresh entry for today (state adjusted during
  // render when the result changes, not in an effect).
  const [handled, setHandled] = useState<SaveResult | null>(null);
  if (state !== handled) {
    setHandled(state);
    if (state?.ok) {
      setEditing(empty(today));
      setFormKey((k) => k + 1);
    }
  }
  useEffect(() => {
    if (state?.ok) toast.success(`Saved ${state.data.date}`);
  }, [state]);
  useEffect(() => {
    if (removeState?.ok) toast.success("Entry deleted");
    else if (removeState && !removeState.ok) toast.error(removeState.error);
  }, [removeState]);

  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const onSubmit = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    startTransition(() => dispatch(data));
  };
  const edit = (row: BodyMetricView) => {
    setEditing(row);
    setFormKey((k) => k + 1);
  };
  const del = (id: string) => {
    const data = new FormData();
    data.set("id", id);
    startTransition(() => removeDispatch(data));
  };

  return (
    <div className="space-y-8">
      <form key={formKey} onSubmit={onSubmit} noValidate className="grid gap-4 sm:grid-cols-5 sm:items-end" data-testid="body-metric-form">
        {editing.id ? <input type="hidden" name="id" value={editing.id} /> : null}
        <div>
          <Label htmlFor={`${uid}-date`}>Date</Label>
          <Input
            id={`${uid}-date`}
            name="date"
            type="date"
            defaultValue={editing.date}
            max={today}
            aria-invalid={!!errors.date}
            aria-describedby={`${uid}-date-err`}
          />
          <FieldError id={`${uid}-date-err`} error={errors.date} />
        </div>
        <div>
          <Label htmlFor={`${uid}-bw`} optional>
            Bodyweight ({unit})
          </Label>
          <Input
            id={`${uid}-bw`}
            name="bodyweight"
            inputMode="decimal"
            defaultValue={editing.bodyweight}
            aria-invalid={!!errors.bodyweight}
            aria-describedby={`${uid}-bw-err`}
          />
          <FieldError id={`${uid}-bw-err`} error={errors.bodyweight} />
        </div>
        <div>
          <Label htmlFor={`${uid}-sleep`} optional>
            Sleep (hours)
          </Label>
          <Input
            id={`${uid}-sleep`}
            name="sleepHours"
            inputMode="decimal"
            defaultValue={editing.sleepHours}
            aria-invalid={!!errors.sleepHours}
            aria-describedby={`${uid}-sleep-err`}
          />
          <FieldError id={`${uid}-sleep-err`} error={errors.sleepHours} />
        </div>
        <div>
          <Label htmlFor={`${uid}-hr`} optional>
            Resting HR (bpm)
          </Label>
          <Input
            id={`${uid}-hr`}
            name="restingHr"
            inputMode="numeric"
            defaultValue={editing.restingHr}
            aria-invalid={!!errors.restingHr}
            aria-describedby={`${uid}-hr-err`}
          />
          <FieldError id={`${uid}-hr-err`} error={errors.restingHr} />
        </div>
        <div className="flex gap-2">
          <Button type="submit" loading={pending}>
            {editing.id ? "Save changes" : "Log"}
          </Button>
          {editing.id ? (
            <Button type="button" variant="ghost" onClick={() => edit(empty(today))}>
              Cancel
            </Button>
          ) : null}
        </div>
        {state && !state.ok && !state.fieldErrors ? <p className="text-sm text-danger sm:col-span-5">{state.error}</p> : null}
      </form>

      {rows.length === 0 ? (
        <p className="text-sm text-ink-muted">Nothing logged yet. Your coach reads these when you ask about recovery or bodyweight.</p>
      ) : (
        <Table data-testid="body-metrics">
          <TableHeader>
            <TableRow>
              <TableHead>Date</TableHead>
              <TableHead>Bodyweight</TableHead>
              <TableHead>Sleep</TableHead>
              <TableHead>Resting HR</TableHead>
              <TableHead>
                <span className="sr-only">Actions</span>
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.id}>
                <TableCell>{r.date}</TableCell>
                <TableCell numeric>{r.bodyweight ? `${r.bodyweight} ${unit}` : "—"}</TableCell>
                <TableCell numeric>{r.sleepHours ? `${r.sleepHours} h` : "—"}</TableCell>
                <TableCell numeric>{r.restingHr ? `${r.restingHr} bpm` : "—"}</TableCell>
                <TableCell className="text-right whitespace-nowrap">
                  <Button size="sm" variant="ghost" onClick={() => edit(r)}>
                    Edit
                  </Button>
                  <Button size="sm" variant="ghost" loading={removing} onClick={() => del(r.id)} aria-label={`Delete ${r.date}`}>
                    Delete
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
