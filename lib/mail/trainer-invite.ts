import { sendMail, type SendResult } from "./transport";

/** A trainer's invitation to link accounts. Without SMTP the link goes to the server log. */
export async function sendTrainerInviteEmail({
  to,
  url,
  trainerName,
  expires,
}: {
  to: string;
  url: string;
  trainerName: string;
  expires: Date;
}): Promise<SendResult> {
  const days = Math.max(1, Math.round((expires.getTime() - Date.now()) / 86_400_000));
  const text = [
    `${trainerName} invited you to train with them on Spotter.`,
    "",
    "Open this link to see exactly what they would be able to see, and to accept or decline:",
    url,
    "",
    `The invitation expires in ${days} days. Nothing is shared until you accept, and you can stop sharing at any time.`,
  ].join("\n");
  return sendMail(
    { to, subject: `${trainerName} invited you to Spotter`, text },
    { logLine: `[spotter] TRAINER INVITE for ${to} (SMTP not configured): ${url}` },
  );
}
