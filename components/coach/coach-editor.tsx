"use client";

import { useRouter } from "next/navigation";
import * as React from "react";
import { toast } from "sonner";
import { Button, FieldError, FieldHint, Input, Label, Select, Textarea } from "@/components/ui";
import type { ActionResult } from "@/lib/actions/safe-action";
import type { CoachCard } from "@/lib/coach/card";

interface EditorOption {
  value: string;
  label: string;
  hint?: string;
  traits?: CoachCard["persona"]["traits"];
}

export interface CoachEditorProps {
  coachId: string;
  card: CoachCard;
  maxRamp: number;
  personas: EditorOption[];
  methodologies: EditorOption[];
  action: (
    previous: ActionResult<{ id: string; version: number }> | null,
    formData: FormData,
  ) => Promise<ActionResult<{ id: string; version: number }>>;
}

const TRAITS = [
  ["enthusiasm", "Enthusiasm", "calm", "fired up"],
  ["supportiveness", "Supportiveness", "hands-off", "very supportive"],
  ["directness", "Directness", "gentle", "blunt"],
] as const;

/** Edit tone, methodology and constraints; every save is a new version of the coach. */
export function CoachEditor({ coachId, card, maxRamp, personas, methodologies, action }: CoachEditorProps) {
  const router = useRouter();
  const [state, formAction, pending] = React.useActionState(action, null);
  const [traits, setTraits] = React.useState(card.persona.traits);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};

  React.useEffect(() => {
    if (state?.ok) {
      toast.success(`Saved as version ${state.data.version}.`);
      router.refresh();
    }
  }, [state, router]);

  return (
    <form action={formAction} className="space-y-6" data-testid="coach-editor" noValidate>
      <input type="hidden" name="coachId" value={coachId} />
      {state && !state.ok && !state.fieldErrors ? (
        <p role="alert" className="text-sm text-danger">
          {state.error}
        </p>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <Label htmlFor="coach-name">Name</Label>
          <Input id="coach-name" name="name" defaultValue={card.name} maxLength={40} aria-invalid={!!errors.name} aria-describedby="coach-name-err" />
          <FieldError id="coach-name-err" error={errors.name} />
        </div>
        <div>
          <Label htmlFor="coach-persona">Personality</Label>
          <Select
            id="coach-persona"
            name="persona"
            defaultValue={card.persona.template}
            onChange={(e) => {
              const t = personas.find((p) => p.value === e.target.value)?.traits;
              if (t) setTraits(t);
            }}
          >
            {personas.map((p) => (
              <option key={p.value} value={p.value}>
                {p.label}
              </option>
            ))}
          </Select>
        </div>
      </div>

      <fieldset className="space-y-3">
        <legend className="mb-1 text-sm font-medium text-ink">Tone</legend>
        {TRAITS.map(([key, label, low, high]) => (
          <div key={key} className="grid grid-cols-[8rem_1fr_3rem] items-center gap-3 text-sm">
            <label htmlFor={`trait-${key}`} className="text-ink-soft">
              {label}
            </label>
            <input
              id={`trait-${key}`}
              name={key}
              type="range"
              min={0}
              max={1}
              step={0.05}
              value={traits[key]}
              onChange={(e) => setTraits((t) => ({ ...t, [key]: Number(e.target.value) }))}
              aria-valuetext={`${Math.round(traits[key] * 100)} % (${low} → ${high})`}
              className="accent-ink"
            />
            <span className="text-right tabular text-ink-muted">{Math.round(traits[key] * 100)}</span>
          </div>
        ))}
        <div className="max-w-xs">
          <Label htmlFor="coach-style">Coaching style</Label>
          <Select id="coach-style" name="style" defaultValue={card.communication.style}>
            <option value="encouraging">Encouraging</option>
            <option value="balanced">Balanced</option>
            <option value="direct">Direct</option>
          </Select>
        </div>
      </fieldset>

      <div>
        <Label htmlFor="coach-methodology">Methodology</Label>
        <Select id="coach-methodology" name="methodology" defaultValue={card.methodology.template} aria-describedby="coach-methodology-hint">
          {methodologies.map((m) => (
            <option key={m.value} value={m.value}>
              {m.label}
            </option>
          ))}
        </Select>
        <FieldHint id="coach-methodology-hint">{methodologies.find((m) => m.value === card.methodology.template)?.hint}</FieldHint>
      </div>

      <div>
        <Label htmlFor="coach-avoid">Movements to avoid</Label>
        <Textarea
          id="coach-avoid"
          name="avoid"
          rows={4}
          defaultValue={card.safety.avoid.map((a) => a.movement).join("\n")}
          aria-invalid={!!errors.avoid}
          aria-describedby="coach-avoid-hint coach-avoid-err"
        />
        <FieldHint id="coach-avoid-hint">
          One per line. A line you keep keeps its limit (e.g. “low-volume only”) and where it came from; a new line is a full ban — your coach offers
          alternatives instead.
        </FieldHint>
        <FieldError id="coach-avoid-err" error={errors.avoid} />
      </div>

      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <Label htmlFor="coach-ramp">Max weekly volume increase (%)</Label>
          <Input
            id="coach-ramp"
            name="maxWeeklyVolumeIncreasePct"
            type="number"
            inputMode="decimal"
            step="0.5"
            min={0}
            max={maxRamp}
            defaultValue={card.safety.maxWeeklyVolumeIncreasePct}
            aria-invalid={!!errors.maxWeeklyVolumeIncreasePct}
            aria-describedby="coach-ramp-hint coach-ramp-err"
          />
          <FieldHint id="coach-ramp-hint">Safety limit for your level: {maxRamp} %.</FieldHint>
          <FieldError id="coach-ramp-err" error={errors.maxWeeklyVolumeIncreasePct} />
        </div>
        <div>
          <Label htmlFor="coach-deload">Deload every (weeks)</Label>
          <Input
            id="coach-deload"
            name="deloadEveryWeeks"
            type="number"
            inputMode="numeric"
            min={3}
            max={12}
            defaultValue={card.safety.deload.everyWeeks}
            aria-invalid={!!errors.deloadEveryWeeks}
            aria-describedby="coach-deload-err"
          />
          <FieldError id="coach-deload-err" error={errors.deloadEveryWeeks} />
        </div>
      </div>

      <Button type="submit" loading={pending} data-testid="coach-save">
        Save as new version
      </Button>
    </form>
  );
}
