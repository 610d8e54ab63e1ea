import "server-only";
import type { Queryable } from "@/db/client";
import type { Plan } from "@/db/tables/billing";
import { consumeRateLimit, peekRateLimit, refundRateLimit } from "@/lib/security/rate-limit";
import { ENTITLEMENTS, getEntitlements, upgradeFor, type Entitlements, type UserEntitlements } from "./entitlements";

/**
 * The one allowance check behind every plan limit. Metered limits (per day / per hour) count in
 * Postgres (rate_limit_buckets, shared by every instance); capacity limits (coaches, client
 * seats, import size) compare what the caller measured against the plan. Both answer the same
 * AllowanceResult, with a message that says what unlocks more.
 */
type NumericKey = { [K in keyof Entitlements]: Entitlements[K] extends number ? K : never }[keyof Entitlements];

interface MeterSpec {
  limit: NumericKey;
  windowSeconds: number;
  /** "chat messages" — for messages. */
  noun: string;
  /** "today" / "this hour". */
  period: string;
  resetHint: string;
}

export const METERS = {
  chatMessages: { limit: "chatMessagesPerDay", windowSeconds: 86_400, noun: "chat messages", period: "today", resetHint: "at 00:00 UTC" },
  charts: { limit: "chartsPerDay", windowSeconds: 86_400, noun: "charts", period: "today", resetHint: "at 00:00 UTC" },
  liveCues: { limit: "liveCuesPerHour", windowSeconds: 3_600, noun: "live workout cues", period: "this hour", resetHint: "at the top of the hour" },
  speechGenerations: {
    limit: "speechGenerationsPerHour",
    windowSeconds: 3_600,
    noun: "spoken cues",
    period: "this hour",
    resetHint: "at the top of the hour",
  },
} as const satisfies Record<string, MeterSpec>;
export type Meter = keyof typeof METERS;

const CAPACITIES = {
  coaches: { limit: "maxCoaches", noun: "coaches" },
  clientSeats: { limit: "clientSeats", noun: "client athletes" },
  importMb: { limit: "importMaxMb", noun: "MB per import" },
} as const satisfies Record<string, { limit: NumericKey; noun: string }>;

export type AllowanceRequest =
  /** Count `cost` (default 1) units; `peek` only asks whether the next unit would be allowed. */
  | { meter: Meter; cost?: number; peek?: boolean; now?: Date }
  /** `inUse` already exist; may `adding` (default 1) more? */
  | { capacity: "coaches" | "clientSeats"; inUse: number; adding?: number; now?: Date }
  | { capacity: "importMb"; bytes: number; now?: Date };

export interface AllowanceResult {
  allowed: boolean;
  plan: Plan;
  planLabel: string;
  limit: number;
  /** Units left after this request (metered), or capacity left (capacity). */
  remaining: number;
  /** Metered only: when the window resets. */
  resetAt: Date | null;
  /** The cheapest plan with a higher limit, if any. */
  upgradeTo: Plan | null;
  /** Set when not allowed: what happened and what unlocks more. */
  message: string | null;
}

export function meterKey(meter: Meter, userId: string): string {
  // chat keeps its historical key so counters survive the upgrade of this module.
  return meter === "chatMessages" ? `chat:user:${userId}` : `${meter}:user:${userId}`;
}

const MB = 1024 * 1024;

function upgradeHint(to: Plan | null): string {
  return to ? ` Upgrade to ${ENTITLEMENTS[to].label} for more (see /pricing).` : "";
}

function untilText(resetAt: Date, now: Date): string {
  const hours = Math.max(0, (resetAt.getTime() - now.getTime()) / 3_600_000);
  return hours >= 1 ? `in about ${Math.round(hours)} h` : `in ${Math.max(1, Math.ceil(hours * 60))} min`;
}

/** Checks (and for meters, counts) one request against the user's current plan. */
export async function checkAllowance(db: Queryable, userId: string, req: AllowanceRequest, ents?: UserEntitlements): Promise<AllowanceResult> {
  const now = req.now;
  const e = ents ?? (await getEntitlements(db, userId, now));
  const base = { plan: e.plan, planLabel: e.limits.label };
  if ("meter" in req) {
    const spec: MeterSpec = METERS[req.meter];
    const limit = e.limits[spec.limit];
    const opts = { limit, windowSeconds: spec.windowSeconds, now };
    const r = req.peek
      ? await peekRateLimit(db, meterKey(req.meter, userId), opts)
      : await consumeRateLimit(db, meterKey(req.meter, userId), { ...opts, cost: req.cost ?? 1 });
    const upgradeTo = upgradeFor(e.plan, spec.limit);
    return {
      ...base,
      allowed: r.allowed,
      limit,
      remaining: r.remaining,
      resetAt: r.resetAt,
      upgradeTo,
      message: r.allowed
        ? null
        : `You've used all ${limit} ${spec.noun} ${spec.period} on the ${e.limits.label} plan. ` +
          `The allowance resets ${spec.resetHint} (${untilText(r.resetAt, now ?? new Date())}).${upgradeHint(upgradeTo)}`,
    };
  }
  const spec = CAPACITIES[req.capacity];
  const limit = e.limits[spec.limit];
  const upgradeTo = upgradeFor(e.plan, spec.limit);
  if (req.capacity === "importMb") {
    const allowed = req.bytes <= limit * MB;
    const mb = (req.bytes / MB).toFixed(1);
    return {
      ...base,
      allowed,
      limit,
      remaining: Math.max(0, limit * MB - req.bytes),
      resetAt: null,
      upgradeTo,
      message: allowed ? null : `This file is ${mb} MB; the ${e.limits.label} plan imports files up to ${limit} MB.${upgradeHint(upgradeTo)}`,
    };
  }
  const adding = req.adding ?? 1;
  const allowed = req.inUse + adding <= limit;
  let message: string | null = null;
  if (!allowed) {
    message =
      limit === 0
        ? `The ${e.limits.label} plan does not include ${spec.noun}.${upgradeHint(upgradeTo)}`
        : `The ${e.limits.label} plan includes up to ${limit} ${spec.noun}; you have ${req.inUse}.${upgradeHint(upgradeTo)}`;
  }
  return { ...base, allowed, limit, remaining: Math.max(0, limit - req.inUse - (allowed ? adding : 0)), resetAt: null, upgradeTo, message };
}

/** Gives metered units back (the request they were counted for stored nothing). */
export async function refundAllowance(db: Queryable, userId: string, meter: Meter, opts: { cost?: number; now?: Date } = {}): Promise<void> {
  await refundRateLimit(db, meterKey(meter, userId), { windowSeconds: METERS[meter].windowSeconds, cost: opts.cost, now: opts.now });
}
