import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The lint step in .ci/run is only worth something if the config really loads the Next.js,
// React hooks and typescript-eslint rules: these snippets must be reported (and a clean one not).
const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((m) => m.ruleId ?? m.message);
}

describe("eslint.config.mjs", () => {
  it("reports a hook called conditionally and setState inside an effect", async () => {
    const code = `"use client";
import { useEffect, useState } from "react";
export function Counter({ on }: { on: boolean }) {
  if (on) useEffect(() => {});
  const [n, setN] = useState(0);
  useEffect(() => setN(1), []);
  return <p>{n}</p>;
}
`;
    expect(await ruleIds("components/lint-probe.tsx", code)).toEqual(
      expect.arrayContaining(["react-hooks/rules-of-hooks", "react-hooks/set-state-in-effect"]),
    );
  }, 60_000);

  it("reports Next.js rules (a raw <img>) in app/", async () => {
    const code = `export default function Page() {\n  return <img src="/a.png" alt="" />;\n}\n`;
    expect(await ruleIds("app/lint-probe/page.tsx", code)).toContain("@next/next/no-img-element");
  }, 60_000);

  it("reports unused variables, explicit any and useless escapes in TypeScript", async () => {
    const code = `export function f(x: any) {\n  const unused = 1;\n  return /a\\:b/.test(String(x));\n}\n`;
    expect(await ruleIds("lib/lint-probe.ts", code)).toEqual(
      expect.arrayContaining(["@typescript-eslint/no-explicit-any", "@typescript-eslint/no-unused-vars", "no-useless-escape"]),
    );
  }, 60_000);

  it("accepts clean code, and vitest helpers named use* in tests/", async () => {
    expect(await ruleIds("lib/lint-probe.ts", `export const double = (n: number): number => n * 2;\n`)).toEqual([]);
    const test = `import { useTestDatabase } from "./helpers/db";\nconst handle = useTestDatabase();\nexport { handle };\n`;
    expect(await ruleIds("tests/lint-probe.test.ts", test)).toEqual([]);
  }, 60_000);
});
