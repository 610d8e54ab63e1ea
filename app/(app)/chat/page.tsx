import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { ChatView } from "@/components/chat/chat-view";
import { requireUser } from "@/lib/auth/session";
import { DEFAULT_TITLE } from "@/lib/chat/conversations";
import { loadChatChrome } from "@/lib/chat/page-data";

export const metadata: Metadata = { title: "Chat" };
export const dynamic = "force-dynamic";

/** A new conversation: it is created by the first message, and the URL becomes /chat/<id>. */
export default async function NewChatPage() {
  const user = await requireUser();
  const chrome = await loadChatChrome(getDb(), user.id);
  return <ChatView key="new" conversationId={null} title={DEFAULT_TITLE} initialMessages={[]} {...chrome} />;
}
