import nodemailer, { type Transporter } from "nodemailer";
import { env, type Env } from "@/lib/config/env";
import { safeHost, type DescribeService } from "@/lib/services/description";
import { logError } from "@/lib/log/redact";

/**
 * The mail seam. SMTP_URL set → real delivery through nodemailer. Not set → the message is
 * written to the server log, clearly marked, and callers/UI say so (no pretend "email sent").
 */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export const DEFAULT_EMAIL_FROM = "Spotter <no-reply@spotter.local>";

/** The mail seam's own words (id "smtp" | "log"); the host only, never the credentials in the URL. */
export const describeMail: DescribeService = (e: Env = env()) => {
  if (!e.SMTP_URL) return { service: "mail", title: "Email", id: "log", label: "Server log (SMTP not configured)", mode: "embedded" };
  const host = safeHost(e.SMTP_URL);
  return { service: "mail", title: "Email", id: "smtp", label: host ? `SMTP (${host})` : "SMTP", mode: "external" };
};

const g = globalThis as unknown as { __spotterMailer?: { url: string; transporter: Transporter } };

function transporter(url: string): Transporter {
  if (g.__spotterMailer?.url !== url) g.__spotterMailer = { url, transporter: nodemailer.createTransport(url) };
  return g.__spotterMailer.transporter;
}

export class MailDeliveryError extends Error {
  constructor(readonly recipient: string) {
    super("The email could not be sent. Please try again in a moment.");
    this.name = "MailDeliveryError";
  }
}

export type SendResult = { via: "smtp"; messageId: string } | { via: "log" };

/**
 * Sends `message`. `logLine` is what the log transport prints instead (defaults to the subject
 * and text); SMTP failures are logged without credentials and surface as MailDeliveryError.
 */
export async function sendMail(message: MailMessage, opts: { logLine?: string } = {}): Promise<SendResult> {
  const { SMTP_URL, EMAIL_FROM } = env();
  if (!SMTP_URL) {
    console.log(opts.logLine ?? `[spotter] EMAIL to ${message.to} (SMTP not configured): ${message.subject}\n${message.text}`);
    return { via: "log" };
  }
  try {
    const info = await transporter(SMTP_URL).sendMail({ from: EMAIL_FROM ?? DEFAULT_EMAIL_FROM, ...message });
    const failed = [...(info.rejected ?? []), ...(info.pending ?? [])].filter(Boolean);
    if (failed.length) throw new Error(`rejected by the SMTP server (${failed.length} recipient(s))`);
    return { via: "smtp", messageId: String(info.messageId ?? "") };
  } catch (e) {
    logError(`[spotter] mail: delivery via ${describeMail().label} failed`, e);
    throw new MailDeliveryError(message.to);
  }
}
