import type { ParseArgsConfig } from "node:util";
import type { Db } from "@/db/client";

type OptionsConfig = NonNullable<ParseArgsConfig["options"]>;
export type ParsedValues = Record<string, string | boolean | string[] | boolean[] | undefined>;

interface CommandContext {
  /** The prepared database (migrated; embedded mode also has the catalog and demo account). */
  db: Db;
  values: ParsedValues;
  positionals: string[];
}

/**
 * One operator command. `run` returns a JSON-serialisable value that the CLI prints on stdout;
 * throw UsageError for bad arguments (exit 2) or any other Error for a failure (exit 1).
 */
export interface AdminCommand {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Arguments after the command name, e.g. "--email EMAIL [--unit kg|lb] FILE". */
  usage: string;
  /** Longer help text (examples, notes). */
  details?: string;
  /** node:util parseArgs option config; --help is added by the dispatcher. */
  options: OptionsConfig;
  /** How many positional arguments the command takes (default 0). */
  positionals?: { min: number; max: number };
  /** Argument checks that need no database; run before the database is opened (throw UsageError). */
  validate?(values: ParsedValues, positionals: string[]): void;
  run(ctx: CommandContext): Promise<unknown>;
  /**
   * Optional: what to do when a running app holds the embedded database (e.g. talk to the app
   * over HTTP instead). Without it the CLI reports the database as in use.
   */
  runWhileAppRuns?(ctx: Omit<CommandContext, "db">): Promise<unknown>;
}

/** A result printed verbatim on stdout (instead of pretty JSON), with its own exit code. */
export class CommandOutput {
  constructor(
    readonly text: string,
    readonly exitCode = 0,
  ) {}
}

/** Bad invocation: printed with a pointer to --help, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

export function defineCommand(command: AdminCommand): AdminCommand {
  return command;
}

export function requireString(values: ParsedValues, name: string): string {
  const v = values[name];
  if (typeof v !== "string" || !v.trim()) throw new UsageError(`--${name} is required`);
  return v.trim();
}

export function optionalString(values: ParsedValues, name: string): string | undefined {
  const v = values[name];
  return typeof v === "string" && v.trim() ? v.trim() : undefined;
}

export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], name: string): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`--${name} must be one of ${allowed.join(", ")} (got "${value}")`);
  return value as T;
}
