import { CircleAlert } from "lucide-react";
import { cn } from "./cn";

/**
 * Validation message under a field. Give it an id and point the input's aria-describedby at it.
 * Accepts a string or the string[] shape of ActionResult.fieldErrors; renders nothing when empty.
 */
export function FieldError({ id, error, className }: { id?: string; error?: string | string[] | null; className?: string }) {
  const message = Array.isArray(error) ? error[0] : error;
  if (!message) return null;
  return (
    <p id={id} role="alert" className={cn("mt-1.5 flex items-start gap-1.5 text-sm text-danger", className)}>
      <CircleAlert aria-hidden className="mt-0.5 size-3.5 shrink-0" />
      <span>{message}</span>
    </p>
  );
}

/** Hint text under a field (use aria-describedby on the input). */
export function FieldHint({ id, children, className }: { id?: string; children: React.ReactNode; className?: string }) {
  return (
    <p id={id} className={cn("mt-1.5 text-sm text-ink-muted", className)}>
      {children}
    </p>
  );
}
