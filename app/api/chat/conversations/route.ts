import { getDb } from "@/db/client";
import { userRoute } from "@/lib/api/route";
import { listConversations } from "@/lib/chat/conversations";
import { listConversationsQuerySchema } from "@/lib/chat/schemas";

export const dynamic = "force-dynamic";

/** GET /api/chat/conversations?cursor=&limit= — the signed-in user's conversations, newest first. */
export const GET = userRoute(
  { name: "chat/conversations", input: listConversationsQuerySchema, unauthenticated: "Sign in to read conversations." },
  async ({ user, input }) => listConversations(getDb(), user.id, input),
);
