import { randomUUID } from "node:crypto";
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
  // A fresh key per request: after the first reply the URL reads /chat/<id> (history.replaceState)
  // while this page stays mounted, so "New conversation" must remount the view, not reuse it.
  return <ChatView key={randomUUID()} conversationId={null} title={DEFAULT_TITLE} initialMessages={[]} {...chrome} />;
}
