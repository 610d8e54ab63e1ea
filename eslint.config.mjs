// ESLint 9 flat config: ESLint's recommended rules, Next.js (core web vitals, React, hooks incl. the
// React Compiler checks, import, jsx-a11y) and typescript-eslint's recommended rules.
// `npm run lint` runs with --max-warnings 0, so a warning fails CI like an error.
import js from "@eslint/js";
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  js.configs.recommended,
  ...nextVitals,
  ...nextTs,
  {
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      // A leading underscore marks a deliberately unused binding (e.g. a field dropped by rest destructuring).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
      "@typescript-eslint/no-unused-expressions": "error",
    },
  },
  {
    files: ["tests/**", "e2e/**", "bench/**"],
    rules: {
      // No React here: vitest helpers (`useTestDatabase`) and Playwright fixtures (`use`) only share the name.
      "react-hooks/rules-of-hooks": "off",
    },
  },
  {
    files: ["app/(marketing)/**", "components/site/{site-header,site-footer,legal-page,status-page}.tsx", "app/not-found.tsx"],
    rules: {
      // Public pages and the root not-found link with plain <a>: next/link is a client component that would add
      // ~3 KB to every landing-page load (docs/decisions.md, "The landing page's JavaScript").
      "@next/next/no-html-link-for-pages": "off",
    },
  },
  {
    files: ["tests/**"],
    rules: {
      // Assertions probe loosely typed results (ECharts options, tool outputs); production code keeps the rule.
      "@typescript-eslint/no-explicit-any": "off",
    },
  },
  globalIgnores([
    ".next/**",
    ".next-*/**",
    ".data/**",
    "out/**",
    "build/**",
    "coverage/**",
    "reports/**",
    "test-results/**",
    "playwright-report/**",
    "blob-report/**",
    "next-env.d.ts",
  ]),
]);
