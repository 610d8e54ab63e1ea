import { Badge, type BadgeTone } from "@/components/ui";
import { SET_TYPE_LABELS, type SetType } from "@/lib/workouts/constants";

const tones: Record<SetType, BadgeTone> = { normal: "neutral", warmup: "info", failure: "danger", drop: "warning" };

/** Working sets show just their number; warm-up, failure and drop sets are labelled. */
export function SetTypeBadge({ type }: { type: SetType }) {
  if (type === "normal") return null;
  return <Badge tone={tones[type]}>{SET_TYPE_LABELS[type]}</Badge>;
}
