import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/auth/session";
import { browserUrl, startCheckout } from "@/lib/billing/checkout";
import { billingMode, isLookupKey } from "@/lib/billing/config";
import { appOrigin } from "@/lib/billing/origin";
import { logError } from "@/lib/log/redact";

/**
 * GET /billing/checkout?price=spotter_pro_monthly — the pricing page's plan buttons. Signed-out
 * visitors sign up first and come back here; a paying user is sent to the portal instead.
 */
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const url = new URL(request.url);
  const origin = appOrigin(request);
  const price = url.searchParams.get("price");
  if (!isLookupKey(price)) return NextResponse.redirect(new URL("/pricing", origin), 303);
  const user = await getCurrentUser();
  if (!user) return NextResponse.redirect(new URL(`/sign-up?next=${encodeURIComponent(`/billing/checkout?price=${price}`)}`, origin), 303);
  if (billingMode() === "off") return NextResponse.redirect(new URL("/settings/billing?notice=billing_off", origin), 303);
  try {
    const started = await startCheckout(getDb(), user.id, price, origin);
    return NextResponse.redirect(new URL(browserUrl(started.url), origin), 303);
  } catch (error) {
    logError("[billing] checkout could not start", error);
    return NextResponse.redirect(new URL("/settings/billing?notice=checkout_failed", origin), 303);
  }
}
