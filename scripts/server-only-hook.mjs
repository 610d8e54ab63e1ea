/**
 * For command-line entry points run with tsx (`tsx --import ./scripts/server-only-hook.mjs …`).
 * Database modules `import "server-only"` so Next.js refuses to bundle them into the browser; its
 * default export throws outside a React Server Components build. A CLI is server-side by
 * definition, so resolve that one specifier to an empty module and leave everything else alone
 * (unlike `--conditions=react-server`, which would also swap React and Next for their RSC builds).
 */
import { register } from "node:module";

const hook = `export async function resolve(specifier, context, next) {
  if (specifier === "server-only") return { url: "data:text/javascript,export {};", shortCircuit: true };
  return next(specifier, context);
}`;

register(`data:text/javascript,${encodeURIComponent(hook)}`);
