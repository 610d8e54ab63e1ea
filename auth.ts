import NextAuth from "next-auth";
import { buildAuthConfig } from "@/lib/auth/config";

let config: ReturnType<typeof buildAuthConfig> | null = null;

/**
 * Auth.js v5. The config is built lazily on first use (request time), so importing this module
 * never reads the secret or opens the database — `next build` stays side-effect free.
 */
export const { handlers, auth, signIn, signOut } = NextAuth(() => (config ??= buildAuthConfig()));
