import { z } from "zod";

/** Email addresses are stored, compared and rate-limited in one form: trimmed, lower case. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The one email field schema (sign-up, sign-in, magic links, the operator CLI): normalized, then checked. */
export const emailSchema = z
  .string({ error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .max(254, "That email address is too long.")
  .pipe(z.email("Enter a valid email address, like you@example.com."));
