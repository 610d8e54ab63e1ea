import "server-only";
import { and, desc, eq, lt, or, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { conversations, type Conversation } from "@/db/tables/chat";
import type { ConversationListItem } from "./types";
import { isUuid } from "@/lib/ids/is-uuid";

/** A conversation with no messages for this long is 'inactive'; writing to it makes it active again. */
const INACTIVE_AFTER_MINUTES = 30;

export const DEFAULT_TITLE = "New conversation";

/** The user's conversation, or null — also null for somebody else's (callers answer 404). */
export async function findConversation(db: Queryable, userId: string, conversationId: string): Promise<Conversation | null> {
  const [row] = await db
    .select()
    .from(conversations)
    .where(and(eq(conversations.id, conversationId), eq(conversations.userId, userId)))
    .limit(1);
  return row ?? null;
}

/** The same, with the row locked for the rest of the transaction (serialises concurrent sends). */
export async function lockConversation(tx: Queryable, userId: string, conversationId: string): Promise<Conversation | null> {
  const [row] = await tx
    .select()
    .from(conversations)
    .where(and(eq(conversations.id, conversationId), eq(conversations.userId, userId)))
    .for("update")
    .limit(1);
  return row ?? null;
}

/** Lazily flips the user's quiet conversations to 'inactive' (no background job needed). */
export async function markStaleConversationsInactive(db: Queryable, userId: string): Promise<void> {
  await db
    .update(conversations)
    .set({ status: "inactive" })
    .where(
      and(
        eq(conversations.userId, userId),
        eq(conversations.status, "active"),
        lt(conversations.lastMessageAt, sql`now() - make_interval(mins => ${INACTIVE_AFTER_MINUTES})`),
      ),
    );
}

export function isStale(conversation: Pick<Conversation, "status" | "lastMessageAt">, now = new Date()): boolean {
  return conversation.status === "inactive" || now.getTime() - conversation.lastMessageAt.getTime() > INACTIVE_AFTER_MINUTES * 60_000;
}

interface Cursor {
  at: string;
  id: string;
}

function encodeCursor(c: Cursor): string {
  return Buffer.from(`${c.at}|${c.id}`, "utf8").toString("base64url");
}

function decodeCursor(raw: string | undefined): Cursor | null {
  if (!raw) return null;
  const [at, id] = Buffer.from(raw, "base64url").toString("utf8").split("|");
  if (!at || !id || Number.isNaN(Date.parse(at)) || !isUuid(id)) return null;
  return { at, id };
}

export interface ConversationPage {
  items: ConversationListItem[];
  nextCursor: string | null;
}

/**
 * Most recent first, keyset-paginated on (last_message_at, id). last_message_at is always
 * written from JS (millisecond precision) so the cursor round-trips exactly.
 */
export async function listConversations(
  db: Queryable,
  userId: string,
  { cursor, limit = 20 }: { cursor?: string; limit?: number } = {},
): Promise<ConversationPage> {
  const after = decodeCursor(cursor);
  const rows = await db
    .select({
      id: conversations.id,
      title: conversations.title,
      status: conversations.status,
      lastMessageAt: conversations.lastMessageAt,
    })
    .from(conversations)
    .where(
      and(
        eq(conversations.userId, userId),
        after
          ? or(
              lt(conversations.lastMessageAt, new Date(after.at)),
              and(eq(conversations.lastMessageAt, new Date(after.at)), lt(conversations.id, after.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(conversations.lastMessageAt), desc(conversations.id))
    .limit(limit + 1);
  const now = new Date();
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({
      id: r.id,
      title: r.title,
      status: isStale(r, now) ? "inactive" : "active",
      lastMessageAt: r.lastMessageAt.toISOString(),
    })),
    nextCursor: rows.length > limit && last ? encodeCursor({ at: last.lastMessageAt.toISOString(), id: last.id }) : null,
  };
}

export async function createConversation(db: Queryable, userId: string, values: { title?: string; modelLabel?: string } = {}): Promise<Conversation> {
  const [row] = await db
    .insert(conversations)
    .values({ userId, title: values.title ?? DEFAULT_TITLE, modelLabel: values.modelLabel, lastMessageAt: new Date() })
    .returning();
  return row;
}

/** The same with the id the browser chose; null when that id exists already (anybody's). */
export async function createConversationWithId(
  db: Queryable,
  userId: string,
  id: string,
  values: { modelLabel?: string } = {},
): Promise<Conversation | null> {
  const [row] = await db
    .insert(conversations)
    .values({ id, userId, title: DEFAULT_TITLE, modelLabel: values.modelLabel, lastMessageAt: new Date() })
    .onConflictDoNothing()
    .returning();
  return row ?? null;
}

/** Returns false when the conversation is not the user's (or does not exist). */
export async function renameConversation(db: Queryable, userId: string, conversationId: string, title: string): Promise<boolean> {
  const rows = await db
    .update(conversations)
    .set({ title, updatedAt: sql`now()` })
    .where(and(eq(conversations.id, conversationId), eq(conversations.userId, userId)))
    .returning({ id: conversations.id });
  return rows.length > 0;
}

/** Deletes the conversation with its messages and charts (cascade). False when not the user's. */
export async function deleteConversation(db: Queryable, userId: string, conversationId: string): Promise<boolean> {
  const rows = await db
    .delete(conversations)
    .where(and(eq(conversations.id, conversationId), eq(conversations.userId, userId)))
    .returning({ id: conversations.id });
  return rows.length > 0;
}
