import "server-only";
import { getDb } from "@/db/client";
import type { EntitlementHook } from "@/lib/api/route";
import type { SessionUser } from "@/lib/auth/session";
import { PlanRequiredError } from "@/lib/errors/user-error";
import { ENTITLEMENTS, getEntitlements, upgradeFor, type Entitlements } from "./entitlements";

type Feature = { [K in keyof Entitlements]: Entitlements[K] extends boolean ? K : never }[keyof Entitlements];

/**
 * The entitlement hook for routes (`userRoute({ entitlement: requireEntitlement("liveWorkoutVoice") }, …)`)
 * and the same check for actions (`await requireEntitlement("liveWorkoutVoice")(user)`): throws
 * PlanRequiredError (403, code "plan_required") when the user's current plan lacks the feature,
 * naming the plan that unlocks it.
 */
export function requireEntitlement(feature: Feature, what = "This feature"): EntitlementHook {
  return async (user: SessionUser) => {
    const e = await getEntitlements(getDb(), user.id);
    if (e.limits[feature]) return;
    const to = upgradeFor(e.plan, feature);
    throw new PlanRequiredError(
      `${what} is not included in the ${e.limits.label} plan.${to ? ` Upgrade to ${ENTITLEMENTS[to].label} to use it (see /pricing).` : ""}`,
    );
  };
}
