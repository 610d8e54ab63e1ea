import { twMerge } from "tailwind-merge";

type ClassValue = string | false | null | undefined | 0;

/** Joins class names, dropping falsy ones; later Tailwind classes win over conflicting earlier ones. */
export function cn(...classes: ClassValue[]): string {
  return twMerge(classes.filter(Boolean).join(" "));
}
