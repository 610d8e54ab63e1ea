import { beforeAll, describe, expect, it } from "vitest";
import { trainerLinks, users } from "@/db/schema";
import { setPlan } from "@/lib/billing/plan";
import { runClientQuery } from "@/lib/trainer/client-view";
import { useSandboxDatabase } from "./fixtures/sql/db";
import { HOSTILE_CASES, expectHostileOutcome } from "./fixtures/sql/hostile";
import { SEED, USER_A, USER_B } from "./fixtures/sql/seed";

// Every hostile statement of the sandbox suite, run by a trainer over their client A's data: the
// same outcomes as A running it, and nothing of B (not their client) or of the trainer leaks.
describe("SQL sandbox as a trainer", () => {
  const db = useSandboxDatabase();
  const TRAINER = "sbx-trainer";

  beforeAll(async () => {
    await db().db.insert(users).values({ id: TRAINER, email: "sbx-trainer@example.com", name: "T" });
    await setPlan(db().db, TRAINER, "trainer");
    await db()
      .db.insert(trainerLinks)
      .values({ trainerUserId: TRAINER, clientUserId: USER_A, status: "active", acceptedAt: new Date(), expiresAt: new Date() });
  });

  it.each(HOSTILE_CASES.map((c) => [c.group, c.sql.slice(0, 100), c] as const))("%s: %s", async (_g, _s, c) => {
    await expectHostileOutcome(c, (sql) => runClientQuery(db().db, TRAINER, USER_A, sql));
  });

  it("binds the client's id, never another one: B is not the trainer's client", async () => {
    await expect(runClientQuery(db().db, TRAINER, USER_B, "select count(*) as n from sets")).rejects.toMatchObject({ status: 404 });
    const r = await runClientQuery(db().db, TRAINER, USER_A, "select count(*) as n from sets");
    expect(r.rows).toEqual([{ n: SEED.a.sets.length }]);
  });
});
