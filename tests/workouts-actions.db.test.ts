import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { exercises, users } from "@/db/schema";
import { getSessionDetail } from "@/lib/workouts/queries";
import { useTestDatabase } from "./helpers/db";

// The action wrapper reads the session through getCurrentUser(); the tests decide who is signed in.
const session = vi.hoisted(() => ({ user: null as { id: string; email: string; name: string | null } | null }));
vi.mock("@/lib/auth/session", () => ({
  getCurrentUser: async () => session.user,
  requireUser: async () => {
    if (!session.user) throw new Error("redirect to sign-in");
    return session.user;
  },
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

const { createWorkoutAction, deleteWorkoutAction, updateWorkoutAction } = await import("@/lib/workouts/actions");

const input = {
  name: "Legs",
  startedAt: "2025-10-01T18:00",
  durationMin: "60",
  notes: "",
  unit: "kg" as const,
  exercises: [{ exerciseName: "Squat (Barbell)", sets: [{ setType: "normal" as const, weight: "140", reps: "5", rpe: "", notes: "" }] }],
};

describe("workout server actions", () => {
  const db = useTestDatabase();
  let alice: { id: string; email: string; name: string | null };
  let bob: { id: string; email: string; name: string | null };

  beforeAll(async () => {
    const stamp = Date.now();
    const rows = await db()
      .db.insert(users)
      .values([{ email: `aa-${stamp}@x.test` }, { email: `ab-${stamp}@x.test` }])
      .returning({ id: users.id, email: users.email, name: users.name });
    [alice, bob] = rows;
    await db()
      .db.insert(exercises)
      .values({ slug: `a-squat-${stamp}`, name: "Squat (Barbell)", category: "strength", equipment: "barbell" });
  });
  beforeEach(() => {
    session.user = null;
  });

  it("refuses signed-out callers before touching anything", async () => {
    const r = await createWorkoutAction(input);
    expect(r).toMatchObject({ ok: false, code: "unauthenticated" });
  });

  it("returns per-field errors for bad input", async () => {
    session.user = alice;
    const r = await createWorkoutAction({
      ...input,
      exercises: [{ exerciseName: "Squat (Barbell)", sets: [{ setType: "normal", weight: "-5", reps: "x", rpe: "", notes: "" }] }],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe("validation");
    expect(Object.keys(r.fieldErrors ?? {}).sort()).toEqual(["exercises.0.sets.0.reps", "exercises.0.sets.0.weight"]);
  });

  it("lets the owner create, update and delete", async () => {
    session.user = alice;
    const created = await createWorkoutAction(input);
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const id = created.data.id;
    const updated = await updateWorkoutAction({ ...input, id, name: "Legs (heavy)" });
    expect(updated).toEqual({ ok: true, data: { id } });
    expect((await getSessionDetail(db().db, alice.id, id))!.name).toBe("Legs (heavy)");
    expect(await deleteWorkoutAction({ id })).toEqual({ ok: true, data: { id } });
    expect(await getSessionDetail(db().db, alice.id, id)).toBeNull();
  });

  it("user B cannot update or delete user A's session, and learns nothing from trying", async () => {
    session.user = alice;
    const created = await createWorkoutAction(input);
    if (!created.ok) throw new Error(created.error);
    const id = created.data.id;
    const before = await getSessionDetail(db().db, alice.id, id);

    session.user = bob;
    const upd = await updateWorkoutAction({ ...input, id, name: "hijacked" });
    const del = await deleteWorkoutAction({ id });
    const missing = await deleteWorkoutAction({ id: "00000000-0000-4000-8000-000000000000" });
    expect(upd).toMatchObject({ ok: false, code: "rejected" });
    expect(del).toMatchObject({ ok: false, code: "rejected" });
    // A foreign id and a missing id are indistinguishable.
    expect(del).toEqual(missing);

    expect(await getSessionDetail(db().db, alice.id, id)).toEqual(before);
  });
});
