import { hash, verify } from "@node-rs/argon2";
import { PASSWORD_MAX_LENGTH } from "./password-rules";

export { PASSWORD_RULES, passwordSchema } from "./password-rules";

// argon2id (the library default algorithm) with OWASP-recommended parameters.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/**
 * Verifies against a fixed dummy hash (same parameters) when there is no stored hash — an
 * unknown email or a magic-link-only account — so response timing does not reveal which.
 * Over-long input is rejected after the same work, never hashed at unbounded cost.
 */
let dummyHash: Promise<string> | null = null;
export async function verifyPassword(password: string, stored: string | null | undefined): Promise<boolean> {
  const candidate = password.length > PASSWORD_MAX_LENGTH ? password.slice(0, PASSWORD_MAX_LENGTH) : password;
  if (!stored) {
    dummyHash ??= hashPassword("spotter-timing-equaliser-0");
    await verify(await dummyHash, candidate).catch(() => false);
    return false;
  }
  const ok = await verify(stored, candidate).catch(() => false);
  return ok && candidate === password;
}
