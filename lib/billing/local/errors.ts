/** An error in Stripe's shape: {"error": {"type", "code", "message", "param"}} with its HTTP status. */
export class LocalStripeError extends Error {
  constructor(
    readonly status: number,
    readonly type: "invalid_request_error" | "card_error" | "api_error" | "authentication_error",
    message: string,
    readonly code?: string,
    readonly param?: string,
    readonly declineCode?: string,
  ) {
    super(message);
    this.name = "LocalStripeError";
  }

  toJSON() {
    return {
      error: {
        type: this.type,
        message: this.message,
        ...(this.code ? { code: this.code } : {}),
        ...(this.param ? { param: this.param } : {}),
        ...(this.declineCode ? { decline_code: this.declineCode } : {}),
        doc_url: this.code ? `https://stripe.com/docs/error-codes/${this.code.replace(/_/g, "-")}` : undefined,
      },
    };
  }
}

export const unknownParam = (param: string) =>
  new LocalStripeError(400, "invalid_request_error", `Received unknown parameter: ${param}`, "parameter_unknown", param);
export const missingParam = (param: string) =>
  new LocalStripeError(400, "invalid_request_error", `Missing required param: ${param}.`, "parameter_missing", param);
export const invalidParam = (param: string, message: string) =>
  new LocalStripeError(400, "invalid_request_error", message, "parameter_invalid_string", param);
export const noSuch = (what: string, id: string, param = "id") =>
  new LocalStripeError(404, "invalid_request_error", `No such ${what}: '${id}'`, "resource_missing", param);
