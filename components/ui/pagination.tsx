import { ChevronLeft, ChevronRight } from "lucide-react";
import Link from "next/link";
import { cn } from "./cn";

/** Builds `?page=N` links that keep the other query parameters (page 1 drops the parameter). */
export function pageHref(pathname: string, searchParams: Record<string, string | string[] | undefined>, page: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(searchParams)) {
    if (key === "page" || value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) params.append(key, v);
  }
  if (page > 1) params.set("page", String(page));
  const qs = params.toString();
  return qs ? `${pathname}?${qs}` : pathname;
}

/** Page numbers to show: first, last, current ±1, with null marking a gap. */
function pageWindow(page: number, pageCount: number): (number | null)[] {
  const wanted = new Set([1, pageCount, page - 1, page, page + 1].filter((p) => p >= 1 && p <= pageCount));
  const sorted = [...wanted].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  for (const p of sorted) {
    const prev = out[out.length - 1];
    if (typeof prev === "number" && p - prev > 1) out.push(null);
    out.push(p);
  }
  return out;
}

const linkBase = "inline-flex h-9 min-w-9 items-center justify-center gap-1 rounded-lg px-2.5 text-sm font-medium tabular transition-colors";

/**
 * Plain links (works without JavaScript, crawlable). Server component: pass `href` as a function
 * from a server page, e.g. `href={(p) => pageHref("/workouts", searchParams, p)}`.
 */
export function Pagination({
  page,
  pageCount,
  href,
  className,
}: {
  page: number;
  pageCount: number;
  href: (page: number) => string;
  className?: string;
}) {
  if (pageCount <= 1) return null;
  const prev = page > 1 ? href(page - 1) : null;
  const next = page < pageCount ? href(page + 1) : null;
  return (
    <nav aria-label="Pagination" className={cn("flex items-center justify-between gap-2 sm:justify-center", className)}>
      {prev ? (
        <Link href={prev} rel="prev" className={cn(linkBase, "text-ink hover:bg-sunken")}>
          <ChevronLeft aria-hidden className="size-4" /> Previous
        </Link>
      ) : (
        <span aria-disabled className={cn(linkBase, "text-ink-muted/60")}>
          <ChevronLeft aria-hidden className="size-4" /> Previous
        </span>
      )}
      <ol className="hidden items-center gap-1 sm:flex">
        {pageWindow(page, pageCount).map((p, i) =>
          p === null ? (
            <li key={`gap-${i}`} aria-hidden className="px-1 text-ink-muted">
              …
            </li>
          ) : (
            <li key={p}>
              <Link
                href={href(p)}
                aria-current={p === page ? "page" : undefined}
                aria-label={`Page ${p}`}
                className={cn(linkBase, p === page ? "bg-ink text-chalk" : "text-ink hover:bg-sunken")}
              >
                {p}
              </Link>
            </li>
          ),
        )}
      </ol>
      <span className="text-sm text-ink-muted tabular sm:hidden">
        Page {page} of {pageCount}
      </span>
      {next ? (
        <Link href={next} rel="next" className={cn(linkBase, "text-ink hover:bg-sunken")}>
          Next <ChevronRight aria-hidden className="size-4" />
        </Link>
      ) : (
        <span aria-disabled className={cn(linkBase, "text-ink-muted/60")}>
          Next <ChevronRight aria-hidden className="size-4" />
        </span>
      )}
    </nav>
  );
}
