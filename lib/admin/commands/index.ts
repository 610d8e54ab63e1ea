/**
 * The admin command registry. To add a command, create lib/admin/commands/<name>.ts exporting
 * `defineCommand({...})` as default, then register it here with ONE line:
 *
 *   export { default as myCommand } from "./my-command";
 *
 * `npm run admin -- --help` lists them sorted by name.
 */
export { default as createUser } from "./create-user";
export { default as listUsers } from "./list-users";
export { default as setPlan } from "./set-plan";
export { default as importFile } from "./import";
export { default as query } from "./query";
export { default as billing } from "./billing";
export { default as voice } from "./voice";
export { default as exportData } from "./export";
export { default as purge } from "./purge";
export { default as training } from "./training";
export { default as model } from "./model";
