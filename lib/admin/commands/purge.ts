import { purgeExpiredHistory } from "@/lib/privacy/retention";
import { defineCommand } from "../command";

export default defineCommand({
  name: "purge",
  summary: "Delete chat and cue history older than each user's retention setting (default 180 days)",
  usage: "",
  details:
    'Prints {"ran":true,"messages":N,"conversations":N,"cues":N}, or {"ran":false,"reason":"locked"} when another\n' +
    "purge (an app instance or another CLI) holds the lock right now. The app also runs it about once an hour.",
  options: {},
  async run({ db }) {
    return purgeExpiredHistory(db);
  },
});
