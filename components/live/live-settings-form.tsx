"use client";

import { useActionState, useEffect, useId } from "react";
import { toast } from "sonner";
import { Button, FieldError, Input, Select } from "@/components/ui";
import type { ActionResult } from "@/lib/actions/safe-action";
import type { LiveSettings } from "@/lib/live/settings";
import { fromKg, roundWeight, type Unit } from "@/lib/units";

type Result = ActionResult<{ saved: boolean }>;

/** Live workout settings: default rests, how rest end is signalled, bar and plates (in the lifter's unit), voice. */
export function LiveSettingsForm({
  settings,
  unit,
  voice,
  action,
}: {
  settings: LiveSettings;
  unit: Unit;
  voice: boolean;
  action: (prev: Result | null, formData: FormData) => Promise<Result>;
}) {
  const id = useId();
  const [state, dispatch, pending] = useActionState(action, null);
  useEffect(() => {
    if (state?.ok) toast.success("Live workout settings saved");
  }, [state]);
  const err = (k: string) => (state && !state.ok ? state.fieldErrors?.[k] : undefined);
  const w = (kg: number) => String(roundWeight(fromKg(kg, unit)));
  return (
    <form action={dispatch} className="grid gap-4 sm:grid-cols-2" data-testid="live-settings">
      <label className="text-sm font-medium" htmlFor={`${id}-c`}>
        Rest after compound lifts (seconds)
        <Input id={`${id}-c`} name="restCompoundSeconds" inputMode="numeric" defaultValue={settings.restCompoundSeconds} className="mt-1" />
        <FieldError id={`${id}-c-err`} error={err("restCompoundSeconds")} />
      </label>
      <label className="text-sm font-medium" htmlFor={`${id}-a`}>
        Rest after accessories (seconds)
        <Input id={`${id}-a`} name="restAccessorySeconds" inputMode="numeric" defaultValue={settings.restAccessorySeconds} className="mt-1" />
        <FieldError id={`${id}-a-err`} error={err("restAccessorySeconds")} />
      </label>
      <label className="text-sm font-medium" htmlFor={`${id}-s`}>
        When rest ends
        <Select id={`${id}-s`} name="restEndSignal" defaultValue={settings.restEndSignal} className="mt-1">
          <option value="voice">{voice ? "Voice cue" : "Voice cue (Pro — toast and beep on your plan)"}</option>
          <option value="beep">Beep</option>
          <option value="vibrate">Vibrate</option>
        </Select>
      </label>
      <label className="text-sm font-medium" htmlFor={`${id}-p`}>
        Voice
        <Select id={`${id}-p`} name="persona" defaultValue={settings.persona ?? "auto"} className="mt-1">
          <option value="auto">The one my coach maps to</option>
          <option value="alice">Alice — warm, encouraging</option>
          <option value="aiden">Aiden — brief, direct</option>
        </Select>
      </label>
      <label className="text-sm font-medium" htmlFor={`${id}-b`}>
        Bar weight ({unit})
        <Input id={`${id}-b`} name="bar" inputMode="decimal" defaultValue={w(settings.barKg)} className="mt-1" />
        <FieldError id={`${id}-b-err`} error={err("bar")} />
      </label>
      <label className="text-sm font-medium" htmlFor={`${id}-pl`}>
        Plates you have ({unit}, comma-separated)
        <Input id={`${id}-pl`} name="plates" defaultValue={settings.platesKg.map(w).join(", ")} className="mt-1" />
        <FieldError id={`${id}-pl-err`} error={err("plates")} />
      </label>
      {state && !state.ok && !state.fieldErrors ? <p className="text-sm text-danger sm:col-span-2">{state.error}</p> : null}
      <div className="sm:col-span-2">
        <Button type="submit" loading={pending}>
          Save live settings
        </Button>
      </div>
    </form>
  );
}
