import { describe, expect, it } from "vitest";
import { runSandboxedQuery } from "@/lib/sql";
import { useSandboxDatabase } from "./fixtures/sql/db";
import { HOSTILE_CASES, expectHostileOutcome } from "./fixtures/sql/hostile";
import { SEED, USER_A } from "./fixtures/sql/seed";

// Every hostile statement through the full sandbox (all layers), as user A.
describe("SQL sandbox: hostile statements are rejected or contained", () => {
  const db = useSandboxDatabase();

  it.each(HOSTILE_CASES.map((c) => [c.group, c.sql.slice(0, 100), c] as const))("%s: %s", async (_g, _s, c) => {
    await expectHostileOutcome(c, (sql) => runSandboxedQuery({ userId: USER_A, sql }));
  });

  it("lost no data and still answers after all of that", async () => {
    const r = await runSandboxedQuery({ userId: USER_A, sql: "select count(*) as n from sets" });
    expect(r.rows).toEqual([{ n: SEED.a.sets.length }]);
    const raw = await db().db.execute<{ n: number }>("select count(*)::int as n from exercise_sets" as never);
    expect(Number(raw.rows[0].n)).toBe(SEED.a.sets.length + SEED.b.sets.length);
  });
});
