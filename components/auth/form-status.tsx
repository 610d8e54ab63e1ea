import { Alert } from "@/components/ui/alert";
import type { ActionResult } from "@/lib/actions/safe-action";

/** The form-level error of an ActionResult (field errors render next to their fields). */
export function FormError({ state }: { state: ActionResult<unknown> | null }) {
  if (!state || state.ok) return null;
  return <Alert tone="danger">{state.error}</Alert>;
}
