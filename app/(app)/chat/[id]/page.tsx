import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { ChatView } from "@/components/chat/chat-view";
import { requireUser } from "@/lib/auth/session";
import { findConversation } from "@/lib/chat/conversations";
import { loadConversationMessages } from "@/lib/chat/messages";
import { loadChatChrome } from "@/lib/chat/page-data";
import { conversationIdSchema } from "@/lib/chat/schemas";

export const metadata: Metadata = { title: "Chat" };
export const dynamic = "force-dynamic";

export default async function ConversationPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const parsed = conversationIdSchema.safeParse({ conversationId: (await params).id });
  if (!parsed.success) notFound();
  const db = getDb();
  // Somebody else's conversation looks exactly like one that does not exist.
  const conversation = await findConversation(db, user.id, parsed.data.conversationId);
  if (!conversation) notFound();
  const [messages, chrome] = await Promise.all([loadConversationMessages(db, user.id, conversation.id), loadChatChrome(db, user.id)]);
  return <ChatView key={conversation.id} conversationId={conversation.id} title={conversation.title} initialMessages={messages} {...chrome} />;
}
