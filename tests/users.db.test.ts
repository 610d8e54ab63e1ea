import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { subscriptions, userProfiles, users } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import { createUser, EmailTakenError, UserInputError } from "@/lib/users/create-user";
import { getPlan, setPlan } from "@/lib/billing/plan";
import { getProfile, updateProfile } from "@/lib/users/profile";
import { useTestDatabase } from "./helpers/db";

describe("users", () => {
  const t = useTestDatabase();

  it("creates a user with profile and free plan, normalising the email", async () => {
    const db = t().db;
    const u = await createUser(db, { email: "  Jane.Doe@Example.COM ", password: "correct-horse-1", name: "  Jane  " });
    expect(u).toMatchObject({ email: "jane.doe@example.com", name: "Jane" });
    const [row] = await db.select().from(users).where(eq(users.id, u.id));
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword("correct-horse-1", row.passwordHash)).toBe(true);
    const [profile] = await db.select().from(userProfiles).where(eq(userProfiles.userId, u.id));
    expect(profile).toMatchObject({ displayName: "Jane", units: "kg", timeZone: "UTC" });
    const [sub] = await db.select().from(subscriptions).where(eq(subscriptions.userId, u.id));
    expect(sub).toMatchObject({ plan: "free", status: "active" });
    expect(await getPlan(db, u.id)).toBe("free");
  });

  it("refuses a duplicate email in any case and leaves nothing behind", async () => {
    const db = t().db;
    await createUser(db, { email: "dup@example.com" });
    await expect(createUser(db, { email: "DUP@example.com", password: "another-pass-2" })).rejects.toBeInstanceOf(EmailTakenError);
    const rows = await db.select().from(users).where(eq(users.email, "dup@example.com"));
    expect(rows).toHaveLength(1);
  });

  it("maps a race on the unique email to EmailTakenError", async () => {
    const db = t().db;
    const results = await Promise.allSettled([1, 2, 3].map(() => createUser(db, { email: "race@example.com" })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toBeInstanceOf(EmailTakenError);
  });

  it("validates input", async () => {
    const db = t().db;
    await expect(createUser(db, { email: "not-an-email" })).rejects.toBeInstanceOf(UserInputError);
    await expect(createUser(db, { email: "weak@example.com", password: "short" })).rejects.toThrow(/at least 10/);
  });

  it("creates users without a password (magic link / OAuth)", async () => {
    const db = t().db;
    const u = await createUser(db, { email: "oauth@example.com" });
    const [row] = await db.select().from(users).where(eq(users.id, u.id));
    expect(row.passwordHash).toBeNull();
    expect(u.name).toBeNull();
  });

  it("gets and sets plans", async () => {
    const db = t().db;
    const u = await createUser(db, { email: "plan@example.com" });
    await setPlan(db, u.id, "pro");
    expect(await getPlan(db, u.id)).toBe("pro");
    await setPlan(db, u.id, "trainer");
    expect(await getPlan(db, u.id)).toBe("trainer");
    // canceled means Stripe ended it: free, whatever the stored period says (issue 8's rule).
    await setPlan(db, u.id, "pro", { status: "canceled", currentPeriodEnd: new Date(Date.now() + 86_400_000) });
    expect(await getPlan(db, u.id)).toBe("free");
    await setPlan(db, u.id, "pro", { status: "canceled", currentPeriodEnd: new Date(Date.now() - 1000) });
    expect(await getPlan(db, u.id)).toBe("free");
    await db.delete(subscriptions).where(eq(subscriptions.userId, u.id));
    expect(await getPlan(db, u.id)).toBe("free");
    await expect(setPlan(db, u.id, "gold" as never)).rejects.toThrow(/unknown plan/);
  });

  it("reads and updates the profile with validation", async () => {
    const db = t().db;
    const u = await createUser(db, { email: "profile@example.com", name: "P" });
    expect(await getProfile(db, u.id)).toMatchObject({ units: "kg", fitnessLevel: "beginner", goals: [] });
    const updated = await updateProfile(db, u.id, {
      units: "lb",
      timeZone: "America/New_York",
      fitnessLevel: "advanced",
      displayName: "Pat",
      goals: ["Bench 100 kg"],
      dateOfBirth: "1990-05-17",
    });
    expect(updated).toMatchObject({
      units: "lb",
      timeZone: "America/New_York",
      fitnessLevel: "advanced",
      displayName: "Pat",
      goals: ["Bench 100 kg"],
      dateOfBirth: "1990-05-17",
    });
    await updateProfile(db, u.id, { units: "kg" });
    expect(await getProfile(db, u.id)).toMatchObject({ units: "kg", timeZone: "America/New_York" });

    const bad: [Record<string, unknown>, RegExp][] = [
      [{ units: "stone" }, /kg or lb/],
      [{ timeZone: "Mars/Olympus" }, /time zone/],
      [{ displayName: "x".repeat(81) }, /80/],
      [{ fitnessLevel: "elite" }, /beginner/],
      [{ dateOfBirth: "1990-02-30" }, /does not exist/],
      [{ dateOfBirth: "1850-01-01" }, /after 1900/],
      [{ email: "sneaky@example.com" }, /./],
    ];
    for (const [patch, msg] of bad) {
      await expect(updateProfile(db, u.id, patch as never), JSON.stringify(patch)).rejects.toThrow(msg);
    }
    expect(await getProfile(db, u.id)).toMatchObject({ units: "kg", displayName: "Pat" });
  });

  it("gives defaults for a user without a profile row", async () => {
    const db = t().db;
    const [u] = await db.insert(users).values({ email: "legacy@example.com" }).returning();
    expect(await getProfile(db, u.id)).toMatchObject({ userId: u.id, units: "kg", timeZone: "UTC" });
    expect(await getPlan(db, u.id)).toBe("free");
  });
});
