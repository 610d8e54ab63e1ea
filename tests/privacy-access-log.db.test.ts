import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { dataAccessLog, users } from "@/db/schema";
import queryCommand from "@/lib/admin/commands/query";
import { listDataAccess, recordDataAccess } from "@/lib/privacy/access-log";
import { createUser } from "@/lib/users/create-user";
import { useTestDatabase } from "./helpers/db";

describe("data access log", () => {
  const t = useTestDatabase();

  it("records operator and trainer reads for the subject only, newest first", async () => {
    const db = t().db;
    const lifter = await createUser(db, { email: "log-lifter@example.com" });
    const other = await createUser(db, { email: "log-other@example.com" });
    const trainer = await createUser(db, { email: "log-trainer@example.com" });
    await recordDataAccess(db, {
      subjectUserId: lifter.id,
      actorUserId: null,
      actorKind: "operator",
      what: "Full data export",
      via: "admin CLI: export",
    });
    await new Promise((r) => setTimeout(r, 5));
    await recordDataAccess(db, {
      subjectUserId: lifter.id,
      actorUserId: trainer.id,
      actorKind: "trainer",
      what: "Training log",
      via: "trainer roster",
    });
    await recordDataAccess(db, {
      subjectUserId: other.id,
      actorUserId: null,
      actorKind: "operator",
      what: "Billing events",
      via: "admin CLI: billing events",
    });

    const log = await listDataAccess(db, lifter.id);
    expect(log.map((r) => [r.actorKind, r.what, r.actorUserId])).toEqual([
      ["trainer", "Training log", trainer.id],
      ["operator", "Full data export", null],
    ]);
    expect(await listDataAccess(db, other.id)).toHaveLength(1);
    expect(log[0].at).toBeInstanceOf(Date);
  });

  it("refuses an unknown actor kind or an empty description, and writes nothing", async () => {
    const db = t().db;
    const u = await createUser(db, { email: "log-bad@example.com" });
    await expect(
      recordDataAccess(db, { subjectUserId: u.id, actorUserId: null, actorKind: "hacker" as never, what: "x", via: "y" }),
    ).rejects.toThrow();
    await expect(recordDataAccess(db, { subjectUserId: u.id, actorUserId: null, actorKind: "operator", what: "  ", via: "y" })).rejects.toThrow();
    expect(await listDataAccess(db, u.id)).toEqual([]);
  });

  it("keeps the entry when the reader's account is deleted, and drops it with the subject's", async () => {
    const db = t().db;
    const lifter = await createUser(db, { email: "log-subject@example.com" });
    const trainer = await createUser(db, { email: "log-gone-trainer@example.com" });
    await recordDataAccess(db, {
      subjectUserId: lifter.id,
      actorUserId: trainer.id,
      actorKind: "trainer",
      what: "Training log",
      via: "trainer roster",
    });
    await db.delete(users).where(eq(users.id, trainer.id));
    const [row] = await listDataAccess(db, lifter.id);
    expect(row).toMatchObject({ actorKind: "trainer", actorUserId: null });
    await db.delete(users).where(eq(users.id, lifter.id));
    expect(await db.select().from(dataAccessLog).where(eq(dataAccessLog.subjectUserId, lifter.id))).toEqual([]);
  });

  it("an operator's `admin query` is logged as an operator read", async () => {
    const db = t().db;
    const u = await createUser(db, { email: "log-query@example.com" });
    await queryCommand.run({ db, values: { email: u.email }, positionals: ["select count(*) as n from sets"] });
    const [row] = await listDataAccess(db, u.id);
    expect(row).toMatchObject({ actorKind: "operator", actorUserId: null, via: "admin CLI: query" });
  });
});
