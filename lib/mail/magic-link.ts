import { sendMail, type SendResult } from "./transport";

/** The sign-in email. Without SMTP the link goes to the server log, marked so it is easy to find. */
export async function sendMagicLinkEmail({ to, url, expires }: { to: string; url: string; expires?: Date }): Promise<SendResult> {
  const host = new URL(url).host;
  const minutes = expires ? Math.max(1, Math.round((expires.getTime() - Date.now()) / 60_000)) : null;
  const validity = minutes ? (minutes >= 120 ? `${Math.round(minutes / 60)} hours` : `${minutes} minutes`) : null;
  const text = [
    `Sign in to Spotter (${host})`,
    "",
    `Open this link to sign in:`,
    url,
    "",
    validity ? `The link works once and expires in ${validity}.` : "The link works once.",
    "If you did not ask for it, you can ignore this email.",
  ].join("\n");
  return sendMail(
    { to, subject: "Your Spotter sign-in link", text, html: magicLinkHtml({ url, host, validity }) },
    { logLine: `[spotter] MAGIC LINK for ${to} (SMTP not configured): ${url}` },
  );
}

function escapeHtml(s: string) {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

function magicLinkHtml({ url, host, validity }: { url: string; host: string; validity: string | null }) {
  const href = escapeHtml(url);
  return `<!doctype html><html><body style="margin:0;background:#f6f7f2;font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#0f1411">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center" style="padding:32px 16px">
<table role="presentation" width="100%" style="max-width:480px;background:#ffffff;border:1px solid #dfe3da;border-radius:16px" cellpadding="0" cellspacing="0"><tr><td style="padding:32px">
<p style="margin:0 0 8px;font-size:13px;letter-spacing:.08em;text-transform:uppercase;color:#56615a">Spotter</p>
<h1 style="margin:0 0 16px;font-size:22px">Sign in to ${escapeHtml(host)}</h1>
<p style="margin:0 0 24px;line-height:1.5">Tap the button to sign in. ${validity ? `The link works once and expires in ${escapeHtml(validity)}.` : "The link works once."}</p>
<a href="${href}" style="display:inline-block;background:#b6f23a;color:#1d2a05;font-weight:600;text-decoration:none;padding:12px 20px;border-radius:12px">Sign in</a>
<p style="margin:24px 0 0;font-size:13px;line-height:1.5;color:#56615a">If you did not ask for this email, you can ignore it.</p>
</td></tr></table></td></tr></table></body></html>`;
}
