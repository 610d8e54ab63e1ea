import * as React from "react";
import { cn } from "./cn";

/** Friendly "nothing here yet" block with an optional icon and call to action. */
export function EmptyState({
  icon,
  title,
  description,
  action,
  className,
}: {
  icon?: React.ReactNode;
  title: string;
  description?: React.ReactNode;
  action?: React.ReactNode;
  className?: string;
}) {
  return (
    <div
      className={cn(
        "flex flex-col items-center rounded-card border border-dashed border-line-strong bg-surface/60 px-6 py-12 text-center",
        className,
      )}
    >
      {icon ? (
        <div aria-hidden className="mb-4 grid size-12 place-items-center rounded-2xl bg-accent-soft text-accent-text [&_svg]:size-6">
          {icon}
        </div>
      ) : null}
      <h2 className="text-lg font-semibold text-ink">{title}</h2>
      {description ? <div className="mt-1.5 max-w-md text-sm text-ink-muted">{description}</div> : null}
      {action ? <div className="mt-5 flex flex-wrap justify-center gap-2">{action}</div> : null}
    </div>
  );
}
