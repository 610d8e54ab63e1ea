import type { SophisticationLevel } from "@/db/tables/coach";
import { FIELD_KEYS, type FieldKey, type FieldMap } from "./fields";

/**
 * The interview checklist, in asking order: the required fields first (they drive the progress
 * bar), then the optional topics. Optional topics marked `skipForBeginners` are left out when the
 * lifter reads as a beginner (they would be noise: methodology names, competition plans…).
 */
export interface ChecklistItem {
  key: FieldKey;
  label: string;
  required: boolean;
  skipForBeginners: boolean;
  /** false: never asked on its own — filled only when an answer states it (restrictions without an injury). */
  asked?: boolean;
}

const CHECKLIST: ChecklistItem[] = [
  { key: "goals", label: "Primary goals", required: true, skipForBeginners: false },
  { key: "experienceYears", label: "Training experience", required: true, skipForBeginners: false },
  { key: "frequency", label: "Training days per week", required: true, skipForBeginners: false },
  { key: "injuries", label: "Injuries and limitations", required: true, skipForBeginners: false },
  { key: "restrictions", label: "Movement restrictions", required: false, skipForBeginners: false, asked: false },
  { key: "equipment", label: "Equipment access", required: true, skipForBeginners: false },
  { key: "coachingStyle", label: "Coaching style", required: true, skipForBeginners: false },
  { key: "voice", label: "Voice persona", required: true, skipForBeginners: false },
  { key: "units", label: "Units", required: true, skipForBeginners: false },
  { key: "age", label: "Age / life stage", required: false, skipForBeginners: false },
  { key: "timeline", label: "Goal timeline", required: false, skipForBeginners: false },
  { key: "sessionLength", label: "Session length", required: false, skipForBeginners: false },
  { key: "recovery", label: "Recovery (sleep, stress)", required: false, skipForBeginners: false },
  { key: "motivation", label: "Motivation", required: false, skipForBeginners: false },
  { key: "methodology", label: "Methodology preference", required: false, skipForBeginners: true },
  { key: "favoriteMovements", label: "Favourite movements", required: false, skipForBeginners: true },
  { key: "dislikedMovements", label: "Disliked movements", required: false, skipForBeginners: true },
  { key: "successMetrics", label: "Success metrics", required: false, skipForBeginners: true },
  { key: "competition", label: "Competition goals", required: false, skipForBeginners: true },
  { key: "nutrition", label: "Nutrition interest", required: false, skipForBeginners: true },
  { key: "learningStyle", label: "Learning style", required: false, skipForBeginners: true },
  { key: "checkIn", label: "Check-in cadence", required: false, skipForBeginners: false },
];

if (CHECKLIST.length !== FIELD_KEYS.length) throw new Error("coach checklist and field schemas disagree");

export const REQUIRED_FIELDS = CHECKLIST.filter((c) => c.required).map((c) => c.key);

export function checklistItem(key: FieldKey): ChecklistItem {
  return CHECKLIST.find((c) => c.key === key)!;
}

/**
 * A field counts as known once it has any entry: answered, read from history, defaulted or
 * skipped. An implied value (a suggestion from other answers) is not known: it is still asked.
 */
export function isKnown(fields: FieldMap, key: FieldKey): boolean {
  return fields[key] !== undefined && fields[key]!.source !== "implied";
}

export function progressOf(fields: FieldMap): { filled: number; total: number; ratio: number } {
  const filled = REQUIRED_FIELDS.filter((k) => isKnown(fields, k) && fields[k]!.source !== "skipped").length;
  const total = REQUIRED_FIELDS.length;
  return { filled, total, ratio: Math.round((filled / total) * 1000) / 1000 };
}

/** The next field to ask about, or null when the checklist is done for this lifter. */
export function nextField(fields: FieldMap, level: SophisticationLevel): FieldKey | null {
  // A methodology the goals imply (peaking for a meet) is confirmed right after the essentials.
  const required = CHECKLIST.filter((c) => c.required);
  if (fields.methodology?.source === "implied" && required.every((c) => isKnown(fields, c.key))) return "methodology";
  for (const item of CHECKLIST) {
    if (isKnown(fields, item.key) || item.asked === false) continue;
    if (!item.required && item.skipForBeginners && level === "beginner") continue;
    return item.key;
  }
  return null;
}

/** Optional questions still ahead (for "n more optional questions" hints). */
export function remainingOptional(fields: FieldMap, level: SophisticationLevel): number {
  return CHECKLIST.filter((c) => !c.required && c.asked !== false && !isKnown(fields, c.key) && !(c.skipForBeginners && level === "beginner")).length;
}
