/*
 * Plain class strings, no cn(): the root error boundary (a client component on every page) renders
 * the logo, and tailwind-merge would add 10 KB of gzipped JavaScript to the landing page.
 */
/** Spotter mark: a loaded barbell on a lime plate. Decorative; the wordmark carries the name. */
function LogoMark({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" aria-hidden className={className ?? "size-8"}>
      <rect width="32" height="32" rx="9" fill="var(--color-accent)" />
      <rect x="4" y="15" width="24" height="2" rx="1" fill="var(--color-accent-ink)" />
      <rect x="7" y="9" width="3.5" height="14" rx="1.5" fill="var(--color-accent-ink)" />
      <rect x="11.5" y="11" width="2.5" height="10" rx="1.2" fill="var(--color-accent-ink)" />
      <rect x="21.5" y="9" width="3.5" height="14" rx="1.5" fill="var(--color-accent-ink)" />
      <rect x="18" y="11" width="2.5" height="10" rx="1.2" fill="var(--color-accent-ink)" />
    </svg>
  );
}

export function Logo({ className, tone = "dark" }: { className?: string; tone?: "dark" | "light" }) {
  return (
    <span className={`inline-flex items-center gap-2 ${className ?? ""}`}>
      <LogoMark />
      <span className={`font-display text-lg font-extrabold tracking-tight ${tone === "light" ? "text-chalk" : "text-ink"}`}>Spotter</span>
    </span>
  );
}
