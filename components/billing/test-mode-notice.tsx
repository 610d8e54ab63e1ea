import { FlaskConical } from "lucide-react";
import { cn } from "@/components/ui/cn";

/** Shown on everything the local test-mode Stripe touches. */
export function TestModeNotice({ className, compact = false }: { className?: string; compact?: boolean }) {
  return (
    <div
      role="note"
      data-testid="test-mode"
      className={cn("flex items-center gap-2 rounded-xl border border-warning/30 bg-warning-soft px-3 py-2 text-sm text-ink", className)}
    >
      <FlaskConical aria-hidden className="size-4 shrink-0 text-warning" />
      <span>
        <strong>Test mode — no money moves.</strong>
        {compact ? null : " This server runs a local stand-in for Stripe: use card 4242 4242 4242 4242 with any future date and CVC."}
      </span>
    </div>
  );
}
