import { eq, sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { messages, users } from "@/db/schema";
import { useTestDatabase } from "./helpers/db";
import { chatRequest } from "./chat-support";

const state = vi.hoisted(() => ({ user: null as null | { id: string; email: string; name: string | null } }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => state.user }));

import { handleChatPost } from "@/lib/chat/handler";

const db = useTestDatabase();

/** A statement through the shared handle (the embedded database serialises them behind one mutex). */
async function dbAnswersWithin(ms: number): Promise<boolean> {
  const probe = db()
    .db.execute(sql`select 1 as one`)
    .then(() => true);
  return Promise.race([probe, new Promise<boolean>((r) => setTimeout(() => r(false), ms))]);
}

// The e2e flake "stopping right after sending" was suspected to leave the embedded database locked by an
// aborted reply. These stop the real offline coach (a log_workout tool call, then text) at different
// moments and prove the database answers at once and the reply is stored as finished, never left 'streaming'.
describe("stopping a reply (the built-in coach) at any moment", () => {
  for (const delay of [0, 5, 30, 150]) {
    it(`after ${delay} ms: the message is kept, the reply is closed and the database stays usable`, async () => {
      const [u] = await db()
        .db.insert(users)
        .values({ email: `stop-${crypto.randomUUID()}@chat.test`, name: "Stop" })
        .returning({ id: users.id, email: users.email, name: users.name });
      state.user = u;
      const abort = new AbortController();
      const conversationId = crypto.randomUUID();
      const pending = handleChatPost(
        chatRequest({ newConversationId: conversationId, message: { id: crypto.randomUUID(), text: "Log: squat 3x5 at 100kg" } }, abort.signal),
      );
      await new Promise((r) => setTimeout(r, delay));
      abort.abort();
      await (await pending).body?.cancel().catch(() => {});

      let rows: (typeof messages.$inferSelect)[] = [];
      for (let i = 0; i < 200; i++) {
        rows = await db().db.select().from(messages).where(eq(messages.conversationId, conversationId)).orderBy(messages.seq);
        if (rows.length === 2 && rows[1].status !== "streaming") break;
        await new Promise((r) => setTimeout(r, 25));
      }
      expect(rows.map((r) => r.role)).toEqual(["user", "assistant"]);
      expect(rows[1].status).not.toBe("streaming");
      expect(await dbAnswersWithin(2_000)).toBe(true);
    });
  }
});
