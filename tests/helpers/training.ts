import { randomUUID } from "node:crypto";
import { conversations, liveCues, messages, userProfiles, users } from "@/db/schema";
import type { Db } from "@/db/client";

/** A user (optionally with a display name) for training-pipeline tests. */
export async function makeTrainingUser(db: Db, u: { name?: string | null; displayName?: string | null; email?: string } = {}) {
  const [row] = await db
    .insert(users)
    .values({ email: u.email ?? `t-${randomUUID()}@example.com`, name: u.name ?? null })
    .returning({ id: users.id, email: users.email, name: users.name });
  if (u.displayName) await db.insert(userProfiles).values({ userId: row.id, displayName: u.displayName });
  return row;
}

/** A conversation of alternating user/assistant text messages, all at `at`. */
export async function addChat(db: Db, userId: string, turns: { user: string; assistant: string }[], at: Date) {
  const [c] = await db.insert(conversations).values({ userId, lastMessageAt: at, createdAt: at }).returning({ id: conversations.id });
  const values = turns.flatMap((t) => [
    { conversationId: c.id, userId, role: "user" as const, parts: [{ type: "text", text: t.user }], createdAt: at },
    { conversationId: c.id, userId, role: "assistant" as const, parts: [{ type: "text", text: t.assistant }], createdAt: at },
  ]);
  for (let i = 0; i < values.length; i += 200) await db.insert(messages).values(values.slice(i, i + 200));
  return c.id;
}

export async function addCue(
  db: Db,
  userId: string,
  c: { persona?: "alice" | "aiden"; trigger?: string; template?: number | null; feedback?: -1 | 1 | null; text?: string; at: Date },
) {
  await db.insert(liveCues).values({
    userId,
    trigger: c.trigger ?? "set-end",
    kind: "pace",
    persona: c.persona ?? "alice",
    text: c.text ?? "Nice set. Breathe and recover.",
    toast: "Set logged",
    source: "template",
    template: c.template ?? null,
    generationMs: 1,
    feedback: c.feedback ?? null,
    createdAt: c.at,
  });
}
