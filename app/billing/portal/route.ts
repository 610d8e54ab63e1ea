import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/auth/session";
import { browserUrl, openPortal } from "@/lib/billing/checkout";
import { billingMode } from "@/lib/billing/config";
import { appOrigin } from "@/lib/billing/origin";
import { logError } from "@/lib/log/redact";

/** GET /billing/portal — "Manage billing": a fresh Customer Portal session for the signed-in user. */
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const origin = appOrigin(request);
  const user = await getCurrentUser();
  if (!user) return NextResponse.redirect(new URL(`/sign-in?next=${encodeURIComponent("/settings/billing")}`, origin), 303);
  if (billingMode() === "off") return NextResponse.redirect(new URL("/settings/billing?notice=billing_off", origin), 303);
  try {
    const url = await openPortal(getDb(), user.id, `${origin}/settings/billing`);
    return NextResponse.redirect(new URL(browserUrl(url), origin), 303);
  } catch (error) {
    logError("[billing] portal could not open", error);
    return NextResponse.redirect(new URL("/settings/billing?notice=portal_failed", origin), 303);
  }
}
