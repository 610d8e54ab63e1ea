"use client";

import { Card, CardContent, FieldError, FieldHint, Input, Label, Textarea } from "@/components/ui";
import type { SessionFormState } from "@/lib/workouts/form-values";
import { SESSION_NAME_MAX } from "@/lib/workouts/limits";

type Fields = Pick<SessionFormState, "name" | "startedAt" | "durationMin" | "notes">;

/** The session's own fields: name, start (in the profile zone), duration, notes. */
export function SessionFields({
  idBase,
  values,
  timeZone,
  autoFocus,
  errorAt,
  onChange,
}: {
  idBase: string;
  values: Fields;
  timeZone: string;
  autoFocus: boolean;
  errorAt: (path: string) => string[] | undefined;
  onChange: (patch: Partial<Fields>) => void;
}) {
  const uid = idBase;
  return (
    <Card>
      <CardContent className="grid gap-4 sm:grid-cols-2">
        <div className="sm:col-span-2">
          <Label htmlFor={`${uid}-name`}>Name</Label>
          <Input
            id={`${uid}-name`}
            value={values.name}
            onChange={(e) => onChange({ name: e.target.value })}
            placeholder="Upper body A"
            maxLength={SESSION_NAME_MAX}
            aria-invalid={!!errorAt("name")}
            aria-describedby={`${uid}-name-err`}
            autoFocus={autoFocus}
          />
          <FieldError id={`${uid}-name-err`} error={errorAt("name")} />
        </div>
        <div>
          <Label htmlFor={`${uid}-start`}>Started</Label>
          <Input
            id={`${uid}-start`}
            type="datetime-local"
            value={values.startedAt}
            onChange={(e) => onChange({ startedAt: e.target.value })}
            aria-invalid={!!errorAt("startedAt")}
            aria-describedby={`${uid}-start-hint ${uid}-start-err`}
          />
          <FieldHint id={`${uid}-start-hint`}>Time zone: {timeZone}</FieldHint>
          <FieldError id={`${uid}-start-err`} error={errorAt("startedAt")} />
        </div>
        <div>
          <Label htmlFor={`${uid}-dur`} optional>
            Duration (minutes)
          </Label>
          <Input
            id={`${uid}-dur`}
            inputMode="numeric"
            value={values.durationMin}
            onChange={(e) => onChange({ durationMin: e.target.value })}
            placeholder="60"
            aria-invalid={!!errorAt("durationMin")}
            aria-describedby={`${uid}-dur-err`}
          />
          <FieldError id={`${uid}-dur-err`} error={errorAt("durationMin")} />
        </div>
        <div className="sm:col-span-2">
          <Label htmlFor={`${uid}-notes`} optional>
            Notes
          </Label>
          <Textarea
            id={`${uid}-notes`}
            rows={2}
            value={values.notes}
            onChange={(e) => onChange({ notes: e.target.value })}
            aria-invalid={!!errorAt("notes")}
            aria-describedby={`${uid}-notes-err`}
          />
          <FieldError id={`${uid}-notes-err`} error={errorAt("notes")} />
        </div>
      </CardContent>
    </Card>
  );
}
