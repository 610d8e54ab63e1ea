import { env } from "@/lib/config/env";
import { describeMail } from "@/lib/mail/transport";

export type OAuthProviderId = "github" | "google";

/** OAuth buttons appear only for providers whose id and secret are both configured. */
export function enabledOAuthProviders(): { id: OAuthProviderId; label: string }[] {
  const e = env();
  const list: { id: OAuthProviderId; label: string }[] = [];
  if (e.AUTH_GITHUB_ID && e.AUTH_GITHUB_SECRET) list.push({ id: "github", label: "GitHub" });
  if (e.AUTH_GOOGLE_ID && e.AUTH_GOOGLE_SECRET) list.push({ id: "google", label: "Google" });
  return list;
}

/** How magic links are delivered right now, for honest copy on the sign-in page. */
export function magicLinkDelivery(): "email" | "server-log" {
  return describeMail().id === "smtp" ? "email" : "server-log";
}
