import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/config/env";
import { describeDatabase } from "@/db/client";
import { DEFAULT_OPENAI_MODEL, describeModel, getChatModel } from "@/lib/ai/provider";
import { describeMail } from "@/lib/mail";
import { activeServices as list, SERVICE_REGISTRY } from "@/lib/server/services";
import type { ServiceName } from "@/lib/services/description";

/** The footer's list, keyed by seam (each seam exactly once). */
function activeServices() {
  const all = list();
  const byName = Object.fromEntries(all.map((s) => [s.service, s]));
  expect(Object.keys(byName)).toHaveLength(all.length);
  return byName as Record<ServiceName, ReturnType<typeof list>[number]>;
}

const KEYS = [
  "DATABASE_URL",
  "DATABASE_DRIVER",
  "SPOTTER_DATA_DIR",
  "OPENAI_API_KEY",
  "OPENAI_BASE_URL",
  "OPENAI_MODEL",
  "ELEVENLABS_API_KEY",
  "STRIPE_SECRET_KEY",
  "STRIPE_WEBHOOK_SECRET",
  "SPOTTER_BILLING",
  "SMTP_URL",
  "AUTH_SECRET",
] as const;

let saved: Record<string, string | undefined>;

function setEnv(values: Partial<Record<(typeof KEYS)[number], string>>) {
  for (const k of KEYS) delete process.env[k];
  Object.assign(process.env, values);
  resetEnvCache();
}

beforeEach(() => {
  saved = Object.fromEntries(KEYS.map((k) => [k, process.env[k]]));
});

afterEach(() => {
  for (const k of KEYS) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
  resetEnvCache();
});

describe("activeServices", () => {
  it("reports every embedded default when nothing is configured", () => {
    setEnv({});
    const s = activeServices();
    expect(s.database).toEqual({ service: "database", title: "Database", id: "pglite", label: "Embedded PGlite (.data/)", mode: "embedded" });
    expect(s.model).toEqual({ service: "model", title: "Coach model", id: "offline", label: "Built-in offline coach", mode: "embedded" });
    expect(s.speech).toMatchObject({ service: "speech", title: "Voice", id: "flite", label: "Embedded voices (Flite)", mode: "embedded" });
    expect(s.billing).toMatchObject({
      service: "billing",
      title: "Billing",
      id: "stripe-local",
      label: "Local test-mode Stripe — no money moves",
      mode: "embedded",
    });
    expect(s.mail).toEqual({ service: "mail", title: "Email", id: "log", label: "Server log (SMTP not configured)", mode: "embedded" });
    expect(list().map((d) => d.service)).toEqual(["database", "model", "speech", "billing", "mail"]);
  });

  it("shows a custom data directory relative to the working directory", () => {
    setEnv({ SPOTTER_DATA_DIR: ".data/dev-shell" });
    expect(activeServices().database.label).toBe("Embedded PGlite (.data/dev-shell/)");
  });

  it("does not reveal absolute server paths outside the app directory", () => {
    setEnv({ SPOTTER_DATA_DIR: "/var/lib/secret-place/spotter-data" });
    expect(activeServices().database.label).toBe("Embedded PGlite (spotter-data/)");
  });

  it("distinguishes PostgreSQL and Neon", () => {
    setEnv({ DATABASE_URL: "postgres://app:hunter2-db@db.internal:5432/spotter" });
    expect(activeServices().database).toMatchObject({ id: "postgres", label: "PostgreSQL", mode: "external" });
    setEnv({ DATABASE_URL: "postgres://app:hunter2-db@ep-cool-1234.eu-central-1.aws.neon.tech/spotter" });
    expect(activeServices().database).toMatchObject({ id: "neon", label: "Neon serverless PostgreSQL", mode: "external" });
    setEnv({ DATABASE_URL: "postgres://app:pw@localhost/x", DATABASE_DRIVER: "neon" });
    expect(activeServices().database.id).toBe("neon");
  });

  it("names the OpenAI model, falling back to the default, and the gateway host", () => {
    setEnv({ OPENAI_API_KEY: "sk-live-abc" });
    expect(activeServices().model).toMatchObject({ id: `openai:${DEFAULT_OPENAI_MODEL}`, label: `OpenAI ${DEFAULT_OPENAI_MODEL}`, mode: "external" });
    setEnv({ OPENAI_API_KEY: "sk-live-abc", OPENAI_MODEL: "gpt-4o", OPENAI_BASE_URL: "https://gateway.example.com:8443/v1?key=q" });
    // Any OpenAI-compatible server may sit at a base URL: name the model and host, not "OpenAI".
    expect(activeServices().model.label).toBe("gpt-4o via gateway.example.com:8443");
  });

  it("ignores OPENAI_MODEL/BASE_URL without a key (offline model is what actually runs)", () => {
    setEnv({ OPENAI_MODEL: "gpt-4o", OPENAI_BASE_URL: "https://gateway.example.com/v1" });
    expect(activeServices().model.id).toBe("offline");
  });

  it("billing: Stripe with both keys, off with a key but no webhook secret or SPOTTER_BILLING=off", () => {
    setEnv({ STRIPE_SECRET_KEY: "sk_test_123", STRIPE_WEBHOOK_SECRET: "whsec_123" });
    expect(activeServices().billing).toMatchObject({ id: "stripe", label: "Stripe (test mode)", mode: "external" });
    setEnv({ STRIPE_SECRET_KEY: ["sk", "live", "123"].join("_"), STRIPE_WEBHOOK_SECRET: "whsec_123" });
    expect(activeServices().billing).toMatchObject({ id: "stripe", label: "Stripe", mode: "external" });
    setEnv({ STRIPE_SECRET_KEY: "sk_test_123" });
    expect(activeServices().billing).toMatchObject({ id: "off", detail: expect.stringMatching(/both STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET/) });
    // The webhook secret alone: the stand-in runs and signs with it.
    setEnv({ STRIPE_WEBHOOK_SECRET: "whsec_123" });
    expect(activeServices().billing).toMatchObject({ id: "stripe-local" });
    setEnv({ SPOTTER_BILLING: "off" });
    expect(activeServices().billing).toMatchObject({ id: "off", label: "Off — plans set by the operator CLI" });
  });

  it("switches mail to SMTP and speech to ElevenLabs when configured", () => {
    setEnv({ ELEVENLABS_API_KEY: "el-key", STRIPE_SECRET_KEY: "sk_test_123", SMTP_URL: "smtp://mailer:pw@smtp.example.com:587" });
    const s = activeServices();
    expect(s.speech).toMatchObject({ id: "elevenlabs", label: "ElevenLabs eleven_flash_v2_5 (embedded voices as fallback)", mode: "external" });
    expect(s.mail).toMatchObject({ id: "smtp", label: "SMTP (smtp.example.com:587)", mode: "external" });
  });

  it("never includes a secret value, URL credential or query string in the output", () => {
    const secrets = {
      DATABASE_URL: "postgres://dbuser-SECRET1:dbpass-SECRET2@db.example.com:5432/spotter?sslmode=require&password=SECRET3",
      OPENAI_API_KEY: "sk-SECRET4-openai",
      OPENAI_BASE_URL: "https://proxyuser-SECRET5:proxypass-SECRET6@llm.example.com/v1?token=SECRET7",
      ELEVENLABS_API_KEY: "SECRET8-eleven",
      STRIPE_SECRET_KEY: "sk_test_SECRET9",
      STRIPE_WEBHOOK_SECRET: "whsec_SECRET10",
      SMTP_URL: "smtps://mailuser-SECRET11:mailpass-SECRET12@smtp.example.com:465/?pool=SECRET13",
      AUTH_SECRET: "SECRET14-auth-secret-long-enough",
    };
    setEnv(secrets);
    const out = JSON.stringify(list());
    expect(out).not.toMatch(/SECRET/);
    expect(out).not.toMatch(/sslmode|token|pool|password/);
    // Sanity: it does say what is configured.
    expect(out).toContain("llm.example.com");
    expect(out).toContain("smtp.example.com:465");
  });
});

describe("seam descriptions", () => {
  it("the footer only collects: each registry entry is a seam's own describe function", () => {
    setEnv({ OPENAI_API_KEY: "sk-x", SMTP_URL: "smtp://u:p@mail.example.com" });
    expect(SERVICE_REGISTRY).toContain(describeDatabase);
    expect(SERVICE_REGISTRY).toContain(describeModel);
    expect(SERVICE_REGISTRY).toContain(describeMail);
    const s = activeServices();
    expect(s.database).toEqual(describeDatabase());
    expect(s.model).toEqual(describeModel());
    expect(s.mail).toEqual(describeMail());
  });

  it("the chat header and the footer show the same model words (written once)", () => {
    for (const e of [
      {},
      { OPENAI_API_KEY: "sk-x" },
      { OPENAI_API_KEY: "sk-x", OPENAI_MODEL: "llama3", OPENAI_BASE_URL: "http://localhost:11434/v1" },
    ]) {
      setEnv(e);
      const { id, label } = getChatModel();
      expect(describeModel()).toMatchObject({ id, label });
    }
  });

  it("every description has a title, a label and a known mode", () => {
    setEnv({});
    for (const d of list()) {
      expect(d.title.length).toBeGreaterThan(0);
      expect(d.label.length).toBeGreaterThan(0);
      expect(["embedded", "external", "unavailable"]).toContain(d.mode);
    }
  });
});
