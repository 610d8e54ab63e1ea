import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { publicRoute } from "@/lib/api/route";
import { databaseKind } from "@/lib/config/env";

export const dynamic = "force-dynamic";

export const GET = publicRoute({ name: "health" }, async () => {
  try {
    await getDb().execute(sql`select 1`);
    return { ok: true, database: databaseKind() };
  } catch {
    return Response.json({ ok: false, database: databaseKind() }, { status: 503 });
  }
});
