import "server-only";
import { sql } from "drizzle-orm";
import { effectivePlan } from "@/lib/billing/plan";
import type { Plan } from "@/db/schema";
import { defineCommand } from "../command";

export default defineCommand({
  name: "list-users",
  summary: "List accounts with plan and training-data counts",
  usage: "",
  options: {},
  async run({ db }) {
    const result = await db.execute<{
      id: string;
      email: string;
      name: string | null;
      plan: Plan | null;
      status: string | null;
      current_period_end: string | Date | null;
      current_period_start: string | Date | null;
      cancel_at_period_end: boolean | null;
      past_due_since: string | Date | null;
      created_at: string | Date;
      sessions: number | string;
      sets: number | string;
    }>(sql`
      select u.id, u.email, u.name, s.plan, s.status, s.current_period_end, s.current_period_start, s.cancel_at_period_end, s.past_due_since, u.created_at,
        (select count(*) from workout_sessions w where w.user_id = u.id)::int as sessions,
        (select count(*) from exercise_sets e where e.user_id = u.id)::int as sets
      from users u
      left join subscriptions s on s.user_id = u.id
      order by u.created_at, u.email`);
    const users = result.rows.map((r) => ({
      id: r.id,
      email: r.email,
      name: r.name,
      plan: effectivePlan(
        r.plan
          ? {
              plan: r.plan,
              status: r.status as never,
              currentPeriodEnd: date(r.current_period_end),
              currentPeriodStart: date(r.current_period_start),
              cancelAtPeriodEnd: Boolean(r.cancel_at_period_end),
              pastDueSince: date(r.past_due_since),
            }
          : null,
      ),
      created: new Date(r.created_at).toISOString(),
      sessions: Number(r.sessions),
      sets: Number(r.sets),
    }));
    return { count: users.length, users };
  },
});

function date(v: string | Date | null): Date | null {
  return v ? new Date(v) : null;
}
