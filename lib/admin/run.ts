import { parseArgs } from "node:util";
import { CommandOutput, UsageError, type AdminCommand } from "./command";
import { closeAdminDatabase, openAdminDatabase } from "./database";
import { ADMIN_COMMANDS, findCommand } from "./registry";

export interface AdminIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const PROGRAM = "npm run admin --";

function overview(): string {
  const width = Math.max(...ADMIN_COMMANDS.map((c) => c.name.length));
  return [
    `Spotter operator CLI. Prints JSON on stdout; errors go to stderr as {"error": "..."} with a non-zero exit code.`,
    "",
    `Usage: ${PROGRAM} <command> [options]`,
    `       ${PROGRAM} <command> --help`,
    "",
    "Commands:",
    ...ADMIN_COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Uses DATABASE_URL when set, otherwise the embedded database in $SPOTTER_DATA_DIR/pglite (default .data/pglite);",
    "the embedded database cannot be used while the app is running.",
  ].join("\n");
}

function commandHelp(c: AdminCommand): string {
  return [`${c.summary}.`, "", `Usage: ${PROGRAM} ${c.name} ${c.usage}`.trimEnd(), ...(c.details ? ["", c.details] : [])].join("\n");
}

/** The innermost meaningful error: drizzle wraps driver errors (and their messages carry the SQL parameters). */
function rootError(error: unknown): Error {
  let e = error as Error & { cause?: unknown };
  for (let i = 0; i < 5; i++) {
    if (e?.name === "DatabaseInUseError") return e;
    const cause = e?.cause as (Error & { cause?: unknown }) | undefined;
    if (!(cause instanceof Error)) break;
    if (e.name === "DrizzleQueryError" || /^Failed query/.test(e.message) || cause.name === "DatabaseInUseError") e = cause;
    else break;
  }
  return e instanceof Error ? e : new Error(String(error));
}

function fail(io: AdminIo, message: string, command: string | undefined, code: number, hint?: string): number {
  io.stderr(`${JSON.stringify({ error: message, ...(command ? { command } : {}) })}\n`);
  io.stderr(`admin${command ? ` ${command}` : ""}: ${message}\n${hint ? `${hint}\n` : ""}`);
  return code;
}

/** Runs one CLI invocation; returns the exit code. */
export async function runAdmin(argv: string[], io: AdminIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name) {
    io.stderr(`${overview()}\n`);
    return 2;
  }
  if (name === "--help" || name === "-h" || name === "help") {
    io.stdout(`${overview()}\n`);
    return 0;
  }
  const command = findCommand(name);
  if (!command) return fail(io, `unknown command "${name}"`, undefined, 2, `Run "${PROGRAM} --help" for the list of commands.`);

  let values: Record<string, unknown>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: rest,
      options: { ...command.options, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
      strict: true,
    }));
  } catch (error) {
    return fail(io, (error as Error).message, name, 2, `Run "${PROGRAM} ${name} --help" for usage.`);
  }
  if (values.help) {
    io.stdout(`${commandHelp(command)}\n`);
    return 0;
  }
  const { min, max } = command.positionals ?? { min: 0, max: 0 };
  if (positionals.length < min || positionals.length > max) {
    const msg = positionals.length > max ? `unexpected argument "${positionals[max]}"` : "missing argument";
    return fail(io, `${msg} (usage: ${name} ${command.usage})`, name, 2, `Run "${PROGRAM} ${name} --help" for usage.`);
  }

  try {
    command.validate?.(values as never, positionals);
  } catch (error) {
    if (error instanceof UsageError) return fail(io, error.message, name, 2, `Run "${PROGRAM} ${name} --help" for usage.`);
    throw error;
  }

  let handle: Awaited<ReturnType<typeof openAdminDatabase>> | undefined;
  try {
    handle = await openAdminDatabase();
    const result = await command.run({ db: handle.db, values: values as never, positionals });
    if (result instanceof CommandOutput) {
      io.stdout(result.text);
      return result.exitCode;
    }
    io.stdout(`${JSON.stringify(result, null, 2)}\n`);
    return 0;
  } catch (error) {
    const root = rootError(error);
    if (root.name === "DatabaseInUseError" && command.runWhileAppRuns && !handle) {
      try {
        const result = await command.runWhileAppRuns({ values: values as never, positionals });
        io.stdout(result instanceof CommandOutput ? result.text : `${JSON.stringify(result, null, 2)}\n`);
        return result instanceof CommandOutput ? result.exitCode : 0;
      } catch (inner) {
        const r = rootError(inner);
        return fail(io, r.message, name, r instanceof UsageError ? 2 : 1);
      }
    }
    if (root instanceof UsageError) return fail(io, root.message, name, 2, `Run "${PROGRAM} ${name} --help" for usage.`);
    if ((root as { code?: string }).code === "42P01" && handle && handle.kind !== "pglite") {
      return fail(io, `${root.message} — the database is not migrated yet; run "npm run db:migrate" first`, name, 1);
    }
    return fail(io, root.message, name, 1);
  } finally {
    await closeAdminDatabase(handle).catch(() => {});
  }
}
