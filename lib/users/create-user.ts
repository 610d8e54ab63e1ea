import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Queryable } from "@/db/client";
import { subscriptions, userProfiles, users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { passwordSchema } from "@/lib/auth/password-rules";
import { emailSchema } from "./email";
import { EmailTakenError, UserInputError, isUniqueViolation } from "./errors";

export { EmailTakenError, UserInputError } from "./errors";

const inputSchema = z.object({
  email: emailSchema,
  /** Omitted for magic-link / OAuth accounts. */
  password: passwordSchema.optional(),
  name: z
    .string()
    .trim()
    .max(200, "Use at most 200 characters.")
    .optional()
    .transform((n) => (n ? n : undefined)),
});

export type CreateUserInput = z.input<typeof inputSchema>;
export interface CreatedUser {
  id: string;
  email: string;
  name: string | null;
}

/**
 * Creates a user with a profile and a free subscription, atomically. Throws UserInputError for
 * invalid input and EmailTakenError when the (normalised) email is already registered.
 * Accepts the db or a transaction (nests as a savepoint).
 */
export async function createUser(db: Queryable, input: CreateUserInput): Promise<CreatedUser> {
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success) {
    throw UserInputError.fromZod(parsed.error, "Invalid input.");
  }
  const { email, password, name } = parsed.data;
  const passwordHash = password ? await hashPassword(password) : null;

  const [taken] = await db.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1);
  if (taken) throw new EmailTakenError(email);
  try {
    return await db.transaction(async (tx) => {
      const [user] = await tx
        .insert(users)
        .values({ email, name: name ?? null, passwordHash })
        .returning({ id: users.id, email: users.email, name: users.name });
      await tx.insert(userProfiles).values({ userId: user.id, displayName: name ? name.slice(0, 80) : null });
      await tx.insert(subscriptions).values({ userId: user.id, plan: "free", status: "active" });
      return user;
    });
  } catch (error) {
    if (isUniqueViolation(error, "users_email_unique")) throw new EmailTakenError(email);
    throw error;
  }
}
