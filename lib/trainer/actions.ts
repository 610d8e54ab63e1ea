"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { authedAction } from "@/lib/actions/safe-action";
import { appOrigin } from "@/lib/billing/origin";
import { emailSchema } from "@/lib/users/email";
import { acceptInvitation, createShareCode, declineInvitation, inviteByEmail, revokeLink } from "./links";
import { ValidationError } from "@/lib/validation/validation-error";
import { parseProgrammeText, ProgrammeTextError } from "./programme-schema";
import { answerProposal, proposeCoachChanges } from "./coach-proposals";
import { assignProgramme, deleteProgramme, draftProgrammeFromCoach, endAssignment, saveProgramme } from "./programmes";
import { MAX_MESSAGE_CHARS, sendAsAthlete, sendAsTrainer } from "./messages";
import { saveTrainerSettings } from "./settings";

/**
 * Every trainer action. Ids in the input (link, client, programme) are never trusted on their own:
 * each handler passes the signed-in user's id to a lib function that scopes or checks it
 * (requireClientAccess for a client's data). tests/trainer-tenancy.db.test.ts covers every export.
 */

const codeSchema = z.object({ code: z.string().trim().min(1, "Enter the code your trainer gave you.").max(100) });

export const inviteAthleteAction = authedAction(z.object({ email: emailSchema }), async ({ email }, { user }) => {
  const h = await headers();
  const origin = appOrigin(undefined, h.get("x-forwarded-host") ?? h.get("host"), h.get("x-forwarded-proto"));
  const sent = await inviteByEmail(getDb(), user, email, origin);
  revalidatePath("/trainer");
  return {
    message:
      sent.via === "smtp"
        ? `Invitation sent to ${email}.`
        : `Invitation created for ${email}. Email is not configured on this server, so the link was written to the server log.`,
  };
});

export const createShareCodeAction = authedAction(z.object({}), async (_input, { user }) => {
  const { code } = await createShareCode(getDb(), user.id);
  revalidatePath("/trainer");
  return { code, message: `Share code ${code} — your athlete enters it under Settings → Trainers.` };
});

export const acceptInvitationAction = authedAction(codeSchema, async ({ code }, { user }) => {
  await acceptInvitation(getDb(), user, code);
  revalidatePath("/settings/trainers");
  redirect("/settings/trainers?accepted=1");
});

export const declineInvitationAction = authedAction(codeSchema, async ({ code }, { user }) => {
  await declineInvitation(getDb(), user, code);
  redirect("/settings/trainers?declined=1");
});

/** Either side: the trainer ends a link or cancels an invitation; the athlete stops sharing. */
export const revokeLinkAction = authedAction(z.object({ linkId: z.uuid("This link does not exist.") }), async ({ linkId }, { user }) => {
  await revokeLink(getDb(), user.id, linkId);
  revalidatePath("/trainer");
  revalidatePath("/settings/trainers");
  return { message: "Ended. Nothing more is shared." };
});

export const saveTrainerSettingsAction = authedAction(
  z.object({ inactiveDays: z.coerce.number().int("Whole days only.").min(1, "At least 1 day.").max(60, "At most 60 days.") }),
  async ({ inactiveDays }, { user }) => {
    await saveTrainerSettings(getDb(), user.id, { inactiveDays });
    revalidatePath("/trainer");
    return { message: "Saved." };
  },
);

/** The athlete stops following their assigned programme. */
export const endAssignmentAction = authedAction(
  z.object({ assignmentId: z.uuid("This programme is not active.") }),
  async ({ assignmentId }, { user }) => {
    await endAssignment(getDb(), user.id, assignmentId);
    revalidatePath("/settings/trainers");
    return { message: "You no longer follow this programme." };
  },
);

const programmeFormSchema = z.object({
  id: z.uuid().optional(),
  name: z.string().trim().min(1, "Name the programme.").max(120, "At most 120 characters."),
  weeks: z.coerce.number().int().min(1, "1–24 weeks.").max(24, "1–24 weeks."),
  text: z.string().min(1, "Write at least one day.").max(20_000),
});

/** The trainer's simple programme form: name, weeks, and one day per line. */
export const saveProgrammeAction = authedAction(programmeFormSchema, async ({ id, name, weeks, text }, { user }) => {
  let body;
  try {
    body = parseProgrammeText(text, weeks);
  } catch (e) {
    if (e instanceof ProgrammeTextError) throw new ValidationError(e.message, { text: [e.message] });
    throw e;
  }
  const saved = await saveProgramme(getDb(), user.id, { id, name, body });
  revalidatePath("/trainer/programmes");
  return { id: saved.id, message: `Saved "${name}".` };
});

export const deleteProgrammeAction = authedAction(z.object({ id: z.uuid("This programme does not exist.") }), async ({ id }, { user }) => {
  await deleteProgramme(getDb(), user.id, id);
  revalidatePath("/trainer/programmes");
  return { message: "Deleted." };
});

/** Copies one of the trainer's programmes onto a client — after requireClientAccess(write) inside assignProgramme. */
export const assignProgrammeAction = authedAction(
  z.object({ clientId: z.string().min(1).max(100), programmeId: z.uuid("Choose a programme.") }),
  async ({ clientId, programmeId }, { user }) => {
    const a = await assignProgramme(getDb(), user.id, clientId, programmeId);
    revalidatePath(`/trainer/clients/${clientId}`);
    revalidatePath("/trainer");
    return { message: `Assigned, starting ${a.startDate}.` };
  },
);

const messageBody = z.string().trim().min(1, "Write a message first.").max(MAX_MESSAGE_CHARS, `At most ${MAX_MESSAGE_CHARS} characters.`);

/** The trainer writes to a client (or comments on one of the client's workouts) — requireClientAccess(write) inside. */
export const sendTrainerMessageAction = authedAction(
  z.object({ clientId: z.string().min(1).max(100), body: messageBody, sessionId: z.uuid().optional() }),
  async ({ clientId, body, sessionId }, { user }) => {
    await sendAsTrainer(getDb(), user.id, clientId, body, sessionId);
    revalidatePath(`/trainer/clients/${clientId}`);
    return { message: "Sent." };
  },
);

/** The athlete writes to one of their trainers — an active link to that trainer is checked inside. */
export const sendAthleteMessageAction = authedAction(
  z.object({ trainerId: z.string().min(1).max(100), body: messageBody, sessionId: z.uuid().optional() }),
  async ({ trainerId, body, sessionId }, { user }) => {
    await sendAsAthlete(getDb(), user.id, trainerId, body, sessionId);
    revalidatePath("/settings/trainers");
    return { message: "Sent." };
  },
);

/** The trainer proposes their coach's methodology and safety rules for a client — requireClientAccess(write) inside. */
export const proposeCoachChangesAction = authedAction(z.object({ clientId: z.string().min(1).max(100) }), async ({ clientId }, { user }) => {
  await proposeCoachChanges(getDb(), user.id, clientId);
  revalidatePath(`/trainer/clients/${clientId}`);
  return { message: "Proposed. Your athlete's coach changes only if they confirm." };
});

/** The athlete applies (or declines) a trainer's proposal to their own primary coach. */
export const answerCoachProposalAction = authedAction(
  z.object({ proposalId: z.uuid("This proposal does not exist."), answer: z.enum(["accept", "decline"]) }),
  async ({ proposalId, answer }, { user }) => {
    const r = await answerProposal(getDb(), user.id, proposalId, answer === "accept");
    revalidatePath("/settings/trainers");
    revalidatePath("/coach");
    return { message: r.coachVersion ? `Applied: your coach is now at version ${r.coachVersion}.` : "Declined. Your coach is unchanged." };
  },
);

/** The trainer's own coach drafts a programme from its methodology (offline rules; saved as a template to edit). */
export const draftProgrammeAction = authedAction(
  z.object({ weeks: z.coerce.number().int().min(1, "1–24 weeks.").max(24, "1–24 weeks.").default(4) }),
  async ({ weeks }, { user }) => {
    const saved = await draftProgrammeFromCoach(getDb(), user.id, weeks);
    revalidatePath("/trainer/programmes");
    return { id: saved.id, message: `Drafted "${saved.name}" from your coach's methodology — check it before assigning.` };
  },
);
