import "server-only";
import { eq } from "drizzle-orm";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { auth } from "@/auth";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { signInPath } from "./redirect";
import { REQUEST_PATH_HEADER } from "./request-path";

export type SessionUser = { id: string; email: string; name: string | null };

/**
 * The signed-in user, or null. The session cookie (a JWT) names the user; the row is re-read so a
 * deleted account is signed out at once and email/name are current. Memoised per request.
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const [row] = await getDb().select({ id: users.id, email: users.email, name: users.name }).from(users).where(eq(users.id, id)).limit(1);
  return row ?? null;
});

/**
 * The signed-in user; otherwise redirects to /sign-in?next=<current path>. For pages, layouts and
 * server actions. API route handlers should use getCurrentUser() and answer 401 instead.
 */
export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (user) return user;
  const requested = (await headers()).get(REQUEST_PATH_HEADER);
  redirect(signInPath(requested));
}
