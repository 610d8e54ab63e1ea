import { createUser } from "@/lib/users/create-user";
import { defineCommand, optionalString, requireString } from "../command";

export default defineCommand({
  name: "create-user",
  summary: "Create an account (profile + free plan) with a password",
  usage: "--email EMAIL --password PASSWORD [--name NAME]",
  options: {
    email: { type: "string" },
    password: { type: "string" },
    name: { type: "string" },
  },
  validate(values) {
    requireString(values, "email");
    requireString(values, "password");
  },
  async run({ db, values }) {
    const user = await createUser(db, {
      email: requireString(values, "email"),
      password: requireString(values, "password"),
      name: optionalString(values, "name"),
    });
    return { ...user, plan: "free" };
  },
});
