import { z } from "zod";

/**
 * The password policy, shared by the server (zod) and the sign-up form (live checklist).
 * No native imports here: this module is safe in client components.
 */
const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

export interface PasswordRule {
  id: "length" | "mix";
  label: string;
  test: (password: string) => boolean;
}

export const PASSWORD_RULES: readonly PasswordRule[] = [
  { id: "length", label: `At least ${PASSWORD_MIN_LENGTH} characters`, test: (p) => p.length >= PASSWORD_MIN_LENGTH },
  { id: "mix", label: "Letters plus at least one number or symbol", test: (p) => /\p{L}/u.test(p) && /[^\p{L}]/u.test(p) },
];

export const passwordSchema = z
  .string({ error: "Enter a password." })
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
  .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters.`)
  .refine((p) => PASSWORD_RULES[1].test(p), "Mix letters with at least one number or symbol.");
