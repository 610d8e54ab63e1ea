import "server-only";
import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { users } from "@/db/schema";
import { normalizeEmail } from "@/lib/users/email";
import { UserNotFoundError } from "@/lib/users/errors";

export async function findUserByEmail(db: Queryable, email: string) {
  const normalized = normalizeEmail(email);
  const [user] = await db.select({ id: users.id, email: users.email, name: users.name }).from(users).where(eq(users.email, normalized)).limit(1);
  if (!user) throw new UserNotFoundError(`with the email ${normalized}`);
  return user;
}
