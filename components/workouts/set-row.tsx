"use client";

import { X } from "lucide-react";
import { Button, FieldError, Input } from "@/components/ui";
import type { Unit } from "@/lib/units";
import type { SetFormRow } from "@/lib/workouts/form-values";
import { SetTypeSelect } from "./set-type-select";

const SET_FIELDS = ["setType", "weight", "reps", "rpe", "notes"] as const;

/** One set of the session form: type, weight, reps, RPE, notes; errors listed under the row. */
export function SetRow({
  idBase,
  index,
  set,
  unit,
  errorAt,
  previous,
  onChange,
  onRemove,
  onKeyDown,
}: {
  idBase: string;
  index: number;
  set: SetFormRow;
  unit: Unit;
  /** Errors for this set's field ("weight" → messages). */
  errorAt: (field: string) => string[] | undefined;
  /** Last time's numbers for this set ("100 × 5"), shown as a hint. */
  previous?: string;
  onChange: (patch: Partial<SetFormRow>) => void;
  onRemove: () => void;
  onKeyDown: (e: React.KeyboardEvent<HTMLElement>) => void;
}) {
  const id = (f: string) => `${idBase}-${set.key}-${f}`;
  const errors = SET_FIELDS.flatMap((f) => errorAt(f) ?? []);
  const n = index + 1;
  /** One labelled text input of the row, wired to its value, its change and its errors. */
  const field = (
    name: "weight" | "reps" | "rpe" | "notes",
    label: string,
    cell: string,
    props: React.ComponentProps<typeof Input> & { [data: `data-${string}`]: string },
  ) => (
    <div className={cell}>
      <label htmlFor={id(name)} className="sr-only">
        Set {n} {label}
      </label>
      <Input
        id={id(name)}
        value={set[name]}
        onChange={(e) => onChange({ [name]: e.target.value })}
        aria-invalid={!!errorAt(name)}
        aria-describedby={id("err")}
        {...props}
      />
    </div>
  );
  return (
    <div data-set-key={set.key} onKeyDown={onKeyDown}>
      <div className="grid grid-cols-[1.5rem_1fr_1fr_1fr_2.5rem] items-center gap-2 sm:grid-cols-[2rem_8.5rem_1fr_1fr_1fr_2fr_2.5rem]">
        <span className="order-1 text-center text-sm font-semibold text-ink-muted tabular sm:order-none" aria-hidden>
          {n}
        </span>
        <div className="order-6 col-span-2 col-start-2 sm:order-none sm:col-span-1 sm:col-start-auto">
          <label htmlFor={id("type")} className="sr-only">
            Set {n} type
          </label>
          <SetTypeSelect id={id("type")} value={set.setType} onChange={(setType) => onChange({ setType })} />
        </div>
        {field("weight", `weight in ${unit}`, "order-2 sm:order-none", {
          "data-field": "weight",
          inputMode: "decimal",
          placeholder: unit,
          "aria-describedby": previous ? `${id("err")} ${id("prev")}` : id("err"),
        })}
        {field("reps", "reps", "order-3 sm:order-none", { inputMode: "numeric", placeholder: "reps" })}
        {field("rpe", "RPE", "order-4 sm:order-none", { inputMode: "decimal", placeholder: "RPE" })}
        {field("notes", "notes", "order-7 col-span-2 sm:order-none sm:col-span-1", { placeholder: "notes", maxLength: 2000 })}
        <Button variant="ghost" size="icon" className="order-5 sm:order-none" aria-label={`Remove set ${n}`} onClick={onRemove}>
          <X aria-hidden />
        </Button>
      </div>
      {previous ? (
        <p id={id("prev")} className="mt-0.5 ml-8 text-xs text-ink-muted tabular sm:ml-10" data-testid="previous-set">
          Last time: {previous}
        </p>
      ) : null}
      <FieldError id={id("err")} error={errors.length ? errors.join(" · ") : null} className="ml-8 sm:ml-10" />
    </div>
  );
}
