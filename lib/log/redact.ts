/**
 * Secrets never reach the logs: every server-side error log goes through `logError`, which masks
 * API keys, webhook secrets, bearer tokens, passwords inside URLs and the values of the secret
 * environment variables — whatever a provider's error message happened to echo back.
 */
const SECRET_ENV = [
  "OPENAI_API_KEY",
  "STRIPE_SECRET_KEY",
  "STRIPE_WEBHOOK_SECRET",
  "ELEVENLABS_API_KEY",
  "AUTH_SECRET",
  "AUTH_GITHUB_SECRET",
  "AUTH_GOOGLE_SECRET",
  "SMTP_URL",
  "DATABASE_URL",
  "SANDBOX_DATABASE_URL",
  "TRAINING_HMAC_SECRET",
];

const PATTERNS: [RegExp, string][] = [
  [/\b(sk|rk|pk)_(live|test)_[A-Za-z0-9]{4,}/g, "$1_$2_***"],
  [/\bwhsec_[A-Za-z0-9+/=]{4,}/g, "whsec_***"],
  [/\bsk-[A-Za-z0-9_-]{3,}/g, "sk-***"],
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi, "$1 ***"],
  [/\b(xi-api-key|api[-_]?key|authorization)(["']?\s*[:=]\s*["']?)[^\s"',;]{6,}/gi, "$1$2***"],
  [/([a-z][a-z0-9+.-]*:\/\/[^:\s/@]+:)[^@\s]+@/gi, "$1***@"],
];

export function redactSecrets(text: string, env: Record<string, string | undefined> = process.env): string {
  let out = text;
  for (const name of SECRET_ENV) {
    const value = env[name];
    if (value && value.length >= 8) out = out.split(value).join(`[${name}]`);
  }
  for (const [re, replacement] of PATTERNS) out = out.replace(re, replacement);
  return out;
}

/** The error as one redacted line (its message), or with `stack` its redacted stack trace. */
export function errorText(error: unknown, { stack = false } = {}): string {
  const text = error instanceof Error ? (stack && error.stack) || error.message : String(error);
  return redactSecrets(text);
}

/** `console.error("<scope> <what>: <redacted error>")` — the one way server code logs a failure. */
export function logError(what: string, error: unknown, opts: { stack?: boolean } = {}): void {
  console.error(`${what}: ${errorText(error, opts)}`);
}
