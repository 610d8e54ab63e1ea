import { cn } from "./cn";

/** Loading placeholder block (decorative; pair with an sr-only "Loading…" status). */
export function Skeleton({ className }: { className?: string }) {
  return <div aria-hidden className={cn("animate-pulse rounded-lg bg-sunken", className)} />;
}
