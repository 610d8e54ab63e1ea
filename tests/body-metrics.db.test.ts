import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { bodyMetrics, userProfiles } from "@/db/schema";
import { runSandboxedQuery } from "@/lib/sql";
import { createUser } from "@/lib/users/create-user";
import { useTestDatabase } from "./helpers/db";

const session = vi.hoisted(() => ({ user: null as { id: string; email: string; name: string | null } | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user, requireUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const { saveBodyMetricAction, deleteBodyMetricAction } = await import("@/lib/body-metrics/actions");

describe("body metrics", () => {
  const t = useTestDatabase();
  beforeEach(() => {
    session.user = null;
  });

  it("logs, replaces, edits and deletes a day; the chat's SQL sandbox reads the same rows", async () => {
    const db = t().db;
    const u = await createUser(db, { email: `body-${Date.now()}@x.test` });
    session.user = u;
    const first = await saveBodyMetricAction({ date: "2026-12-01", bodyweight: "82.4", sleepHours: "7,5", restingHr: "52" });
    expect(first).toMatchObject({ ok: true });
    // Same date again replaces the values (one entry a day).
    expect(await saveBodyMetricAction({ date: "2026-12-01", bodyweight: "82.0" })).toMatchObject({ ok: true });
    let rows = await db.select().from(bodyMetrics).where(eq(bodyMetrics.userId, u.id));
    expect(rows).toEqual([expect.objectContaining({ date: "2026-12-01", bodyweightKg: 82, sleepHours: null, restingHr: null })]);

    const second = await saveBodyMetricAction({ date: "2026-12-02", sleepHours: "6" });
    if (!second.ok) throw new Error(second.error);
    // Moving an entry onto a day that has one is refused, nothing changes.
    expect(await saveBodyMetricAction({ id: second.data.id, date: "2026-12-01", sleepHours: "6" })).toMatchObject({
      ok: false,
      code: "body_metric_day_taken",
    });
    expect(await saveBodyMetricAction({ id: second.data.id, date: "2026-12-03", sleepHours: "6.5", restingHr: "50" })).toMatchObject({ ok: true });

    const sandbox = await runSandboxedQuery({ userId: u.id, sql: "select date::text as d, sleep_hours from body_metrics order by date" });
    expect(sandbox.rows).toEqual(
      [
        { d: "2026-12-01", sleep_hours: null },
        { d: "2026-12-03", sleep_hours: 6.5 },
      ].map((r) => expect.objectContaining({ d: r.d })),
    );

    expect(await deleteBodyMetricAction({ id: second.data.id })).toMatchObject({ ok: true });
    rows = await db.select().from(bodyMetrics).where(eq(bodyMetrics.userId, u.id));
    expect(rows.map((r) => r.date)).toEqual(["2026-12-01"]);
  });

  it("converts pounds with the profile's unit and refuses bad values field by field", async () => {
    const db = t().db;
    const u = await createUser(db, { email: `body-lb-${Date.now()}@x.test` });
    await db.update(userProfiles).set({ units: "lb" }).where(eq(userProfiles.userId, u.id));
    session.user = u;
    expect(await saveBodyMetricAction({ date: "2026-12-01", bodyweight: "180" })).toMatchObject({ ok: true });
    const [row] = await db.select().from(bodyMetrics).where(eq(bodyMetrics.userId, u.id));
    expect(row.bodyweightKg).toBeCloseTo(81.65, 2);

    expect(await saveBodyMetricAction({ date: "2026-12-02" })).toMatchObject({
      ok: false,
      fieldErrors: { bodyweight: [expect.stringMatching(/at least one/)] },
    });
    expect(await saveBodyMetricAction({ date: "2026-02-30", sleepHours: "7" })).toMatchObject({
      ok: false,
      fieldErrors: { date: expect.any(Array) },
    });
    expect(await saveBodyMetricAction({ date: "2026-12-02", sleepHours: "25" })).toMatchObject({
      ok: false,
      fieldErrors: { sleepHours: expect.any(Array) },
    });
    expect(await saveBodyMetricAction({ date: "2026-12-02", restingHr: "61.5" })).toMatchObject({
      ok: false,
      fieldErrors: { restingHr: expect.any(Array) },
    });
    expect(await saveBodyMetricAction({ date: "2026-12-02", bodyweight: "abc" })).toMatchObject({
      ok: false,
      fieldErrors: { bodyweight: expect.any(Array) },
    });
    expect(await saveBodyMetricAction({ date: "2026-12-02", bodyweight: "1000" })).toMatchObject({
      ok: false,
      fieldErrors: { bodyweight: [expect.stringMatching(/between 20 and 400 kg/)] },
    });
    expect(await db.select().from(bodyMetrics).where(eq(bodyMetrics.userId, u.id))).toHaveLength(1);
  });

  it("never touches another user's entry, and refuses a signed-out caller", async () => {
    const db = t().db;
    const owner = await createUser(db, { email: `body-own-${Date.now()}@x.test` });
    const other = await createUser(db, { email: `body-oth-${Date.now()}@x.test` });
    const [row] = await db.insert(bodyMetrics).values({ userId: owner.id, date: "2026-12-01", restingHr: 60 }).returning();
    expect(await deleteBodyMetricAction({ id: row.id })).toMatchObject({ ok: false, code: "unauthenticated" });
    session.user = other;
    expect(await deleteBodyMetricAction({ id: row.id })).toMatchObject({ ok: false, code: "not_found" });
    expect(await saveBodyMetricAction({ id: row.id, date: "2026-12-01", restingHr: "40" })).toMatchObject({ ok: false, code: "not_found" });
    const [still] = await db.select().from(bodyMetrics).where(eq(bodyMetrics.id, row.id));
    expect(still.restingHr).toBe(60);
  });
});
