import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/auth/session";
import { listConversations } from "@/lib/chat/conversations";
import { listConversationsQuerySchema } from "@/lib/chat/schemas";

export const dynamic = "force-dynamic";

/** GET /api/chat/conversations?cursor=&limit= — the signed-in user's conversations, newest first. */
export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: "Sign in to read conversations.", code: "unauthorized" }, { status: 401 });
  const url = new URL(request.url);
  const parsed = listConversationsQuerySchema.safeParse({
    cursor: url.searchParams.get("cursor") ?? undefined,
    limit: url.searchParams.get("limit") ?? undefined,
  });
  if (!parsed.success) return Response.json({ error: parsed.error.issues[0]?.message ?? "Invalid query.", code: "bad_request" }, { status: 400 });
  const page = await listConversations(getDb(), user.id, parsed.data);
  return Response.json(page, { headers: { "cache-control": "no-store" } });
}
