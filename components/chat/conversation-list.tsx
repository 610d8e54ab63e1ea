"use client";

import { MessageSquarePlus, MoreHorizontal, Pencil, Trash2 } from "lucide-react";
import Link from "next/link";
import * as React from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { FieldError } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { RelativeTime } from "@/components/ui/relative-time";
import { deleteConversationAction, renameConversationAction } from "@/lib/chat/actions";
import type { ConversationListItem } from "@/lib/chat/types";

export interface ConversationListProps {
  items: ConversationListItem[];
  activeId: string | null;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  onRenamed: (id: string, title: string) => void;
  onDeleted: (id: string) => void;
  /** Called when a link is followed (closes the phone sheet). */
  onNavigate?: () => void;
}

export function ConversationList({ items, activeId, hasMore, loadingMore, onLoadMore, onRenamed, onDeleted, onNavigate }: ConversationListProps) {
  const [renaming, setRenaming] = React.useState<ConversationListItem | null>(null);
  const [deleting, setDeleting] = React.useState<ConversationListItem | null>(null);

  return (
    <nav aria-label="Conversations" className="flex min-h-0 flex-1 flex-col">
      <div className="px-3 pb-2">
        <Button asChild variant="secondary" className="w-full justify-start">
          <Link href="/chat" onClick={onNavigate} data-testid="new-conversation">
            <MessageSquarePlus aria-hidden />
            New conversation
          </Link>
        </Button>
      </div>
      {items.length === 0 ? (
        <p className="px-4 py-6 text-sm text-ink-muted">Your conversations with the coach will appear here.</p>
      ) : (
        <ul className="min-h-0 flex-1 space-y-0.5 overflow-y-auto px-2 pb-3" data-testid="conversation-list">
          {items.map((c) => {
            const active = c.id === activeId;
            return (
              <li key={c.id} className={cn("group flex items-center rounded-lg", active ? "bg-sunken" : "hover:bg-sunken/70")}>
                <Link href={`/chat/${c.id}`} onClick={onNavigate} aria-current={active ? "page" : undefined} className="min-w-0 flex-1 px-3 py-2">
                  <span className={cn("block truncate text-sm", active ? "font-semibold text-ink" : "text-ink-soft")}>{c.title}</span>
                  <span className="flex items-center gap-1.5 text-xs text-ink-muted">
                    {c.status === "active" ? <span className="size-1.5 rounded-full bg-accent-strong" aria-label="active" /> : null}
                    <RelativeTime iso={c.lastMessageAt} />
                  </span>
                </Link>
                <DropdownMenu>
                  <DropdownMenuTrigger asChild>
                    <Button
                      variant="ghost"
                      size="icon"
                      className="mr-1 size-8 shrink-0 opacity-100 sm:opacity-0 sm:group-hover:opacity-100 sm:focus-visible:opacity-100 sm:data-[state=open]:opacity-100"
                      aria-label={`Options for ${c.title}`}
                    >
                      <MoreHorizontal aria-hidden />
                    </Button>
                  </DropdownMenuTrigger>
                  <DropdownMenuContent>
                    <DropdownMenuItem onSelect={() => setRenaming(c)}>
                      <Pencil aria-hidden /> Rename
                    </DropdownMenuItem>
                    <DropdownMenuItem destructive onSelect={() => setDeleting(c)}>
                      <Trash2 aria-hidden /> Delete
                    </DropdownMenuItem>
                  </DropdownMenuContent>
                </DropdownMenu>
              </li>
            );
          })}
          {hasMore ? (
            <li className="px-1 pt-2">
              <Button variant="ghost" size="sm" className="w-full" onClick={onLoadMore} loading={loadingMore}>
                Show older conversations
              </Button>
            </li>
          ) : null}
        </ul>
      )}
      <RenameDialog item={renaming} onClose={() => setRenaming(null)} onRenamed={onRenamed} />
      <DeleteDialog item={deleting} onClose={() => setDeleting(null)} onDeleted={onDeleted} />
    </nav>
  );
}

function RenameDialog({
  item,
  onClose,
  onRenamed,
}: {
  item: ConversationListItem | null;
  onClose: () => void;
  onRenamed: (id: string, title: string) => void;
}) {
  const [title, setTitle] = React.useState("");
  const [error, setError] = React.useState<string | null>(null);
  const [pending, start] = React.useTransition();
  // Opening the dialog for another conversation starts from its title (state adjusted while rendering).
  const [shownItem, setShownItem] = React.useState(item);
  if (item !== shownItem) {
    setShownItem(item);
    if (item) {
      setTitle(item.title);
      setError(null);
    }
  }
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!item) return;
    start(async () => {
      const res = await renameConversationAction({ conversationId: item.id, title });
      if (!res.ok) {
        setError(res.fieldErrors?.title?.[0] ?? res.error);
        return;
      }
      onRenamed(item.id, res.data.title);
      onClose();
    });
  };
  return (
    <Dialog open={!!item} onOpenChange={(o) => !o && onClose()}>
      <DialogContent>
        <form onSubmit={submit}>
          <DialogHeader>
            <DialogTitle>Rename conversation</DialogTitle>
            <DialogDescription>Only you see this name.</DialogDescription>
          </DialogHeader>
          <label htmlFor="conversation-title" className="sr-only">
            Name
          </label>
          <Input
            id="conversation-title"
            value={title}
            maxLength={120}
            autoFocus
            onChange={(e) => setTitle(e.target.value)}
            aria-invalid={!!error}
            aria-describedby="conversation-title-error"
          />
          <FieldError id="conversation-title-error" error={error ?? undefined} />
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="secondary">Cancel</Button>
            </DialogClose>
            <Button type="submit" loading={pending}>
              Save
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

function DeleteDialog({ item, onClose, onDeleted }: { item: ConversationListItem | null; onClose: () => void; onDeleted: (id: string) => void }) {
  const [pending, start] = React.useTransition();
  const confirm = () => {
    if (!item) return;
    start(async () => {
      const res = await deleteConversationAction({ conversationId: item.id });
      if (!res.ok) {
        toast.error(res.error);
        return;
      }
      onDeleted(item.id);
      onClose();
      toast.success("Conversation deleted");
    });
  };
  return (
    <Dialog open={!!item} onOpenChange={(o) => !o && onClose()}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Delete “{item?.title}”?</DialogTitle>
          <DialogDescription>
            The messages and charts in this conversation are deleted for good. Workouts you logged from it stay in your log.
          </DialogDescription>
        </DialogHeader>
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="secondary">Cancel</Button>
          </DialogClose>
          <Button variant="danger" onClick={confirm} loading={pending}>
            Delete
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
