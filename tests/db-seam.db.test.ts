import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { users, workoutSessions } from "@/db/schema";
import { migrate } from "@/db/migrate";
import { useTestDatabase } from "./helpers/db";

describe("database seam", () => {
  const db = useTestDatabase();

  it("migrations are idempotent", async () => {
    expect(await migrate(db().db)).toEqual([]);
  });

  it("serialises concurrent transactions so none sees another's uncommitted rows", async () => {
    const [u] = await db()
      .db.insert(users)
      .values({ email: `seam-${Date.now()}@x.test` })
      .returning();
    const seen: number[] = [];
    await Promise.all(
      [0, 1, 2, 3].map((i) =>
        db()
          .db.transaction(async (tx) => {
            await tx.insert(workoutSessions).values({ userId: u.id, name: `S${i}`, startedAt: new Date() });
            const r = await tx.execute<{ n: number }>(sql`select count(*)::int as n from workout_sessions where user_id = ${u.id}`);
            seen.push(Number(r.rows[0].n));
            if (i === 2) throw new Error("rollback me");
          })
          .catch((e: Error) => e.message),
      ),
    );
    const rows = await db()
      .db.select()
      .from(workoutSessions)
      .where(sql`user_id = ${u.id}`);
    expect(rows.map((r) => r.name).sort()).toEqual(["S0", "S1", "S3"]);
    if (db().kind === "pglite") expect(seen.sort()).toEqual([1, 2, 3, 3]);
  });
});
