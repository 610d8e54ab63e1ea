import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";

export interface UserColumn {
  table: string;
  column: string;
}

/**
 * Every column in the public schema that holds a user id, read from the live catalog (so tables
 * added later by anyone are included): foreign keys to users(id), plus any column named user_id or
 * *_user_id even without one, plus users.id itself.
 */
export async function userReferencingColumns(db: Queryable): Promise<UserColumn[]> {
  const result = await db.execute<{ table: string; column: string }>(sql`
    select cl.relname as "table", a.attname as "column"
      from pg_constraint c
      join pg_class cl on cl.oid = c.conrelid
      join pg_namespace n on n.oid = cl.relnamespace
      join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any (c.conkey)
     where c.contype = 'f' and c.confrelid = 'public.users'::regclass and n.nspname = 'public'
    union
    select table_name, column_name
      from information_schema.columns
     where table_schema = 'public' and (column_name = 'user_id' or column_name like '%\\_user\\_id')
       and table_name in (select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE')
    union
    select 'users', 'id'
     order by 1, 2`);
  return result.rows;
}

/** Every base table in the public schema. */
export async function allTables(db: Queryable): Promise<string[]> {
  const r = await db.execute<{ t: string }>(
    sql`select table_name as t from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  return r.rows.map((x) => x.t);
}
