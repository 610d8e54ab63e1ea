import { PLANS } from "@/db/schema";
import { getPlan, setPlan } from "@/lib/billing/plan";
import { defineCommand, oneOf, requireString } from "../command";
import { findUserByEmail } from "../find-user";

export default defineCommand({
  name: "set-plan",
  summary: "Change an account's plan (free, pro, trainer)",
  usage: "--email EMAIL --plan free|pro|trainer",
  options: {
    email: { type: "string" },
    plan: { type: "string" },
  },
  validate(values) {
    oneOf(requireString(values, "plan"), PLANS, "plan");
    requireString(values, "email");
  },
  async run({ db, values }) {
    const plan = oneOf(requireString(values, "plan"), PLANS, "plan")!;
    const user = await findUserByEmail(db, requireString(values, "email"));
    const previous = await getPlan(db, user.id);
    await setPlan(db, user.id, plan);
    return { id: user.id, email: user.email, previousPlan: previous, plan: await getPlan(db, user.id) };
  },
});
