/**
 * The client's IP for throttling: the first hop of X-Forwarded-For, else X-Real-IP.
 * Behind a reverse proxy (the supported deployment) the proxy sets these; without one a client
 * can forge them, which is why per-IP limits only ever add to the per-account limits.
 */
export function clientIp(headers: Pick<Headers, "get"> | Record<string, string | string[] | undefined>): string | null {
  const get = (name: string): string | null => {
    if (typeof (headers as Headers).get === "function") return (headers as Headers).get(name);
    const v = (headers as Record<string, string | string[] | undefined>)[name];
    return Array.isArray(v) ? (v[0] ?? null) : (v ?? null);
  };
  const forwarded = get("x-forwarded-for")?.split(",")[0]?.trim();
  const candidate = forwarded || get("x-real-ip")?.trim() || "";
  return normaliseIp(candidate);
}

function normaliseIp(raw: string): string | null {
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
