/** "just now", "5 min ago", "3 h ago", "2 d ago", then a short date ("Nov 28") in the given zone. */
export function formatRelativeTime(iso: string, now: number, timeZone?: string): string {
  const diff = Math.max(0, now - Date.parse(iso));
  const min = Math.round(diff / 60_000);
  if (min < 1) return "just now";
  if (min < 60) return `${min} min ago`;
  const h = Math.round(min / 60);
  if (h < 24) return `${h} h ago`;
  const d = Math.round(h / 24);
  if (d < 7) return `${d} d ago`;
  return formatShortDate(iso, timeZone);
}

/** "Nov 28" — deterministic for a given zone, so the server and the browser agree. */
export function formatShortDate(iso: string, timeZone = "UTC"): string {
  return new Date(iso).toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone });
}
