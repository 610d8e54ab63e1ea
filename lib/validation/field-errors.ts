import type { z } from "zod";
import type { FieldErrors } from "@/lib/errors/user-error";

type Issue = Pick<z.core.$ZodIssue, "path" | "message">;

/**
 * zod issues → messages per field, keyed by the dotted path ("exercises.0.sets.1.reps"), each
 * message once. Issues on the object itself (refinements) are form errors. The one helper every
 * form, action, route and domain validator uses (it is browser-safe: it only reads issues).
 */
export function zodFieldErrors(issues: readonly Issue[]): { formErrors: string[]; fieldErrors: FieldErrors } {
  const fieldErrors: FieldErrors = {};
  const formErrors: string[] = [];
  for (const issue of issues) {
    const key = issue.path.map(String).join(".");
    const list = key ? (fieldErrors[key] ??= []) : formErrors;
    if (!list.includes(issue.message)) list.push(issue.message);
  }
  return { formErrors, fieldErrors };
}
