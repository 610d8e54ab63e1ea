import { describe, expect, it, vi } from "vitest";
import { users } from "@/db/schema";
import { useTestDatabase } from "./helpers/db";

const state = vi.hoisted(() => ({ user: null as null | { id: string; email: string; name: string | null } }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => state.user }));

const { userRoute } = await import("@/lib/api/route");
const { requireEntitlement } = await import("@/lib/billing/require-entitlement");
const { setPlan } = await import("@/lib/billing/plan");

const db = useTestDatabase();

async function makeUser() {
  const [u] = await db()
    .db.insert(users)
    .values({ email: `ent-${crypto.randomUUID()}@example.com` })
    .returning({ id: users.id, email: users.email, name: users.name });
  return u;
}

describe("requireEntitlement as the route's entitlement hook", () => {
  const route = userRoute({ entitlement: requireEntitlement("liveWorkoutVoice", "Live workout mode") }, async ({ user }) => ({ ok: user.id }));
  const call = () => route(new Request("http://app.test/api/live", { method: "POST" }));

  it("refuses a free user with 403 plan_required and names the plan that unlocks it", async () => {
    state.user = await makeUser();
    const res = await call();
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({
      code: "plan_required",
      error: "Live workout mode is not included in the Free plan. Upgrade to Pro to use it (see /pricing).",
    });
  });

  it("lets a Pro user through to the handler", async () => {
    const user = await makeUser();
    await setPlan(db().db, user.id, "pro");
    state.user = user;
    const res = await call();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: user.id });
  });
});
