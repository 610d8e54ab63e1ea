import { CircleAlert, CircleCheck, Info, TriangleAlert } from "lucide-react";
import * as React from "react";
import { cn } from "./cn";

type AlertTone = "info" | "success" | "warning" | "danger";

const tones: Record<AlertTone, { box: string; icon: React.ComponentType<{ className?: string; "aria-hidden"?: boolean }> }> = {
  info: { box: "border-info/25 bg-info-soft text-ink [&_[data-icon]]:text-info", icon: Info },
  success: { box: "border-success/25 bg-success-soft text-ink [&_[data-icon]]:text-success", icon: CircleCheck },
  warning: { box: "border-warning/25 bg-warning-soft text-ink [&_[data-icon]]:text-warning", icon: TriangleAlert },
  danger: { box: "border-danger/25 bg-danger-soft text-ink [&_[data-icon]]:text-danger", icon: CircleAlert },
};

export interface AlertProps extends Omit<React.HTMLAttributes<HTMLDivElement>, "title"> {
  tone?: AlertTone;
  title?: React.ReactNode;
  /** Optional trailing slot, e.g. a Button. */
  action?: React.ReactNode;
}

/**
 * Callout box. danger/warning use role="alert" so screen readers announce them when they appear;
 * info/success use role="status".
 */
export function Alert({ tone = "info", title, action, className, children, ...props }: AlertProps) {
  const { box, icon: Icon } = tones[tone];
  return (
    <div
      role={tone === "danger" || tone === "warning" ? "alert" : "status"}
      className={cn("flex gap-3 rounded-xl border p-4 text-sm", box, className)}
      {...props}
    >
      <span data-icon className="mt-0.5">
        <Icon aria-hidden className="size-4" />
      </span>
      <div className="min-w-0 flex-1 space-y-1">
        {title ? <p className="font-semibold text-ink">{title}</p> : null}
        {children ? <div className="text-ink-soft">{children}</div> : null}
      </div>
      {action ? <div className="shrink-0 self-center">{action}</div> : null}
    </div>
  );
}
