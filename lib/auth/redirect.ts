/**
 * Where to send people after authentication. `next` comes from the URL, so it is accepted only
 * as a same-origin relative path: "/workouts?x=1" yes; "//evil.com", "/\\evil.com",
 * "https://evil.com", "javascript:…" and anything with control characters no.
 */
export const DEFAULT_AFTER_SIGN_IN = "/workouts";
/** Where a brand-new account starts: building its coach. */
export const AFTER_SIGN_UP = "/coach/new";

export function safeNextPath(next: unknown, fallback = DEFAULT_AFTER_SIGN_IN): string {
  if (typeof next !== "string" || next.length === 0 || next.length > 2048) return fallback;
  if (!next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return fallback;
  // eslint-disable-next-line no-control-regex -- control characters never belong in a redirect path
  if (/[\u0000-\u001f\u007f\\]/.test(next)) return fallback;
  let url: URL;
  try {
    url = new URL(next, "http://spotter.invalid");
  } catch {
    return fallback;
  }
  if (url.origin !== "http://spotter.invalid") return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // Never bounce back into the auth pages themselves.
  if (/^\/(sign-in|sign-up|api\/auth)(\/|$|\?|#)/.test(path)) return fallback;
  return path;
}

/** "/sign-in?next=…" for a path the visitor was trying to reach. */
export function signInPath(next?: string | null): string {
  const safe = next ? safeNextPath(next, "") : "";
  return safe ? `/sign-in?next=${encodeURIComponent(safe)}` : "/sign-in";
}
