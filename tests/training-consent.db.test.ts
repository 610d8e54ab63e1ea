import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { trainingConsents, trainingRecords, users } from "@/db/schema";
import { uuid7 } from "@/lib/ids/uuid7";
import { useTestDatabase } from "./helpers/db";

const state = vi.hoisted(() => ({ user: null as null | { id: string; email: string; name: string | null } }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => state.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { getTrainingConsent, grantTrainingConsent, withdrawTrainingConsent, listTrainingConsentHistory } = await import("@/lib/training/consent");
const { grantTrainingConsentAction, withdrawTrainingConsentAction } = await import("@/lib/training/actions");
const { TRAINING_CONSENT_VERSION, TRAINING_CONSENT_TEXT, TRAINING_CONSENT_TITLE } = await import("@/lib/training/consent-text");

const db = useTestDatabase();

async function makeUser() {
  const [u] = await db()
    .db.insert(users)
    .values({ email: `consent-${randomUUID()}@example.com` })
    .returning({ id: users.id, email: users.email, name: users.name });
  return u;
}

async function addRecord(userId: string | null, state: "created" | "pending_export" | "exported") {
  await db()
    .db.insert(trainingRecords)
    .values({
      id: uuid7(),
      userId,
      subject: "a".repeat(64),
      source: "cue",
      sourceRef: randomUUID(),
      cadence: "monthly",
      messages: [{ role: "assistant", content: "Nice set." }],
      quality: 0.5,
      state,
      occurredAt: new Date(),
    });
}

const countRecords = async (userId: string) =>
  Number((await db().db.execute(sql`select count(*)::int as n from training_records where user_id = ${userId}`)).rows[0].n);

describe("training-data consent", () => {
  it("the text says what the pipeline does (version is a date)", () => {
    expect(TRAINING_CONSENT_VERSION).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(TRAINING_CONSENT_TITLE.length).toBeGreaterThan(0);
    for (const promise of [/irreversible/, /Heart rate and sleep are never used/, /six months/, /Withdrawing removes/, /off unless you turn it on/]) {
      expect(TRAINING_CONSENT_TEXT).toMatch(promise);
    }
  });

  it("is off by default and records an explicit opt-in with time and text version", async () => {
    const u = await makeUser();
    expect(await getTrainingConsent(db().db, u.id)).toMatchObject({ granted: false, latest: null, needsReconsent: false });
    const at = new Date("2026-12-01T10:00:00Z");
    const c = await grantTrainingConsent(db().db, u.id, { textVersion: TRAINING_CONSENT_VERSION, now: at });
    expect(c).toMatchObject({ granted: true, latest: { granted: true, textVersion: TRAINING_CONSENT_VERSION, at } });
    // Granting again does not add a row.
    await grantTrainingConsent(db().db, u.id);
    expect(await listTrainingConsentHistory(db().db, u.id)).toHaveLength(1);
  });

  it("refuses a grant of a text version the server no longer shows", async () => {
    const u = await makeUser();
    await expect(grantTrainingConsent(db().db, u.id, { textVersion: "1999-01-01" })).rejects.toMatchObject({ code: "stale_consent_text" });
    expect(await listTrainingConsentHistory(db().db, u.id)).toHaveLength(0);
  });

  it("does not count a grant of an older text version", async () => {
    const u = await makeUser();
    await db().db.insert(trainingConsents).values({ id: uuid7(), userId: u.id, granted: true, textVersion: "2020-01-01" });
    expect(await getTrainingConsent(db().db, u.id)).toMatchObject({ granted: false, needsReconsent: true });
  });

  it("withdrawal keeps the history and deletes the user's pending records, not exported ones or other users'", async () => {
    const u = await makeUser();
    const other = await makeUser();
    await grantTrainingConsent(db().db, u.id);
    await grantTrainingConsent(db().db, other.id);
    await addRecord(u.id, "created");
    await addRecord(u.id, "pending_export");
    await addRecord(other.id, "created");
    await addRecord(null, "exported");
    const exportedBefore = Number((await db().db.execute(sql`select count(*)::int as n from training_records where state = 'exported'`)).rows[0].n);
    const r = await withdrawTrainingConsent(db().db, u.id);
    expect(r).toMatchObject({ granted: false, deletedRecords: 2, latest: { granted: false } });
    expect(await countRecords(u.id)).toBe(0);
    expect(await countRecords(other.id)).toBe(1);
    expect(Number((await db().db.execute(sql`select count(*)::int as n from training_records where state = 'exported'`)).rows[0].n)).toBe(
      exportedBefore,
    );
    const history = await listTrainingConsentHistory(db().db, u.id);
    expect(history.map((h) => h.granted)).toEqual([false, true]);
  });

  it("the database refuses an exported record that still names its user", async () => {
    const u = await makeUser();
    await expect(addRecord(u.id, "exported")).rejects.toThrow();
  });

  it("consent rows go with the account", async () => {
    const u = await makeUser();
    await grantTrainingConsent(db().db, u.id);
    await addRecord(u.id, "created");
    await db().db.delete(users).where(eq(users.id, u.id));
    expect(await listTrainingConsentHistory(db().db, u.id)).toHaveLength(0);
    expect(await countRecords(u.id)).toBe(0);
  });

  it("actions: signed-out refused, then grant and withdraw for the session user only", async () => {
    state.user = null;
    expect(await grantTrainingConsentAction({ textVersion: TRAINING_CONSENT_VERSION })).toMatchObject({ ok: false, code: "unauthenticated" });
    const u = await makeUser();
    state.user = u;
    expect(await grantTrainingConsentAction({ textVersion: "old" })).toMatchObject({ ok: false, code: "stale_consent_text" });
    expect(await grantTrainingConsentAction({ textVersion: TRAINING_CONSENT_VERSION })).toMatchObject({ ok: true, data: { granted: true } });
    await addRecord(u.id, "created");
    expect(await withdrawTrainingConsentAction({})).toMatchObject({ ok: true, data: { granted: false, deletedRecords: 1 } });
    expect((await getTrainingConsent(db().db, u.id)).granted).toBe(false);
  });
});
