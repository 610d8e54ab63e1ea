import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { resetEnvCache } from "@/lib/config/env";

const sendMail = vi.hoisted(() => vi.fn());
const createTransport = vi.hoisted(() => vi.fn(() => ({ sendMail })));
vi.mock("nodemailer", () => ({ default: { createTransport }, createTransport }));

const { describeMail, sendMail: send, sendMagicLinkEmail, MailDeliveryError, DEFAULT_EMAIL_FROM } = await import("@/lib/mail");

const SMTP = "smtp://mailer:s3cret-pass@smtp.example.com:587";
const LINK = "http://localhost:3000/api/auth/callback/email?callbackUrl=%2Fworkouts&token=abc123&email=a%40example.com";

function setEnv(vars: Record<string, string | undefined>) {
  for (const [k, v] of Object.entries(vars)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetEnvCache();
}

describe("mail seam", () => {
  let log: ReturnType<typeof vi.spyOn>;
  let err: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    log = vi.spyOn(console, "log").mockImplementation(() => {});
    err = vi.spyOn(console, "error").mockImplementation(() => {});
    sendMail.mockReset();
    createTransport.mockClear();
  });
  afterEach(() => {
    log.mockRestore();
    err.mockRestore();
    setEnv({ SMTP_URL: undefined, EMAIL_FROM: undefined });
  });

  it("without SMTP_URL: says so, and writes the magic link to the server log, clearly marked", async () => {
    setEnv({ SMTP_URL: undefined });
    expect(describeMail()).toEqual({ service: "mail", title: "Email", id: "log", label: "Server log (SMTP not configured)", mode: "embedded" });
    expect(await sendMagicLinkEmail({ to: "a@example.com", url: LINK })).toEqual({ via: "log" });
    expect(log).toHaveBeenCalledWith(`[spotter] MAGIC LINK for a@example.com (SMTP not configured): ${LINK}`);
    expect(createTransport).not.toHaveBeenCalled();
  });

  it("with SMTP_URL: sends through nodemailer from EMAIL_FROM, with text and HTML versions", async () => {
    setEnv({ SMTP_URL: SMTP, EMAIL_FROM: "Spotter <hi@spotter.example>" });
    sendMail.mockResolvedValue({ messageId: "<m1@x>", rejected: [], pending: [] });
    const expires = new Date(Date.now() + 15 * 60_000);
    expect(await sendMagicLinkEmail({ to: "a@example.com", url: LINK, expires })).toEqual({ via: "smtp", messageId: "<m1@x>" });
    expect(createTransport).toHaveBeenCalledWith(SMTP);
    const message = sendMail.mock.calls[0][0];
    expect(message).toMatchObject({ from: "Spotter <hi@spotter.example>", to: "a@example.com", subject: "Your Spotter sign-in link" });
    expect(message.text).toContain(LINK);
    expect(message.text).toContain("15 minutes");
    expect(message.html).toContain(LINK.replace(/&/g, "&amp;"));
    expect(log).not.toHaveBeenCalled();
  });

  it("labels SMTP by host only — never the credentials", () => {
    setEnv({ SMTP_URL: SMTP });
    const info = describeMail();
    expect(info).toMatchObject({ id: "smtp", label: "SMTP (smtp.example.com:587)", mode: "external" });
    expect(JSON.stringify(info)).not.toContain("s3cret");
  });

  it("defaults the sender when EMAIL_FROM is not set", async () => {
    setEnv({ SMTP_URL: SMTP, EMAIL_FROM: undefined });
    sendMail.mockResolvedValue({ messageId: "x", rejected: [] });
    await send({ to: "b@example.com", subject: "s", text: "t" });
    expect(sendMail.mock.calls[0][0].from).toBe(DEFAULT_EMAIL_FROM);
  });

  it("turns SMTP failures and rejected recipients into MailDeliveryError, logging without secrets", async () => {
    setEnv({ SMTP_URL: SMTP });
    sendMail.mockRejectedValueOnce(new Error("connect ECONNREFUSED"));
    await expect(send({ to: "b@example.com", subject: "s", text: "t" })).rejects.toBeInstanceOf(MailDeliveryError);
    sendMail.mockResolvedValueOnce({ messageId: "x", rejected: ["b@example.com"], pending: [] });
    await expect(send({ to: "b@example.com", subject: "s", text: "t" })).rejects.toBeInstanceOf(MailDeliveryError);
    const logged = err.mock.calls.map((c: unknown[]) => c.join(" ")).join("\n");
    expect(logged).toContain("ECONNREFUSED");
    expect(logged).not.toContain("s3cret");
  });
});
