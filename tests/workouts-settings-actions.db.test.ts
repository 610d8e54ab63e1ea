import fs from "node:fs";
import path from "node:path";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createUser } from "@/lib/users/create-user";
import { setPlan } from "@/lib/billing/plan";
import { getProfile } from "@/lib/users/profile";
import { listSessions } from "@/lib/workouts/queries";
import { useTestDatabase } from "./helpers/db";

const session = vi.hoisted(() => ({ user: null as { id: string; email: string; name: string | null } | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user, requireUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

const { importFileAction } = await import("@/lib/import/actions");
const { updateProfileAction } = await import("@/lib/users/actions");

const HEVY = fs.readFileSync(path.join(import.meta.dirname, "..", "e2e", "fixtures", "hevy-4-workouts.csv"));

function form(fields: Record<string, string | File>) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  return fd;
}

describe("settings actions", () => {
  const db = useTestDatabase();
  let user: { id: string; email: string; name: string | null };

  beforeAll(async () => {
    user = await createUser(db().db, { email: `settings-${Date.now()}@x.test`, password: "correct horse battery staple 9", name: "Sam" });
  });
  beforeEach(() => {
    session.user = user;
  });

  it("imports a Hevy export for the signed-in user and reports what happened", async () => {
    const r = await importFileAction(null, form({ file: new File([HEVY], "hevy.csv", { type: "text/csv" }), unit: "kg" }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data).toMatchObject({ fileName: "hevy.csv", format: "hevy", sessions: 4, sets: 98, alreadyPresentSessions: 0 });
    expect((await listSessions(db().db, user.id)).total).toBe(4);

    const again = await importFileAction(null, form({ file: new File([HEVY], "hevy.csv"), unit: "kg" }));
    expect(again.ok && again.data).toMatchObject({ sessions: 0, sets: 0, alreadyPresentSessions: 4 });
  });

  it("rejects a missing file, an unknown format and a file over the plan's limit with a field error", async () => {
    const missing = await importFileAction(null, form({ unit: "kg" }));
    expect(missing.ok === false && missing.fieldErrors?.file).toBeTruthy();

    const junk = await importFileAction(null, form({ file: new File(["a,b,c\n1,2,3\n"], "x.csv"), unit: "kg" }));
    expect(junk.ok).toBe(false);
    expect(junk.ok === false && junk.fieldErrors?.file?.[0]).toMatch(/not a workout export we recognise/);

    // Free plan: 10 MB. The limit comes from the plan's entitlements, not from the client.
    const big = new File([HEVY, Buffer.alloc(11 * 1024 * 1024, 0x20)], "big.csv");
    const tooBig = await importFileAction(null, form({ file: big, unit: "kg" }));
    expect(tooBig.ok === false && tooBig.error).toMatch(/the Free plan imports files up to 10 MB\. Upgrade to Pro/);

    await setPlan(db().db, user.id, "pro");
    const okOnPro = await importFileAction(null, form({ file: big, unit: "kg" }));
    // Same bytes are accepted on Pro (50 MB): the trailing padding is blank lines, the workouts are already there.
    expect(okOnPro.ok && okOnPro.data).toMatchObject({ sessions: 0, alreadyPresentSessions: 4 });
    await setPlan(db().db, user.id, "free");
  });

  it("refuses signed-out callers", async () => {
    session.user = null;
    const r = await importFileAction(null, form({ file: new File([HEVY], "hevy.csv"), unit: "kg" }));
    expect(r).toMatchObject({ ok: false, code: "unauthenticated" });
  });

  it("saves the profile, clearing blank fields, and reports bad values per field", async () => {
    const ok = await updateProfileAction(
      null,
      form({ displayName: "  Sammy ", units: "lb", timeZone: "Europe/Berlin", fitnessLevel: "intermediate", goals: "Squat 140\n\n  Bench 100 \n" }),
    );
    expect(ok).toEqual({ ok: true, data: { units: "lb", timeZone: "Europe/Berlin" } });
    expect(await getProfile(db().db, user.id)).toMatchObject({ displayName: "Sammy", units: "lb", goals: ["Squat 140", "Bench 100"] });

    const cleared = await updateProfileAction(
      null,
      form({ displayName: "", units: "lb", timeZone: "Europe/Berlin", fitnessLevel: "intermediate", goals: "" }),
    );
    expect(cleared.ok).toBe(true);
    expect(await getProfile(db().db, user.id)).toMatchObject({ displayName: null, goals: [] });

    const bad = await updateProfileAction(null, form({ units: "stone", timeZone: "Mars/Olympus", fitnessLevel: "intermediate" }));
    expect(bad.ok).toBe(false);
    expect(Object.keys((bad.ok === false && bad.fieldErrors) || {}).sort()).toEqual(["timeZone", "units"]);
    expect(await getProfile(db().db, user.id)).toMatchObject({ units: "lb", timeZone: "Europe/Berlin" });
  });
});
