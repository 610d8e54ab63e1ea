import type { AdminCommand } from "./command";
import * as commands from "./commands";

/** Sorted by name for --help. */
export const ADMIN_COMMANDS: readonly AdminCommand[] = Object.values(commands).sort((a, b) => a.name.localeCompare(b.name));

export function findCommand(name: string): AdminCommand | undefined {
  return ADMIN_COMMANDS.find((c) => c.name === name);
}
