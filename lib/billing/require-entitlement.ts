import { getDb } from "@/db/client";
import type { EntitlementHook } from "@/lib/api/route";
import type { SessionUser } from "@/lib/auth/session";
import { PlanRequiredError } from "@/lib/errors/user-error";
import { getPlan } from "@/lib/users/plan";
import { entitlementsFor, type Entitlements } from "./entitlements";

type Feature = { [K in keyof Entitlements]: Entitlements[K] extends boolean ? K : never }[keyof Entitlements];

/**
 * The entitlement hook for routes (`userRoute({ entitlement: requireEntitlement("liveWorkoutVoice") }, …)`)
 * and the check for actions (`await requireEntitlement("liveWorkoutVoice")(user)`): throws
 * PlanRequiredError (403, code "plan_required") when the user's current plan lacks the feature.
 */
export function requireEntitlement(feature: Feature, message = "Your plan doesn't include this. Upgrade to use it."): EntitlementHook {
  return async (user: SessionUser) => {
    const plan = await getPlan(getDb(), user.id);
    if (!entitlementsFor(plan)[feature]) throw new PlanRequiredError(message);
  };
}
