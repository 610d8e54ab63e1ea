import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createEmbeddedHandle, setDbHandle } from "@/db/client";
import { resetEnvCache } from "@/lib/config/env";
import { buildAuthConfig } from "@/lib/auth/config";
import { enabledOAuthProviders, magicLinkDelivery } from "@/lib/auth/providers";
import { resetAuthSecretCache } from "@/lib/auth/secret";

const OAUTH = ["AUTH_GITHUB_ID", "AUTH_GITHUB_SECRET", "AUTH_GOOGLE_ID", "AUTH_GOOGLE_SECRET", "SMTP_URL"] as const;

function setEnv(vars: Partial<Record<(typeof OAUTH)[number] | "AUTH_SECRET", string | undefined>>) {
  for (const [k, v] of Object.entries(vars)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetEnvCache();
  resetAuthSecretCache();
}

const providerIds = () =>
  (buildAuthConfig().providers ?? []).map((p) => {
    const resolved = typeof p === "function" ? p() : p;
    return (resolved as { options?: { id?: string }; id: string }).options?.id ?? resolved.id;
  });

describe("Auth.js configuration", () => {
  const saved = Object.fromEntries([...OAUTH, "AUTH_SECRET"].map((k) => [k, process.env[k]]));
  beforeAll(() => setDbHandle(createEmbeddedHandle("memory://")));
  afterAll(() => setDbHandle(undefined));
  afterEach(() => setEnv(saved));

  it("uses JWT sessions, trusts the host header, our pages, and the configured secret", () => {
    setEnv({ AUTH_SECRET: "configured-secret-0123456789abcdef" });
    const config = buildAuthConfig();
    expect(config.session?.strategy).toBe("jwt");
    expect(config.trustHost).toBe(true);
    expect(config.secret).toBe("configured-secret-0123456789abcdef");
    expect(config.pages).toMatchObject({ signIn: "/sign-in", error: "/sign-in", verifyRequest: "/check-email" });
    expect(config.adapter).toBeDefined();
  });

  it("offers password and email-link sign-in always, OAuth only when fully configured", () => {
    setEnv({
      AUTH_SECRET: "configured-secret-0123456789abcdef",
      AUTH_GITHUB_ID: undefined,
      AUTH_GITHUB_SECRET: undefined,
      AUTH_GOOGLE_ID: undefined,
      AUTH_GOOGLE_SECRET: undefined,
    });
    expect(providerIds()).toEqual(["credentials", "email"]);
    expect(enabledOAuthProviders()).toEqual([]);

    setEnv({ AUTH_GITHUB_ID: "gh-id", AUTH_GITHUB_SECRET: undefined });
    expect(providerIds()).toEqual(["credentials", "email"]);

    setEnv({ AUTH_GITHUB_SECRET: "gh-secret", AUTH_GOOGLE_ID: "g-id", AUTH_GOOGLE_SECRET: "g-secret" });
    expect(providerIds()).toEqual(["credentials", "email", "github", "google"]);
    expect(enabledOAuthProviders().map((p) => p.label)).toEqual(["GitHub", "Google"]);
  });

  it("tells the sign-in page honestly where magic links go", () => {
    setEnv({ SMTP_URL: undefined });
    expect(magicLinkDelivery()).toBe("server-log");
    setEnv({ SMTP_URL: "smtp://smtp.example.com:587" });
    expect(magicLinkDelivery()).toBe("email");
  });
});
