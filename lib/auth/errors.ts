import { AuthError, CredentialsSignin } from "next-auth";

/** Credentials sign-in refused because of too many recent failures (the password was not checked). */
export class ThrottledSignin extends CredentialsSignin {
  code = "throttled";
  constructor(readonly retryAt: Date) {
    super();
  }
}

export class InvalidCredentials extends CredentialsSignin {
  code = "invalid_credentials";
}

/**
 * A magic link was not sent: too many requested for the address / IP, or mail delivery failed.
 * Typed as Auth.js's EmailSignInError so redirect-based flows land on /sign-in?error=EmailSignInError.
 */
export class MagicLinkError extends AuthError {
  static type = "EmailSignInError";
  constructor(
    readonly reason: "throttled" | "delivery",
    readonly retryAt?: Date,
  ) {
    super(reason === "throttled" ? "too many sign-in links requested" : "sign-in email could not be sent");
  }
}

/**
 * User-facing text for Auth.js error codes that reach /sign-in as `?error=…&code=…`
 * (redirect-based flows: OAuth callbacks, magic links, direct POSTs to /api/auth).
 */
export function authErrorMessage(error: string | undefined, code?: string): string | null {
  if (!error) return null;
  switch (error) {
    case "CredentialsSignin":
      return code === "throttled"
        ? "Too many sign-in attempts. Please wait a few minutes and try again."
        : "That email and password don't match. Check them and try again.";
    case "Verification":
      return "That sign-in link is invalid or has expired (each link works once). Request a new one below.";
    case "OAuthAccountNotLinked":
      return "An account with this email already exists. Sign in with your password or an email link first; for safety we don't link other providers automatically.";
    case "AccessDenied":
      return "Sign-in was denied. If you cancelled it, you can try again.";
    case "EmailSignin":
    case "EmailSignInError":
      return "We couldn't send a sign-in link just now (too many requests, or the email could not be sent). Please try again in a few minutes.";
    case "OAuthSignin":
    case "OAuthCallbackError":
    case "OAuthCallback":
      return "Signing in with that provider didn't work. Please try again.";
    case "MissingCSRF":
      return "Your sign-in form expired. Please try again.";
    case "Configuration":
      return "Sign-in couldn't be completed. Please try again in a few minutes; if it keeps failing, the server log has the details.";
    default:
      return "Sign-in didn't work. Please try again.";
  }
}
