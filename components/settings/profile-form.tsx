"use client";

import { useActionState, useEffect, useId, useRef, useState, useSyncExternalStore, startTransition } from "react";
import { toast } from "sonner";
import { Button, FieldError, FieldHint, Input, Label, Select, Textarea } from "@/components/ui";
import type { ActionResult } from "@/lib/actions/safe-action";

type Result = ActionResult<{ units: "kg" | "lb"; timeZone: string }>;

export interface ProfileFormValues {
  displayName: string;
  units: "kg" | "lb";
  timeZone: string;
  fitnessLevel: "beginner" | "intermediate" | "advanced";
  goals: string[];
}

const LEVELS = [
  ["beginner", "Beginner — under a year of steady lifting"],
  ["intermediate", "Intermediate — 1–3 years, progress takes planning"],
  ["advanced", "Advanced — 3+ years, small gains are hard won"],
] as const;

// The browser's zone: read on the client only (the server renders null, so hydration matches).
const neverChanges = () => () => {};
const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || null;

export function ProfileForm({
  initial,
  timeZones,
  action,
}: {
  initial: ProfileFormValues;
  timeZones: string[];
  action: (prev: Result | null, formData: FormData) => Promise<Result>;
}) {
  const uid = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [state, dispatch, pending] = useActionState(action, null);
  const [timeZone, setTimeZone] = useState(initial.timeZone);
  const detectedZone = useSyncExternalStore(neverChanges, browserTimeZone, () => null);
  const browserZone = detectedZone && timeZones.includes(detectedZone) ? detectedZone : null;

  useEffect(() => {
    if (state?.ok) toast.success("Profile saved");
  }, [state]);

  // Submitting through onSubmit (not <form action>) keeps what was typed when the save fails:
  // React resets uncontrolled fields after a form action.
  const onSubmit = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    startTransition(() => dispatch(data));
  };

  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const err = (f: string) => errors[f];
  const zones = timeZones.includes(timeZone) ? timeZones : [timeZone, ...timeZones];

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="grid gap-5 sm:grid-cols-2">
      <div>
        <Label htmlFor={`${uid}-name`} optional>
          Display name
        </Label>
        <Input
          id={`${uid}-name`}
          name="displayName"
          defaultValue={initial.displayName}
          maxLength={80}
          autoComplete="nickname"
          aria-invalid={!!err("displayName")}
          aria-describedby={`${uid}-name-err`}
        />
        <FieldError id={`${uid}-name-err`} error={err("displayName")} />
      </div>

      <fieldset>
        <legend className="mb-1.5 block text-sm font-medium text-ink">Weight unit</legend>
        <div className="flex gap-2" role="radiogroup">
          {(["kg", "lb"] as const).map((u) => (
            <label
              key={u}
              className="flex h-10 flex-1 cursor-pointer items-center justify-center gap-2 rounded-xl border border-line-strong bg-surface text-sm font-semibold has-checked:border-ink has-checked:bg-ink has-checked:text-chalk has-focus-visible:ring-3 has-focus-visible:ring-accent/60"
            >
              <input type="radio" name="units" value={u} defaultChecked={initial.units === u} className="sr-only" />
              {u === "kg" ? "Kilograms (kg)" : "Pounds (lb)"}
            </label>
          ))}
        </div>
        <FieldError error={err("units")} />
      </fieldset>

      <div>
        <Label htmlFor={`${uid}-tz`}>Time zone</Label>
        <Select
          id={`${uid}-tz`}
          name="timeZone"
          value={timeZone}
          onChange={(e) => setTimeZone(e.target.value)}
          aria-invalid={!!err("timeZone")}
          aria-describedby={`${uid}-tz-hint ${uid}-tz-err`}
        >
          {zones.map((z) => (
            <option key={z} value={z}>
              {z.replaceAll("_", " ")}
            </option>
          ))}
        </Select>
        <FieldHint id={`${uid}-tz-hint`}>
          Workout dates and times are shown in this zone.
          {browserZone && browserZone !== timeZone ? (
            <>
              {" "}
              <button type="button" className="font-medium text-accent-text underline underline-offset-2" onClick={() => setTimeZone(browserZone)}>
                Use {browserZone.replaceAll("_", " ")} (this device)
              </button>
            </>
          ) : null}
        </FieldHint>
        <FieldError id={`${uid}-tz-err`} error={err("timeZone")} />
      </div>

      <div>
        <Label htmlFor={`${uid}-level`}>Training experience</Label>
        <Select id={`${uid}-level`} name="fitnessLevel" defaultValue={initial.fitnessLevel} aria-invalid={!!err("fitnessLevel")}>
          {LEVELS.map(([v, label]) => (
            <option key={v} value={v}>
              {label}
            </option>
          ))}
        </Select>
        <FieldError error={err("fitnessLevel")} />
      </div>

      <div className="sm:col-span-2">
        <Label htmlFor={`${uid}-goals`} optional>
          Goals
        </Label>
        <Textarea
          id={`${uid}-goals`}
          name="goals"
          rows={3}
          defaultValue={initial.goals.join("\n")}
          placeholder={"Squat 140 kg by summer\nTrain 3× a week"}
          aria-invalid={!!err("goals")}
          aria-describedby={`${uid}-goals-hint ${uid}-goals-err`}
        />
        <FieldHint id={`${uid}-goals-hint`}>One per line, up to 10. Your coach reads these.</FieldHint>
        <FieldError id={`${uid}-goals-err`} error={err("goals")} />
      </div>

      <div className="flex items-center gap-3 sm:col-span-2">
        <Button type="submit" loading={pending}>
          Save profile
        </Button>
        {state && !state.ok ? (
          <p className="text-sm text-danger" role="alert">
            {state.error}
          </p>
        ) : null}
        {state?.ok && !pending ? (
          <p className="text-sm text-ink-muted" role="status">
            Saved.
          </p>
        ) : null}
      </div>
    </form>
  );
}
