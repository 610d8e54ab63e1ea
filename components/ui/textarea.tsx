import * as React from "react";
import { cn } from "./cn";
import { fieldClasses } from "./input";

export interface TextareaProps extends React.TextareaHTMLAttributes<HTMLTextAreaElement> {
  ref?: React.Ref<HTMLTextAreaElement>;
}

export function Textarea({ className, rows = 4, ...props }: TextareaProps) {
  return <textarea rows={rows} className={cn(fieldClasses, "min-h-20 py-2 leading-relaxed", className)} {...props} />;
}
