/**
 * Operator CLI: `npm run admin -- <command> [options]` (see `npm run admin -- --help`).
 * Commands live in lib/admin/commands/ (one file each) and are registered in
 * lib/admin/commands/index.ts with one line.
 */
import { runAdmin } from "@/lib/admin/run";

process.exitCode = await runAdmin(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
