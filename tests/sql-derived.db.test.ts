import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { runSandboxedQuery } from "@/lib/sql";
import { useSandboxDatabase } from "./fixtures/sql/db";
import { EX, USER_A } from "./fixtures/sql/seed";

// Derived columns of the sandbox's `sets` relation (wrap.ts), computed in SQL, never by the model.
describe("SQL sandbox: derived set columns", () => {
  const db = useSandboxDatabase();

  it("Epley e1RM for 1-12 reps and weight x reps volume, but neither for an assisted exercise", async () => {
    const h = db();
    const assisted = "00000001-0000-4000-8000-0000000000aa";
    const session = "00000002-0000-4000-8000-0000000000aa";
    await h.db.execute(sql`insert into exercises (id, slug, name, category, equipment, primary_muscles, secondary_muscles, owner_user_id)
      values (${assisted}, 'sbx-pull-up-assisted', 'Pull Up (Assisted)', 'machine', 'machine', '{lats}', '{}', null)`);
    await h.db.execute(
      sql`insert into workout_sessions (id, user_id, started_at, name, source) values (${session}, ${USER_A}, '2031-01-01T10:00:00Z', 'Derived', 'manual')`,
    );
    await h.db.execute(sql`insert into exercise_sets (session_id, user_id, exercise_id, position, set_number, set_type, weight_kg, reps)
      values (${session}, ${USER_A}, ${EX.squat}, 0, 1, 'normal', 100, 5), (${session}, ${USER_A}, ${EX.squat}, 1, 2, 'normal', 60, 20),
             (${session}, ${USER_A}, ${assisted}, 2, 1, 'normal', 30, 8)`);
    const r = await runSandboxedQuery({
      userId: USER_A,
      sql: "select exercise_name, weight_kg, reps, volume_kg, e1rm_kg from sets where performed_at = timestamptz '2031-01-01 10:00+00' order by position",
    });
    expect(r.rows).toEqual([
      { exercise_name: "Squat", weight_kg: 100, reps: 5, volume_kg: 500, e1rm_kg: 116.67 },
      { exercise_name: "Squat", weight_kg: 60, reps: 20, volume_kg: 1200, e1rm_kg: null },
      { exercise_name: "Pull Up (Assisted)", weight_kg: 30, reps: 8, volume_kg: null, e1rm_kg: null },
    ]);
  });
});
