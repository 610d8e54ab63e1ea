import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { databaseKind } from "@/lib/config/env";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    await getDb().execute(sql`select 1`);
    return Response.json({ ok: true, database: databaseKind() });
  } catch {
    return Response.json({ ok: false, database: databaseKind() }, { status: 503 });
  }
}
