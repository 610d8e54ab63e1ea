import type { Plan } from "@/db/tables/billing";

/**
 * The single source of truth for what each plan gets. The pricing page renders from this map
 * and every server-side limit reads it; nothing else may hard-code these numbers.
 */
export interface Entitlements {
  label: string;
  priceUsdPerMonth: number;
  tagline: string;
  /** Chat messages a user may send per UTC day. */
  chatMessagesPerDay: number;
  /** Coaches a user may keep. */
  maxCoaches: number;
  /** Live workout mode with spoken cues from Alice and Aiden. */
  liveWorkoutVoice: boolean;
  /** Largest import file accepted, in megabytes. */
  importMaxMb: number;
  /** Charts the coach may draw per day. */
  chartsPerDay: number;
  /** Trainer plan: manage this many client athletes (0 = none). */
  clientSeats: number;
  /** Marketing bullet points, in display order. */
  highlights: string[];
}

export const ENTITLEMENTS: Record<Plan, Entitlements> = {
  free: {
    label: "Free",
    priceUsdPerMonth: 0,
    tagline: "Bring your history and meet your coach.",
    chatMessagesPerDay: 30,
    maxCoaches: 1,
    liveWorkoutVoice: false,
    importMaxMb: 10,
    chartsPerDay: 10,
    clientSeats: 0,
    highlights: ["Import from Strong, Hevy and FitNotes", "Training log with unlimited history", "Data export and deletion any time"],
  },
  pro: {
    label: "Pro",
    priceUsdPerMonth: 12,
    tagline: "A coach that knows your numbers, every day.",
    chatMessagesPerDay: 500,
    maxCoaches: 5,
    liveWorkoutVoice: true,
    importMaxMb: 50,
    chartsPerDay: 200,
    clientSeats: 0,
    highlights: ["Live workout mode with Alice & Aiden voice cues", "Several coaches, switch any time", "Priority model access"],
  },
  trainer: {
    label: "Trainer",
    priceUsdPerMonth: 39,
    tagline: "Coach your athletes with their own data.",
    chatMessagesPerDay: 2000,
    maxCoaches: 25,
    liveWorkoutVoice: true,
    importMaxMb: 100,
    chartsPerDay: 1000,
    clientSeats: 25,
    highlights: ["Everything in Pro", "Up to 25 client athletes", "Bulk imports for your roster"],
  },
};

export const PLAN_ORDER: Plan[] = ["free", "pro", "trainer"];

export function entitlementsFor(plan: Plan): Entitlements {
  return ENTITLEMENTS[plan];
}
