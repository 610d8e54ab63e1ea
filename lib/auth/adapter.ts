import { DrizzleAdapter } from "@auth/drizzle-adapter";
import type { Adapter, AdapterUser } from "next-auth/adapters";
import type { Db } from "@/db/client";
import { accounts, sessions, users, verificationTokens } from "@/db/schema";
import { createUser } from "@/lib/users/create-user";

type Row = AdapterUser & { passwordHash?: unknown; createdAt?: unknown };

/** Adapter users never carry the password hash into Auth.js (tokens, events, callbacks). */
function publicUser<T extends Row | null | undefined>(user: T): T {
  if (!user) return user;
  const { passwordHash: _hash, createdAt: _created, ...rest } = user;
  return rest as T;
}

/**
 * The Drizzle adapter over our tables (JWT sessions, so it serves magic links and OAuth), with
 * one change: new users (first magic link / OAuth sign-in) are created through createUser, so
 * they get a profile and a free subscription exactly like password sign-ups.
 */
export function spotterAdapter(db: Db): Adapter {
  const base = DrizzleAdapter(db, {
    usersTable: users,
    accountsTable: accounts,
    sessionsTable: sessions,
    verificationTokensTable: verificationTokens,
  });
  return {
    ...base,
    async createUser(data) {
      const created = await createUser(db, { email: data.email, name: data.name ?? undefined });
      const updated = await base.updateUser!({ id: created.id, emailVerified: data.emailVerified ?? null, image: data.image ?? null });
      return publicUser(updated);
    },
    getUser: async (id) => publicUser(await base.getUser!(id)),
    getUserByEmail: async (email) => publicUser(await base.getUserByEmail!(email)),
    getUserByAccount: async (account) => publicUser(await base.getUserByAccount!(account)),
    updateUser: async (user) => publicUser(await base.updateUser!(user)),
  };
}
