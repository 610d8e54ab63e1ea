import { env } from "@/lib/config/env";

/**
 * The client's IP for throttling. Each proxy appends the address it received the request from to
 * X-Forwarded-For, so only the entries added by our own proxies can be trusted: with
 * TRUSTED_PROXY_HOPS = n (default 1: one proxy such as Vercel's edge or an nginx in front) the
 * client is the n-th entry from the right. Entries further left were sent by the client and can
 * be anything. Without X-Forwarded-For, X-Real-IP (set by the proxy); with 0 hops, no header is
 * trusted and there is no per-IP key. Per-IP limits only ever add to the per-account limits.
 */
export function clientIp(
  headers: Pick<Headers, "get"> | Record<string, string | string[] | undefined>,
  hops: number = env().TRUSTED_PROXY_HOPS ?? 1,
): string | null {
  if (hops <= 0) return null;
  const get = (name: string): string | null => {
    if (typeof (headers as Headers).get === "function") return (headers as Headers).get(name);
    const v = (headers as Record<string, string | string[] | undefined>)[name];
    return Array.isArray(v) ? v.join(",") : (v ?? null);
  };
  const forwarded = get("x-forwarded-for")
    ?.split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (forwarded?.length) return normalizeIp(forwarded[Math.max(0, forwarded.length - hops)]);
  return normalizeIp(get("x-real-ip")?.trim() ?? "");
}

function normalizeIp(raw: string): string | null {
  let ip = raw;
  // "[2001:db8::1]:443" and "203.0.113.7:5123" forms some proxies emit.
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(ip);
  if (bracketed) ip = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(ip)) ip = ip.slice(0, ip.lastIndexOf(":"));
  if (ip.startsWith("::ffff:") && ip.includes(".")) ip = ip.slice(7);
  ip = ip.toLowerCase();
  if (!ip || ip.length > 45 || !/^[0-9a-f:.]+$/.test(ip)) return null;
  return ip;
}
