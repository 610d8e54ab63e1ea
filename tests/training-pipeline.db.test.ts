import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { trainingBatches, trainingRecords } from "@/db/schema";
import { setPlan } from "@/lib/billing/plan";
import { exportDueBatches, periodOf } from "@/lib/training/batches";
import { collectTrainingRecords } from "@/lib/training/collect";
import { grantTrainingConsent, withdrawTrainingConsent } from "@/lib/training/consent";
import { purgeTrainingData } from "@/lib/training/retention";
import { trainingHmacKey, trainingSubject } from "@/lib/training/subject";
import { CONTEXT_TAGS } from "@/lib/training/tags";
import { useTestDatabase } from "./helpers/db";
import { leaks, piiCorpus } from "./helpers/pii-corpus";
import { addChat, addCue, makeTrainingUser } from "./helpers/training";

const db = useTestDatabase();
const H = 3_600_000;
const D = 24 * H;

async function recordsOf(userId: string) {
  return db().db.select().from(trainingRecords).where(eq(trainingRecords.userId, userId));
}

describe("training pipeline: records and batches", () => {
  it("exports the ≥ 200-note adversarial corpus with zero personal data, in OpenAI's chat fine-tuning format", async () => {
    const now = new Date("2026-02-10T12:00:00Z");
    const ids: string[] = [];
    for (const u of piiCorpus.users) {
      const user = await makeTrainingUser(db().db, { name: u.name, displayName: u.displayName, email: u.email });
      ids.push(user.id);
      await grantTrainingConsent(db().db, user.id, { now: new Date(now.getTime() - 5 * D) });
    }
    for (let u = 0; u < piiCorpus.users.length; u++) {
      const first = piiCorpus.users[u].name.split(" ")[0];
      const notes = piiCorpus.notes.filter((n) => n.user === u);
      await addChat(
        db().db,
        ids[u],
        notes.map((n) => ({ user: n.text, assistant: `Nice work, ${first}! I logged that for ${piiCorpus.users[u].name}.` })),
        new Date(now.getTime() - 3 * H),
      );
    }
    const collected = await collectTrainingRecords(db().db, { now, userIds: ids });
    expect(collected.chat).toBe(piiCorpus.notes.length);
    const [batch] = await exportDueBatches(db().db, { now: new Date(now.getTime() + 40 * D), cadences: ["monthly"] });
    expect(batch).toMatchObject({ cadence: "monthly", recordCount: piiCorpus.notes.length, periodStart: periodOf("monthly", now).start });
    const [{ jsonl }] = await db().db.select({ jsonl: trainingBatches.jsonl }).from(trainingBatches).where(eq(trainingBatches.id, batch.id));
    expect(batch.sizeBytes).toBe(Buffer.byteLength(jsonl));

    const lines = jsonl.trimEnd().split("\n");
    const leaked = piiCorpus.notes.map((n) => ({ text: n.text, leaked: leaks(n, lines) })).filter((r) => r.leaked.length);
    expect(leaked).toEqual([]);
    for (const u of piiCorpus.users) for (const part of u.name.split(" ")) expect(jsonl.toLowerCase()).not.toContain(part.toLowerCase());
    for (const id of ids) expect(jsonl).not.toContain(id);

    expect(lines).toHaveLength(piiCorpus.notes.length);
    for (const line of lines) {
      const parsed = JSON.parse(line);
      expect(Object.keys(parsed)).toEqual(["messages"]);
      expect(parsed.messages.map((m: { role: string }) => m.role)).toEqual(["system", "user", "assistant"]);
      for (const m of parsed.messages) expect(typeof m.content).toBe("string");
    }
    // Exported records are unlinkable: no user id, only the HMAC subject.
    const key = await trainingHmacKey(db().db);
    const exported = await db().db.select().from(trainingRecords).where(eq(trainingRecords.batchId, batch.id));
    expect(exported.every((r) => r.userId === null && r.state === "exported")).toBe(true);
    expect(new Set(exported.map((r) => r.subject))).toEqual(new Set(ids.map((id) => trainingSubject(key, id))));
    for (const r of exported) for (const t of r.contextTags) expect(CONTEXT_TAGS).toContain(t);
  }, 120_000); // 338 notes through collection: ~20 s on PGlite, more on a loaded machine

  it("takes only consenting users, only after the grant, never biometrics, and each source once", async () => {
    const now = new Date("2026-04-15T12:00:00Z");
    const yes = await makeTrainingUser(db().db, { name: "Ada Stone" });
    const no = await makeTrainingUser(db().db, { name: "Bo Reed" });
    await addChat(db().db, yes.id, [{ user: "Squat 5x5 at 100 kg felt easy", assistant: "Add 2.5 kg next time." }], new Date(now.getTime() - 3 * D));
    await grantTrainingConsent(db().db, yes.id, { now: new Date(now.getTime() - 2 * D) });
    await addChat(
      db().db,
      yes.id,
      [
        { user: "Bench 3x8 at 60 kg. My resting heart rate was 52 bpm and I slept 5 hours.", assistant: "Good bench. Sleep more before heavy days." },
        { user: "I slept badly", assistant: "Your heart rate says rest." },
      ],
      new Date(now.getTime() - 3 * H),
    );
    await addChat(db().db, yes.id, [{ user: "Just now", assistant: "Not settled yet" }], new Date(now.getTime() - 10 * 60_000));
    await addCue(db().db, yes.id, { template: 2, feedback: 1, at: new Date(now.getTime() - 4 * H) });
    await addChat(db().db, no.id, [{ user: "Deadlift 180", assistant: "Strong." }], new Date(now.getTime() - 3 * H));

    await collectTrainingRecords(db().db, { now });
    expect(await recordsOf(no.id)).toHaveLength(0);
    const mine = await recordsOf(yes.id);
    expect(mine.map((r) => r.source).sort()).toEqual(["chat", "cue"]);
    const chat = mine.find((r) => r.source === "chat")!;
    const text = JSON.stringify(chat.messages);
    expect(text).toContain("Bench 3x8 at 60 kg.");
    expect(text).not.toMatch(/heart|bpm|slept|sleep/i);
    expect(text).not.toContain("100 kg felt easy"); // before consent
    const cue = mine.find((r) => r.source === "cue")!;
    expect(cue).toMatchObject({ quality: 1, template: 2, feedback: 1, persona: "alice", trigger: "set-end", state: "created" });
    expect(cue.contextTags).toEqual(expect.arrayContaining(["cue", "cue:set-end", "persona:alice"]));
    // Idempotent.
    await collectTrainingRecords(db().db, { now: new Date(now.getTime() + H) });
    expect(await recordsOf(yes.id)).toHaveLength(2);
  });

  it("withdrawal removes the user's pending records (created and pending_export) at once", async () => {
    const now = new Date("2026-06-10T12:00:00Z");
    const u = await makeTrainingUser(db().db, { name: "Cy Park" });
    await grantTrainingConsent(db().db, u.id, { now: new Date(now.getTime() - D) });
    await addCue(db().db, u.id, { template: 1, feedback: -1, at: new Date(now.getTime() - 5 * H) });
    await addChat(db().db, u.id, [{ user: "Rows 4x10", assistant: "Nice." }], new Date(now.getTime() - 5 * H));
    await collectTrainingRecords(db().db, { now, userIds: [u.id] });
    await db().db.execute(sql`update training_records set state = 'pending_export' where user_id = ${u.id} and source = 'cue'`);
    expect((await recordsOf(u.id)).map((r) => r.state).sort()).toEqual(["created", "pending_export"]);
    const r = await withdrawTrainingConsent(db().db, u.id);
    expect(r.deletedRecords).toBe(2);
    expect(await recordsOf(u.id)).toHaveLength(0);
    // And nothing new is collected after withdrawal.
    await addCue(db().db, u.id, { template: 1, feedback: 1, at: new Date(now.getTime() - 4 * H) });
    expect(await collectTrainingRecords(db().db, { now, userIds: [u.id] })).toMatchObject({ users: 0, chat: 0, cue: 0 });
  });

  it("batches Pro weekly and Free monthly, with size and record count, once per period", async () => {
    const now = new Date("2026-08-05T12:00:00Z"); // a Wednesday
    const pro = await makeTrainingUser(db().db, { name: "Di Pro" });
    const free = await makeTrainingUser(db().db, { name: "Ed Free" });
    await setPlan(db().db, pro.id, "pro");
    for (const u of [pro, free]) {
      await grantTrainingConsent(db().db, u.id, { now: new Date(now.getTime() - D) });
      await addCue(db().db, u.id, { template: 0, feedback: 1, at: new Date(now.getTime() - 3 * H) });
    }
    await collectTrainingRecords(db().db, { now, userIds: [pro.id, free.id] });
    expect((await recordsOf(pro.id))[0].cadence).toBe("weekly");
    expect((await recordsOf(free.id))[0].cadence).toBe("monthly");

    const week = await exportDueBatches(db().db, { now: new Date(now.getTime() + 7 * D) });
    const weekly = week.find((b) => b.cadence === "weekly")!;
    expect(weekly).toMatchObject({ recordCount: 1, periodStart: new Date("2026-08-03T00:00:00Z"), periodEnd: new Date("2026-08-10T00:00:00Z") });
    expect(weekly.sizeBytes).toBeGreaterThan(50);
    expect(await recordsOf(free.id)).toHaveLength(1); // the monthly one waits for the month to close
    expect(await exportDueBatches(db().db, { now: new Date(now.getTime() + 7 * D), cadences: ["weekly"] })).toEqual([]);
    const month = await exportDueBatches(db().db, { now: new Date("2026-09-01T00:00:01Z"), cadences: ["monthly"] });
    expect(month).toHaveLength(1);
    expect(month[0].recordCount).toBeGreaterThanOrEqual(1);
    expect(await recordsOf(free.id)).toHaveLength(0); // exported: unlinked
  });

  it("purges records and batches older than six months", async () => {
    const now = new Date("2026-11-20T12:00:00Z");
    const before = Number((await db().db.execute(sql`select count(*)::int as n from training_records`)).rows[0].n);
    expect(before).toBeGreaterThan(0);
    // Everything from February (the corpus batch) is older than six months by now.
    const r = await purgeTrainingData(db().db, now);
    expect(r.records).toBeGreaterThanOrEqual(piiCorpus.notes.length);
    expect(r.batches).toBeGreaterThanOrEqual(1);
    const left = await db().db.execute(
      sql`select count(*)::int as n from training_records where occurred_at < ${"2026-05-20T12:00:00Z"}::timestamptz`,
    );
    expect(Number(left.rows[0].n)).toBe(0);
    const recent = Number((await db().db.execute(sql`select count(*)::int as n from training_records`)).rows[0].n);
    expect(recent).toBeGreaterThan(0); // June–August records stay
  });
});
