import { Select } from "@/components/ui";
import { SET_TYPE_LABELS, SET_TYPES, type SetType } from "@/lib/workouts/constants";

/** The set type picker of the session form and the chat draft card. */
export function SetTypeSelect({
  value,
  onChange,
  ...rest
}: { value: SetType; onChange: (t: SetType) => void } & Omit<React.ComponentProps<typeof Select>, "value" | "onChange">) {
  return (
    <Select value={value} onChange={(e) => onChange(e.target.value as SetType)} {...rest}>
      {SET_TYPES.map((t) => (
        <option key={t} value={t}>
          {SET_TYPE_LABELS[t]}
        </option>
      ))}
    </Select>
  );
}
