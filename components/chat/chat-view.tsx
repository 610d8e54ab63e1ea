"use client";

import { useChat } from "@ai-sdk/react";
import { DefaultChatTransport, type DataUIPart } from "ai";
import { Cpu, PanelLeft } from "lucide-react";
import * as React from "react";
import { loadConversationsAction } from "@/lib/chat/actions";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import type { ChatDataTypes, ChatUIMessage, ConversationListItem } from "@/lib/chat/types";
import { uuidv4 } from "@/lib/ids/uuidv4";
import { Composer } from "./composer";
import { ConversationList } from "./conversation-list";
import { MessageItem } from "./message-item";
import { StarterQuestions } from "./starter-questions";

export interface ChatViewProps {
  conversationId: string | null;
  title: string;
  initialMessages: ChatUIMessage[];
  model: { label: string; offline: boolean };
  quota: { remaining: number; limit: number; planLabel: string; resetAt: string };
  conversations: { items: ConversationListItem[]; nextCursor: string | null };
}

interface RequestError {
  message: string;
  code: string;
}

/** Request rejections (nothing stored) come back as JSON { error, code }; stream failures as plain text. */
function parseRequestError(err: Error): RequestError | null {
  try {
    const body = JSON.parse(err.message) as { error?: unknown; code?: unknown };
    if (typeof body.error === "string" && typeof body.code === "string") return { message: body.error, code: body.code };
  } catch {
    // not JSON: a stream failure, shown as it is
  }
  return null;
}

function textOf(m: ChatUIMessage): string {
  return m.parts.map((p) => (p.type === "text" ? p.text : "")).join("");
}

export function ChatView(props: ChatViewProps) {
  const [conversationId, setConversationId] = React.useState(props.conversationId);
  const conversationIdRef = React.useRef(props.conversationId);
  // True from the first send of a new conversation (whose id the browser chose) until the server confirms it.
  const unconfirmedRef = React.useRef(false);
  const [title, setTitle] = React.useState(props.title);
  const [modelLabel, setModelLabel] = React.useState(props.model.label);
  const [items, setItems] = React.useState(props.conversations.items);
  const [cursor, setCursor] = React.useState(props.conversations.nextCursor);
  const [loadingMore, startLoadingMore] = React.useTransition();
  const [input, setInput] = React.useState("");
  const [requestError, setRequestError] = React.useState<RequestError | null>(null);
  const [stopped, setStopped] = React.useState<Set<string>>(() => new Set());
  const [remaining, setRemaining] = React.useState(props.quota.remaining);
  const [sheetOpen, setSheetOpen] = React.useState(false);
  const scroller = React.useRef<HTMLDivElement>(null);
  const stickToBottom = React.useRef(true);

  // One transport for the component's life. It reads conversationIdRef when a message is sent, never
  // during render; the compiler cannot see into DefaultChatTransport, so it assumes the worst.
  const [transport] = React.useState(
    // eslint-disable-next-line react-hooks/refs -- see above: read at send time only
    () =>
      new DefaultChatTransport<ChatUIMessage>({
        api: "/api/chat",
        // Only the new message goes to the server; it rebuilds the history from the database.
        prepareSendMessagesRequest: ({ messages }) => {
          const last = [...messages].reverse().find((m) => m.role === "user");
          return {
            body: {
              ...(conversationIdRef.current
                ? unconfirmedRef.current
                  ? { newConversationId: conversationIdRef.current }
                  : { conversationId: conversationIdRef.current }
                : {}),
              message: { id: last?.id ?? "", text: last ? textOf(last) : "" },
            },
          };
        },
      }),
  );

  const { messages, sendMessage, status, stop, error, regenerate, setMessages, clearError } = useChat<ChatUIMessage>({
    id: props.conversationId ?? undefined,
    messages: props.initialMessages,
    generateId: uuidv4,
    transport,
    experimental_throttle: 40,
    onData: (raw) => {
      const part = raw as DataUIPart<ChatDataTypes>;
      if (part.type === "data-conversation") {
        const info = part.data;
        setModelLabel(info.model);
        unconfirmedRef.current = false;
        if (conversationIdRef.current !== info.id) adoptConversation(info.id);
        setItems((prev) => [
          { id: info.id, title: prev.find((c) => c.id === info.id)?.title ?? info.title, status: "active", lastMessageAt: new Date().toISOString() },
          ...prev.filter((c) => c.id !== info.id),
        ]);
      } else if (part.type === "data-title") {
        const t = part.data.title;
        setTitle(t);
        setItems((prev) => prev.map((c) => (c.id === conversationIdRef.current ? { ...c, title: t } : c)));
      }
    },
    onError: (err) => {
      const rejected = parseRequestError(err);
      if (!rejected) return;
      setRequestError(rejected);
      if (rejected.code === "retry_not_latest") return;
      if (unconfirmedRef.current) {
        // The new conversation was never created: back to a blank /chat.
        const id = conversationIdRef.current;
        unconfirmedRef.current = false;
        conversationIdRef.current = null;
        setConversationId(null);
        setItems((prev) => prev.filter((c) => c.id !== id));
        window.history.replaceState(null, "", "/chat");
      }
      // Nothing was stored: take the message back out of the list and give the text back.
      setMessages((prev) => {
        const last = prev[prev.length - 1];
        if (last?.role === "user") {
          setInput((current) => current || textOf(last));
          return prev.slice(0, -1);
        }
        return prev;
      });
      // The server gives the unit back for anything but a used-up quota.
      setRemaining((r) => (rejected.code === "quota_exceeded" ? 0 : Math.min(props.quota.limit, r + 1)));
    },
    onFinish: ({ message, isAbort }) => {
      if (isAbort) setStopped((s) => new Set(s).add(message.id));
    },
  });

  function adoptConversation(id: string) {
    conversationIdRef.current = id;
    setConversationId(id);
    // Same page, new address: reloading or sharing the URL opens this conversation.
    window.history.replaceState(null, "", `/chat/${id}`);
  }

  const busy = status === "submitted" || status === "streaming";
  const streamError = error && !parseRequestError(error) ? error.message : null;
  const lastAssistantIndex = messages.findLastIndex((m) => m.role === "assistant");
  const lastIsUser = messages.length > 0 && messages[messages.length - 1].role === "user";

  React.useLayoutEffect(() => {
    const el = scroller.current;
    if (el && stickToBottom.current) el.scrollTop = el.scrollHeight;
  }, [messages, status]);

  const onScroll = () => {
    const el = scroller.current;
    if (el) stickToBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 120;
  };

  const send = (text: string) => {
    const trimmed = text.trim();
    if (!trimmed || busy) return;
    if (!conversationIdRef.current) {
      // Name the new conversation now, so a Stop or a reload right after sending finds the message.
      unconfirmedRef.current = true;
      const id = uuidv4();
      adoptConversation(id);
      setItems((prev) => [{ id, title, status: "active", lastMessageAt: new Date().toISOString() }, ...prev]);
    }
    setRequestError(null);
    if (error) clearError();
    stickToBottom.current = true;
    setInput("");
    setRemaining((r) => Math.max(0, r - 1));
    void sendMessage({ text: trimmed });
  };

  const retry = () => {
    setRequestError(null);
    if (error) clearError();
    stickToBottom.current = true;
    void regenerate();
  };

  const loadMore = () => {
    if (!cursor) return;
    startLoadingMore(async () => {
      const res = await loadConversationsAction({ cursor });
      if (res.ok) {
        setItems((prev) => [...prev, ...res.data.items.filter((c) => !prev.some((p) => p.id === c.id))]);
        setCursor(res.data.nextCursor);
      }
    });
  };

  const onRenamed = (id: string, t: string) => {
    setItems((prev) => prev.map((c) => (c.id === id ? { ...c, title: t } : c)));
    if (id === conversationIdRef.current) setTitle(t);
  };
  const onDeleted = (id: string) => {
    setItems((prev) => prev.filter((c) => c.id !== id));
    // A full load, not router.push: the address may come from history.replaceState (a conversation
    // started on this page), and a fresh page is the one sure way to reset useChat's state.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- see above
    if (id === conversationIdRef.current) window.location.assign("/chat");
  };

  const list = (onNavigate?: () => void) => (
    <ConversationList
      items={items}
      activeId={conversationId}
      hasMore={!!cursor}
      loadingMore={loadingMore}
      onLoadMore={loadMore}
      onRenamed={onRenamed}
      onDeleted={onDeleted}
      onNavigate={onNavigate}
    />
  );

  return (
    // Fills the app shell's main area edge to edge: viewport minus the header (and the phone's bottom nav).
    // data-fullbleed hides the shell's footer, so the page itself never scrolls.
    <div
      data-fullbleed
      className="-mx-4 -my-6 flex h-[calc(100dvh-7.5rem-env(safe-area-inset-bottom))] min-h-0 sm:-mx-6 sm:-my-10 sm:h-[calc(100dvh-8rem-env(safe-area-inset-bottom))] md:h-[calc(100dvh-4rem)] lg:border-x lg:border-line"
    >
      <aside className="hidden w-72 shrink-0 flex-col border-r border-line bg-surface/60 pt-3 lg:flex">{list()}</aside>
      <section className="flex min-w-0 flex-1 flex-col" aria-label="Chat">
        {/* The message area uses the full height: the slim header floats over it (messages scroll beneath). */}
        <div ref={scroller} onScroll={onScroll} className="min-h-0 flex-1 overflow-y-auto" data-testid="chat-scroller">
          <header className="sticky top-0 z-10 flex items-center gap-2 border-b border-line bg-chalk/85 px-3 py-1.5 backdrop-blur supports-[backdrop-filter]:bg-chalk/70 sm:px-5">
            <Dialog open={sheetOpen} onOpenChange={setSheetOpen}>
              <DialogTrigger asChild>
                <Button variant="ghost" size="icon" className="lg:hidden" aria-label="Conversations">
                  <PanelLeft aria-hidden />
                </Button>
              </DialogTrigger>
              <DialogContent className="flex max-h-[80dvh] flex-col px-0 pb-4">
                <DialogTitle className="px-5 pb-3">Conversations</DialogTitle>
                {list(() => setSheetOpen(false))}
              </DialogContent>
            </Dialog>
            <h1 className="min-w-0 flex-1 truncate text-base font-semibold text-ink" data-testid="chat-title">
              {title}
            </h1>
            <Badge
              tone={props.model.offline ? "neutral" : "info"}
              title={`Answering: ${modelLabel}`}
              className="max-w-[45%] sm:max-w-none"
              data-testid="chat-model"
            >
              <Cpu aria-hidden />
              <span className="truncate">{modelLabel}</span>
            </Badge>
          </header>
          <div className="mx-auto w-full max-w-3xl px-3 py-4 sm:px-5">
            {messages.length === 0 ? (
              <StarterQuestions onPick={send} disabled={busy || remaining <= 0} />
            ) : (
              <ol className="space-y-5" role="log" aria-label="Messages" aria-busy={busy} data-testid="chat-messages">
                {messages.map((m, i) => {
                  const isLast = i === lastAssistantIndex && i === messages.length - 1;
                  const live = busy && isLast;
                  const storedError = m.metadata?.status === "error" ? (m.metadata.errorMessage ?? "This answer failed.") : null;
                  const err = isLast && streamError ? streamError : storedError;
                  return (
                    <MessageItem
                      key={m.id}
                      message={m}
                      streaming={live}
                      error={err}
                      stopped={stopped.has(m.id)}
                      onRetry={isLast && err && !busy ? retry : undefined}
                    />
                  );
                })}
                {status === "submitted" && lastIsUser ? (
                  <li className="text-sm text-ink-muted" aria-live="polite">
                    Sending…
                  </li>
                ) : null}
                {!busy && lastIsUser && streamError ? (
                  <li>
                    <Alert
                      tone="danger"
                      title="The coach could not answer"
                      action={
                        <Button size="sm" variant="secondary" onClick={retry}>
                          Retry
                        </Button>
                      }
                    >
                      {streamError}
                    </Alert>
                  </li>
                ) : null}
              </ol>
            )}
          </div>
        </div>

        <div className="border-t border-line bg-chalk/90 px-3 pt-2 pb-[max(0.5rem,env(safe-area-inset-bottom))] sm:px-5">
          {requestError ? (
            <Alert
              tone={requestError.code === "quota_exceeded" ? "warning" : "danger"}
              title={requestError.code === "quota_exceeded" ? "Daily message limit reached" : "Message not sent"}
              className="mx-auto mb-3 max-w-3xl"
              data-testid={requestError.code === "quota_exceeded" ? "chat-quota" : "chat-request-error"}
            >
              {requestError.message}
            </Alert>
          ) : null}
          <Composer
            value={input}
            onChange={setInput}
            onSend={() => send(input)}
            onStop={() => stop()}
            busy={busy}
            hintOnPhones={remaining <= 5}
            hint={
              <span className="tabular">
                {remaining} of {props.quota.limit} messages left today ({props.quota.planLabel})
              </span>
            }
          />
        </div>
      </section>
    </div>
  );
}
