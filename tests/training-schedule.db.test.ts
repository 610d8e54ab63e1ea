import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { trainingBatches, trainingRecords } from "@/db/schema";
import { grantTrainingConsent } from "@/lib/training/consent";
import { maybeRunTrainingChores } from "@/lib/training/schedule";
import { useTestDatabase } from "./helpers/db";
import { addChat, makeTrainingUser } from "./helpers/training";

const db = useTestDatabase();
const H = 3_600_000;
const D = 24 * H;

describe("training chores run by the app", () => {
  it("collect and export a closed period's batch once an hour across instances, without an operator", async () => {
    const start = new Date("2026-03-10T12:00:00Z");
    const user = await makeTrainingUser(db().db, { name: "Sam Lifter", displayName: "Sam", email: `sam-${crypto.randomUUID()}@example.com` });
    await grantTrainingConsent(db().db, user.id, { now: new Date(start.getTime() - 2 * D) });
    await addChat(
      db().db,
      user.id,
      [{ user: "How was my bench last week?", assistant: "Three sets of 5 at 80 kg." }],
      new Date(start.getTime() - 3 * H),
    );

    // The first instance this hour does the work; a second one in the same hour is turned away.
    expect(await maybeRunTrainingChores(db().db, start)).toBe(true);
    expect(await maybeRunTrainingChores(db().db, start)).toBe(false);
    const [record] = await db().db.select().from(trainingRecords).where(eq(trainingRecords.userId, user.id));
    expect(record.state).toBe("created");

    // Weeks later (the gate is a real hourly window, so wait for it to reopen) the month is closed: one batch.
    await db().db.execute(sql`delete from rate_limit_buckets where key like ${"job:training-chores%"}`);
    expect(await maybeRunTrainingChores(db().db, new Date(start.getTime() + 40 * D))).toBe(true);
    const batches = await db().db.select().from(trainingBatches).where(eq(trainingBatches.cadence, "monthly"));
    expect(batches.map((b) => b.recordCount)).toEqual([1]);
    expect(await db().db.select().from(trainingRecords).where(eq(trainingRecords.userId, user.id))).toEqual([]); // exported: unlinked
  });
});
