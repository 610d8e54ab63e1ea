import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/auth/session";
import { findConversation, isStale } from "@/lib/chat/conversations";
import { loadConversationMessages } from "@/lib/chat/messages";
import { conversationIdSchema } from "@/lib/chat/schemas";

export const dynamic = "force-dynamic";

const notFound = () => Response.json({ error: "This conversation does not exist.", code: "not_found" }, { status: 404 });

/** GET /api/chat/:id — the conversation and its messages (charts included). 404 unless it is yours. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: "Sign in to read conversations.", code: "unauthorized" }, { status: 401 });
  const parsed = conversationIdSchema.safeParse({ conversationId: (await params).id });
  if (!parsed.success) return notFound();
  const db = getDb();
  const conversation = await findConversation(db, user.id, parsed.data.conversationId);
  if (!conversation) return notFound();
  const messages = await loadConversationMessages(db, user.id, conversation.id);
  return Response.json(
    {
      conversation: {
        id: conversation.id,
        title: conversation.title,
        status: isStale(conversation) ? "inactive" : "active",
        lastMessageAt: conversation.lastMessageAt.toISOString(),
        modelLabel: conversation.modelLabel,
      },
      messages,
    },
    { headers: { "cache-control": "no-store" } },
  );
}
