import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { exportArchive } from "@/lib/privacy/export";
import { recordDataAccess } from "@/lib/privacy/access-log";
import { defineCommand, requireString } from "../command";
import { findUserByEmail } from "../find-user";

export default defineCommand({
  name: "export",
  summary: "Write a user's full data export (the ZIP of Settings → Privacy) to a file",
  usage: "--email EMAIL --out FILE",
  details:
    "Streams the archive to FILE (written next to it first, then renamed, so a failed export leaves no partial file).\n" +
    "The read is recorded in the user's access log (Settings → Privacy) as an operator access.\n" +
    'Prints {"email","file","bytes"}.',
  options: { email: { type: "string" }, out: { type: "string" } },
  validate(values) {
    requireString(values, "email");
    requireString(values, "out");
  },
  async run({ db, values }) {
    const user = await findUserByEmail(db, requireString(values, "email"));
    const file = path.resolve(requireString(values, "out"));
    const partial = `${file}.partial`;
    await recordDataAccess(db, {
      subjectUserId: user.id,
      actorUserId: null,
      actorKind: "operator",
      what: "Full data export",
      via: "admin CLI: export",
    });
    try {
      await pipeline(Readable.from(exportArchive(db, user.id)), fs.createWriteStream(partial, { mode: 0o600 }));
      fs.renameSync(partial, file);
    } catch (error) {
      fs.rmSync(partial, { force: true });
      throw error;
    }
    return { email: user.email, file, bytes: fs.statSync(file).size };
  },
});
