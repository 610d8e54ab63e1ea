"use client";

import * as LabelPrimitive from "@radix-ui/react-label";
import * as React from "react";
import { cn } from "./cn";

export interface LabelProps extends React.ComponentProps<typeof LabelPrimitive.Root> {
  /** Appends a subtle "optional" marker. */
  optional?: boolean;
}

export function Label({ className, optional, children, ...props }: LabelProps) {
  return (
    <LabelPrimitive.Root className={cn("mb-1.5 block text-sm font-medium text-ink", className)} {...props}>
      {children}
      {optional ? <span className="ml-1.5 font-normal text-ink-muted">(optional)</span> : null}
    </LabelPrimitive.Root>
  );
}
