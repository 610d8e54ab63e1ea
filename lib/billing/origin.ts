import { env } from "@/lib/config/env";

/** The origin people use to reach this app (AUTH_URL when set, else the request's own). */
export function appOrigin(request?: Request, host?: string | null, proto?: string | null): string {
  const configured = env().AUTH_URL;
  if (configured) return new URL(configured).origin;
  if (request) return new URL(request.url).origin;
  return `${proto ?? "http"}://${host ?? "localhost:3000"}`;
}
