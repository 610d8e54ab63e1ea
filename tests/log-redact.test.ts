import { afterEach, describe, expect, it, vi } from "vitest";
import { errorText, logError, redactSecrets } from "@/lib/log/redact";

describe("secrets never reach the logs", () => {
  afterEach(() => vi.restoreAllMocks());

  it.each([
    ["provider exploded with secret sk-123", "sk-123"],
    ["Invalid API key sk-proj-AbC_def-123456", "AbC_def-123456"],
    [`stripe said ${"sk_test_"}51HxyzABCDEFG is wrong`, "51HxyzABCDEFG"],
    ["rk_live_abcdEFGH1234 rejected", "abcdEFGH1234"],
    [`signature mismatch for ${"whsec_"}9f8e7d6c5b4a`, "9f8e7d6c5b4a"],
    ["upstream replied 401 to Authorization: Bearer eyJhbGciOi.JIUzI1NiJ9.abc", "eyJhbGciOi"],
    ['{"xi-api-key":"el_0123456789abcdef"}', "el_0123456789abcdef"],
    ["connect ECONNREFUSED postgres://app:hunter2secret@db.example:5432/spotter", "hunter2secret"],
    ["smtp://mailer:p4ssw0rd-long@smtp.example:587 refused", "p4ssw0rd-long"],
  ])("masks %s", (text, secret) => {
    const out = redactSecrets(text, {});
    expect(out).not.toContain(secret);
    expect(out.length).toBeGreaterThan(10);
  });

  it("masks the configured secret values wherever they appear, by variable name", () => {
    const env = { OPENAI_API_KEY: "custom-key-without-prefix-42", AUTH_SECRET: "short" };
    expect(redactSecrets("the key custom-key-without-prefix-42 failed", env)).toBe("the key [OPENAI_API_KEY] failed");
    // too short to mask safely without mangling ordinary words
    expect(redactSecrets("a short answer", env)).toBe("a short answer");
  });

  it("leaves ordinary messages alone", () => {
    const text = 'relation "sets" does not exist; ask-for-help at 12:30 (task-7)';
    expect(redactSecrets(text, {})).toBe(text);
  });

  it("logError prints one redacted line, with the redacted stack when asked", () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    const error = new Error("boom with sk-abcdef123");
    logError("[test] failed", error);
    logError("[test] failed", error, { stack: true });
    expect(spy.mock.calls[0]).toEqual(["[test] failed: boom with sk-***"]);
    expect(String(spy.mock.calls[1][0])).toMatch(/^\[test\] failed: Error: boom with sk-\*\*\*\n\s+at /);
    expect(errorText("plain sk-zzzzzz")).toBe("plain sk-***");
  });
});
