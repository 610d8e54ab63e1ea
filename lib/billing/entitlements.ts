import type { Queryable } from "@/db/client";
import type { Plan, SubscriptionStatus } from "@/db/tables/billing";
import { getSubscriptionRow, resolvePlan, type PlanNotice } from "./plan";

/**
 * The single source of truth for what each plan gets. The pricing page renders from this map
 * and every server-side limit reads it; nothing else may hard-code these numbers.
 */
export interface Entitlements {
  label: string;
  priceUsdPerMonth: number;
  /** Billed once a year (two months free compared with monthly). */
  priceUsdPerYear: number;
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
  /** Live workout mode: coaching cues (text or spoken) per hour. */
  liveCuesPerHour: number;
  /** Live workout mode: speech syntheses (ElevenLabs or embedded voice) per hour. */
  speechGenerationsPerHour: number;
  /** Marketing bullet points, in display order; `feature` ties a bullet to its availability. */
  highlights: { text: string; feature?: GatedFeature }[];
}

export const ENTITLEMENTS: Record<Plan, Entitlements> = {
  free: {
    label: "Free",
    priceUsdPerMonth: 0,
    priceUsdPerYear: 0,
    tagline: "Bring your history and meet your coach.",
    chatMessagesPerDay: 30,
    maxCoaches: 1,
    liveWorkoutVoice: false,
    importMaxMb: 10,
    chartsPerDay: 10,
    clientSeats: 0,
    liveCuesPerHour: 50,
    speechGenerationsPerHour: 20,
    highlights: [
      { text: "Import from Strong, Hevy and FitNotes" },
      { text: "Training log with unlimited history" },
      { text: "Charts and answers from your own numbers" },
    ],
  },
  pro: {
    label: "Pro",
    priceUsdPerMonth: 12,
    priceUsdPerYear: 120,
    tagline: "A coach that knows your numbers, every day.",
    chatMessagesPerDay: 500,
    maxCoaches: 5,
    liveWorkoutVoice: true,
    importMaxMb: 50,
    chartsPerDay: 200,
    clientSeats: 0,
    liveCuesPerHour: 200,
    speechGenerationsPerHour: 100,
    highlights: [
      { text: "Live workout mode with Alice & Aiden voice cues", feature: "liveWorkoutVoice" },
      { text: "Up to 5 coaches, switch any time" },
      { text: "500 coach messages and 200 charts a day" },
    ],
  },
  trainer: {
    label: "Trainer",
    priceUsdPerMonth: 39,
    priceUsdPerYear: 390,
    tagline: "Coach your athletes with their own data.",
    chatMessagesPerDay: 2000,
    maxCoaches: 25,
    liveWorkoutVoice: true,
    importMaxMb: 100,
    chartsPerDay: 1000,
    clientSeats: 25,
    liveCuesPerHour: 1000,
    speechGenerationsPerHour: 500,
    highlights: [
      { text: "Everything in Pro, with higher limits" },
      { text: "Up to 25 client athletes", feature: "clientSeats" },
      { text: "Imports up to 100 MB" },
    ],
  },
};

export const PLAN_ORDER: Plan[] = ["free", "pro", "trainer"];

export function entitlementsFor(plan: Plan): Entitlements {
  return ENTITLEMENTS[plan];
}

/**
 * Features a plan advertises that are not (fully) in this build. The pricing page labels them
 * "coming soon" until the engineer who ships one flips it to true here — nothing is sold that
 * the server cannot deliver.
 */
export const FEATURE_AVAILABLE = {
  /** Live workout mode (issue 9). */
  liveWorkoutVoice: true,
  /** Trainer plan: invitations, roster, client view, programmes (issue 12). */
  clientSeats: true,
} as const;
export type GatedFeature = keyof typeof FEATURE_AVAILABLE;

export function isFeatureAvailable(feature: GatedFeature): boolean {
  return FEATURE_AVAILABLE[feature];
}

/** The cheapest plan above `plan` that raises `key` (for "upgrade to …" hints), or null. */
export function upgradeFor(plan: Plan, key: keyof Entitlements): Plan | null {
  const current = Number(ENTITLEMENTS[plan][key]);
  for (const p of PLAN_ORDER.slice(PLAN_ORDER.indexOf(plan) + 1)) if (Number(ENTITLEMENTS[p][key]) > current) return p;
  return null;
}

export interface UserEntitlements {
  /** The plan whose limits apply now. */
  plan: Plan;
  limits: Entitlements;
  /** The plan on the subscription row (may differ from `plan`: ended period, expired grace). */
  subscribedPlan: Plan;
  status: SubscriptionStatus | null;
  source: "operator" | "stripe" | null;
  notice: PlanNotice;
  /** When the current paid period ends (renewal, or the end of a canceling subscription). */
  currentPeriodEnd: Date | null;
  cancelAtPeriodEnd: boolean;
}

/** What the user may do right now: the one place every limit reads from. */
export async function getEntitlements(db: Queryable, userId: string, now: Date = new Date()): Promise<UserEntitlements> {
  const row = await getSubscriptionRow(db, userId);
  const { plan, notice } = resolvePlan(row, now);
  return {
    plan,
    limits: ENTITLEMENTS[plan],
    subscribedPlan: row?.plan ?? "free",
    status: row?.status ?? null,
    source: row?.source ?? null,
    notice,
    currentPeriodEnd: row?.currentPeriodEnd ?? null,
    cancelAtPeriodEnd: row?.cancelAtPeriodEnd ?? false,
  };
}
