import { billingMode } from "@/lib/billing/config";
import { handleLocalStripe } from "@/lib/billing/local/api";
import { appLocalApiContext } from "@/lib/billing/local/runtime";

/** The local test-mode Stripe (billing's embedded default), also reachable as /v1/… (next.config rewrite). */
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

async function handle(request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  if (billingMode() !== "local") {
    return Response.json(
      { error: { type: "invalid_request_error", message: "The local test-mode Stripe is not active on this server." } },
      { status: 404 },
    );
  }
  const { path } = await params;
  return handleLocalStripe(request, appLocalApiContext(), `/v1/${path.join("/")}`);
}

export { handle as GET, handle as POST, handle as DELETE };
