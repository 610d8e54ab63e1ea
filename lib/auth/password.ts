import { hash, verify } from "@node-rs/argon2";
import { z } from "zod";

// argon2id (the library default algorithm) with OWASP-recommended parameters.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;

export const passwordSchema = z
  .string()
  .min(10, "Use at least 10 characters.")
  .max(128, "Use at most 128 characters.")
  .refine((p) => /[a-zA-Z]/.test(p) && /[^a-zA-Z]/.test(p), "Mix letters with at least one number or symbol.");

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** Verified against a fixed dummy hash when the account does not exist, so timing does not reveal it. */
let dummyHash: Promise<string> | null = null;
export async function verifyPassword(password: string, stored: string | null | undefined): Promise<boolean> {
  if (!stored) {
    dummyHash ??= hashPassword("spotter-timing-equaliser-0");
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(stored, password).catch(() => false);
}
