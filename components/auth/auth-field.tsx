"use client";

import { FieldError } from "@/components/ui/field-error";
import { Input, type InputProps } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

/** Label + input + announced error, wired with aria-invalid / aria-describedby. */
export function AuthField({
  id,
  label,
  error,
  hintId,
  optional,
  ...input
}: InputProps & { id: string; label: string; error?: string[] | string; hintId?: string; optional?: boolean }) {
  const errorId = `${id}-error`;
  const describedBy = [error ? errorId : null, hintId].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <Label htmlFor={id} optional={optional}>
        {label}
      </Label>
      <Input id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} />
      <FieldError id={errorId} error={error} />
    </div>
  );
}
