import type { z } from "zod";
import { UserError } from "@/lib/errors/user-error";
import { zodFieldErrors } from "./field-errors";

/** Input that failed its zod schema: status 400, code "validation", messages per field. */
export class ValidationError extends UserError {
  declare readonly fieldErrors: Record<string, string[]>;

  constructor(message: string, fieldErrors: Record<string, string[]> = {}) {
    super(message, { code: "validation", status: 400, fieldErrors });
  }

  /** The first message (form-level first) as the headline, every field's messages attached. */
  static fromZod<T extends typeof ValidationError>(this: T, error: z.ZodError, fallback = "Please check the highlighted fields."): InstanceType<T> {
    const { formErrors, fieldErrors } = zodFieldErrors(error.issues);
    return new this(formErrors[0] ?? Object.values(fieldErrors).flat()[0] ?? fallback, fieldErrors) as InstanceType<T>;
  }
}
