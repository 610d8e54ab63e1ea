import * as React from "react";
import { cn } from "./cn";

export const fieldClasses =
  "block w-full rounded-xl border border-line-strong bg-surface px-3 text-base text-ink shadow-[inset_0_1px_0_rgb(15_20_17/0.03)] " +
  "placeholder:text-ink-muted/80 transition-[border-color,box-shadow] " +
  "hover:border-ink-muted focus:border-ink focus:outline-none focus:ring-3 focus:ring-accent/60 " +
  "disabled:cursor-not-allowed disabled:bg-sunken disabled:opacity-70 " +
  "aria-invalid:border-danger aria-invalid:focus:ring-danger/25 sm:text-sm";

export interface InputProps extends React.InputHTMLAttributes<HTMLInputElement> {
  ref?: React.Ref<HTMLInputElement>;
}

/** Text-like input. Pass aria-invalid and aria-describedby (pointing at a FieldError) when invalid. */
export function Input({ className, type = "text", ...props }: InputProps) {
  return <input type={type} className={cn(fieldClasses, "h-10", className)} {...props} />;
}
