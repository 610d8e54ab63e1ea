import { describe, expect, it } from "vitest";
import { EXPORT_EXCLUDED, EXPORTED_TABLES } from "@/lib/privacy/export";
import { useTestDatabase } from "./helpers/db";
import { userReferencingColumns } from "./helpers/user-tables";

// A table that holds user ids must be in the export (or excluded with a reason): a new per-user
// table fails here until lib/privacy/export.ts covers it.
describe("privacy coverage of the schema", () => {
  const t = useTestDatabase();

  it("finds the user-referencing tables from the catalog (not a hand list)", async () => {
    const tables = new Set((await userReferencingColumns(t().db)).map((c) => c.table));
    for (const known of ["users", "workout_sessions", "exercise_sets", "messages", "live_cues", "data_access_log", "exercises"])
      expect(tables).toContain(known);
    expect(tables).not.toContain("speech_clips");
  });

  it("every table that references a user is exported or deliberately excluded", async () => {
    const tables = [...new Set((await userReferencingColumns(t().db)).map((c) => c.table))];
    const covered = new Set<string>([...EXPORTED_TABLES, ...Object.keys(EXPORT_EXCLUDED)]);
    expect(tables.filter((x) => !covered.has(x))).toEqual([]);
  });
});
