import type { Plan } from "@/db/tables/billing";
import { ENTITLEMENTS, isFeatureAvailable, PLAN_ORDER, type Entitlements, type GatedFeature } from "@/lib/billing/entitlements";

/**
 * Entitlement keys that are limits/features (compared in the table), as opposed to copy. The live
 * mode's hourly cue/speech caps are fair-use limits of a feature, not compared separately.
 */
export type ComparableKey = Exclude<
  keyof Entitlements,
  "label" | "priceUsdPerMonth" | "priceUsdPerYear" | "tagline" | "highlights" | "liveCuesPerHour" | "speechGenerationsPerHour"
>;

export type ComparisonCell = { kind: "yes" } | { kind: "no" } | { kind: "text"; text: string };

export interface ComparisonRow {
  key: ComparableKey;
  label: string;
  hint: string;
  /** Advertised but not in this build yet: shown as "coming soon". */
  comingSoon: boolean;
  cells: { plan: Plan; cell: ComparisonCell }[];
}

const count = new Intl.NumberFormat("en-US");

type RowSpec<K extends ComparableKey> = {
  label: string;
  hint: string;
  format: (value: Entitlements[K]) => ComparisonCell;
  feature?: GatedFeature;
};

/**
 * How to present each comparable entitlement. Typed over every comparable key, so adding a limit to
 * Entitlements fails the type check until it has a row here. Only wording lives here; values come
 * from ENTITLEMENTS.
 */
export const ROW_SPECS: { [K in ComparableKey]: RowSpec<K> } = {
  chatMessagesPerDay: {
    label: "Coach chat messages",
    hint: "Messages you can send per day (resets at midnight UTC).",
    format: (n) => ({ kind: "text", text: `${count.format(n)} / day` }),
  },
  chartsPerDay: {
    label: "Charts from your data",
    hint: "Charts the coach can draw from your own training log each day.",
    format: (n) => ({ kind: "text", text: `${count.format(n)} / day` }),
  },
  maxCoaches: {
    label: "Coaches",
    hint: "Coach personas built from your creator interview.",
    format: (n) => ({ kind: "text", text: count.format(n) }),
  },
  liveWorkoutVoice: {
    label: "Live workout voice cues",
    hint: "Alice and Aiden call your sets, rest timers and PRs out loud.",
    feature: "liveWorkoutVoice",
    format: (on) => (on ? { kind: "yes" } : { kind: "no" }),
  },
  importMaxMb: {
    label: "Import file size",
    hint: "Largest Strong, Hevy or FitNotes export accepted.",
    format: (mb) => ({ kind: "text", text: `${count.format(mb)} MB` }),
  },
  clientSeats: {
    label: "Client athletes",
    hint: "Athletes you can coach with their own data.",
    feature: "clientSeats",
    format: (n) => (n > 0 ? { kind: "text", text: count.format(n) } : { kind: "no" }),
  },
};

export const ROW_ORDER: ComparableKey[] = ["chatMessagesPerDay", "chartsPerDay", "maxCoaches", "liveWorkoutVoice", "importMaxMb", "clientSeats"];

function cellFor<K extends ComparableKey>(key: K, ent: Entitlements): ComparisonCell {
  return ROW_SPECS[key].format(ent[key]);
}

/** The feature-comparison table, derived entirely from the entitlements map. */
export function buildComparisonRows(entitlements: Record<Plan, Entitlements> = ENTITLEMENTS, order: readonly Plan[] = PLAN_ORDER): ComparisonRow[] {
  return ROW_ORDER.map((key) => ({
    key,
    label: ROW_SPECS[key].label,
    hint: ROW_SPECS[key].hint,
    comingSoon: ROW_SPECS[key].feature ? !isFeatureAvailable(ROW_SPECS[key].feature) : false,
    cells: order.map((plan) => ({ plan, cell: cellFor(key, entitlements[plan]) })),
  }));
}

/** "$0", "$12", "$12.50". */
export function formatMonthlyPrice(usd: number): string {
  return `$${Number.isInteger(usd) ? usd : usd.toFixed(2)}`;
}

/** Plain-text rendering of a cell (screen readers, tests). */
export function cellText(cell: ComparisonCell): string {
  return cell.kind === "yes" ? "Included" : cell.kind === "no" ? "Not included" : cell.text;
}
