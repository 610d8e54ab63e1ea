import { Trophy } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { RECORD_LABELS, type RecordKind } from "@/lib/workouts/records";

/** "PR" with what was beaten, for a set or a session (see lib/workouts/records.ts for the rules). */
export function PrBadge({ kinds, count }: { kinds: readonly RecordKind[]; count?: number }) {
  if (!kinds.length) return null;
  const what = [...new Set(kinds)].map((k) => RECORD_LABELS[k]).join(", ");
  const label = count && count > 1 ? `${count} PRs` : "PR";
  return (
    <Badge tone="accent" title={`Personal record: ${what}`} data-testid="pr-badge">
      <Trophy aria-hidden />
      {label}
      <span className="sr-only"> — personal record: {what}</span>
    </Badge>
  );
}
