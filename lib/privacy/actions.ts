"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { z } from "zod";
import { signOut } from "@/auth";
import { getDb } from "@/db/client";
import { ActionError, authedAction } from "@/lib/actions/safe-action";
import { authenticateWithPassword } from "@/lib/auth/authenticate";
import { appOrigin } from "@/lib/billing/origin";
import { describeMail } from "@/lib/mail";
import { clientIp } from "@/lib/security/client-ip";
import { consumeDeletionToken, deleteAccount, DeletionLinkError, hasPassword, sendDeletionLink } from "./delete-account";
import { retentionDaysSchema, setRetentionDays } from "./retention";

/** Settings → Privacy: how long chat and cue history is kept (1–180 days). */
export const setRetentionAction = authedAction(z.object({ days: retentionDaysSchema }), async ({ days }, { user }) => {
  const saved = await setRetentionDays(getDb(), user.id, days);
  revalidatePath("/settings/privacy");
  return { days: saved };
});

/** Accounts without a password re-authenticate with a one-time link (mail seam; logged without SMTP). */
export const sendDeletionLinkAction = authedAction(z.object({}), async (_input, { user }) => {
  if (await hasPassword(getDb(), user.id)) throw new ActionError("Your account has a password: enter it to confirm instead.");
  const h = await headers();
  const result = await sendDeletionLink(getDb(), user, appOrigin(undefined, h.get("x-forwarded-host") ?? h.get("host"), h.get("x-forwarded-proto")));
  return { via: result.via, mail: describeMail().label };
});

const deleteSchema = z.object({
  confirm: z.literal("DELETE", { error: "Type DELETE (in capitals) to confirm." }),
  password: z.string().max(1000).optional(),
  token: z.string().max(200).optional(),
});

/**
 * Deletes the signed-in account after re-authentication (the password, or the emailed link for
 * accounts without one), then signs out. Everything else is lib/privacy/delete-account.ts.
 */
export const deleteAccountAction = authedAction(deleteSchema, async function deleteMyAccount({ password, token }, { user }) {
  const db = getDb();
  if (await hasPassword(db, user.id)) {
    if (!password) throw new ActionError("Enter your password to confirm.", { fieldErrors: { password: ["Enter your password to confirm."] } });
    const check = await authenticateWithPassword(db, { email: user.email, password, ip: clientIp(await headers()) });
    if (!check.ok) {
      const message =
        check.code === "throttled" ? "Too many attempts. Wait a few minutes and try again." : "That password is not right. Nothing was deleted.";
      throw new ActionError(message, { fieldErrors: { password: [message] } });
    }
    if (check.user.id !== user.id) throw new ActionError("That password is not right. Nothing was deleted.");
  } else if (!token || !(await consumeDeletionToken(db, user.id, token))) {
    throw new DeletionLinkError();
  }
  await deleteAccount(db, user.id);
  await signOut({ redirectTo: "/sign-in?notice=account-deleted" });
  return { deleted: true };
});
