import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { resetEnvCache } from "@/lib/config/env";
import { safeNextPath, signInPath } from "@/lib/auth/redirect";
import { MissingAuthSecretError, readOrCreateSecretFile, resetAuthSecretCache, resolveAuthSecret } from "@/lib/auth/secret";
import { clientIp } from "@/lib/security/client-ip";

describe("safeNextPath (no open redirects)", () => {
  it.each([
    ["/workouts", "/workouts"],
    ["/workouts?page=2#top", "/workouts?page=2#top"],
    ["/coach/new", "/coach/new"],
    ["/a/../workouts", "/workouts"],
  ])("keeps same-origin path %s", (input, expected) => {
    expect(safeNextPath(input)).toBe(expected);
  });

  it.each([
    "https://evil.example/x",
    "//evil.example/x",
    "/\\evil.example",
    "\\\\evil.example",
    "javascript:alert(1)",
    "/\t/evil.example",
    "http:/evil.example",
    "workouts",
    "",
    "/sign-in?next=/x",
    "/sign-up",
    "/api/auth/signout",
  ])("falls back for %j", (input) => {
    expect(safeNextPath(input)).toBe("/workouts");
  });

  it("falls back for absurdly long values", () => {
    expect(safeNextPath(`/${"a".repeat(3000)}`)).toBe("/workouts");
  });

  it("handles non-strings and custom fallbacks", () => {
    expect(safeNextPath(undefined, "/x")).toBe("/x");
    expect(safeNextPath(["/a"], "/x")).toBe("/x");
  });

  it("signInPath encodes the destination", () => {
    expect(signInPath("/workouts?page=2")).toBe("/sign-in?next=%2Fworkouts%3Fpage%3D2");
    expect(signInPath("//evil.example")).toBe("/sign-in");
    expect(signInPath(null)).toBe("/sign-in");
  });
});

describe("clientIp", () => {
  it("takes the address our proxy saw (the last X-Forwarded-For entry by default), then X-Real-IP", () => {
    // "198.51.100.66" was typed by the client; our one proxy appended the address it really saw
    expect(clientIp(new Headers({ "x-forwarded-for": "198.51.100.66, 203.0.113.7", "x-real-ip": "10.9.9.9" }))).toBe("203.0.113.7");
    expect(clientIp(new Headers({ "x-real-ip": "198.51.100.4" }))).toBe("198.51.100.4");
    expect(clientIp({ "x-forwarded-for": "2001:DB8::1" })).toBe("2001:db8::1");
    expect(clientIp(new Headers())).toBeNull();
  });

  it("counts TRUSTED_PROXY_HOPS from the right, and trusts nothing with 0", () => {
    const h = new Headers({ "x-forwarded-for": "198.51.100.66, 203.0.113.7, 10.0.0.2", "x-real-ip": "10.9.9.9" });
    expect(clientIp(h, 2)).toBe("203.0.113.7");
    expect(clientIp(h, 5)).toBe("198.51.100.66"); // fewer entries than hops: the leftmost there is
    expect(clientIp(h, 0)).toBeNull();
    process.env.TRUSTED_PROXY_HOPS = "2";
    resetEnvCache();
    try {
      expect(clientIp(h)).toBe("203.0.113.7");
    } finally {
      delete process.env.TRUSTED_PROXY_HOPS;
      resetEnvCache();
    }
  });

  it("normalises ports, brackets and IPv4-mapped IPv6, and rejects junk", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "203.0.113.7:5123" }))).toBe("203.0.113.7");
    expect(clientIp(new Headers({ "x-forwarded-for": "[2001:db8::1]:443" }))).toBe("2001:db8::1");
    expect(clientIp(new Headers({ "x-forwarded-for": "::ffff:192.0.2.1" }))).toBe("192.0.2.1");
    expect(clientIp(new Headers({ "x-forwarded-for": "<script>" }))).toBeNull();
    expect(clientIp(new Headers({ "x-forwarded-for": "unknown" }))).toBeNull();
  });
});

describe("auth secret", () => {
  const saved = { ...process.env };
  const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "spotter-secret-"));
  afterEach(() => {
    for (const k of ["AUTH_SECRET", "DATABASE_URL", "SPOTTER_DATA_DIR", "NODE_ENV"]) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
    resetEnvCache();
    resetAuthSecretCache();
  });
  const setEnv = (vars: Record<string, string | undefined>) => {
    for (const [k, v] of Object.entries(vars)) {
      if (v === undefined) delete process.env[k];
      else (process.env as Record<string, string>)[k] = v;
    }
    resetEnvCache();
    resetAuthSecretCache();
  };

  it("generates a random secret once, stores it with mode 600, and reuses it", () => {
    const file = path.join(tmp(), "nested", "auth-secret");
    const first = readOrCreateSecretFile(file);
    expect(first.length).toBeGreaterThanOrEqual(43);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(readOrCreateSecretFile(file)).toBe(first);
    expect(readOrCreateSecretFile(path.join(tmp(), "auth-secret"))).not.toBe(first);
  });

  it("refuses a truncated secret file with an actionable message", () => {
    const file = path.join(tmp(), "auth-secret");
    fs.writeFileSync(file, "short");
    expect(() => readOrCreateSecretFile(file)).toThrow(/empty or too short/);
  });

  it("uses AUTH_SECRET when set", () => {
    setEnv({ AUTH_SECRET: "from-the-environment-0123456789" });
    expect(resolveAuthSecret()).toEqual({ secret: "from-the-environment-0123456789", source: "env" });
  });

  it("embedded mode without AUTH_SECRET: the data-directory secret (zero config, dev and production)", () => {
    const dir = tmp();
    setEnv({ AUTH_SECRET: undefined, DATABASE_URL: undefined, SPOTTER_DATA_DIR: dir, NODE_ENV: "production" });
    const resolved = resolveAuthSecret();
    expect(resolved.source).toBe("file");
    expect(resolved.file).toBe(path.join(dir, "auth-secret"));
    expect(fs.readFileSync(path.join(dir, "auth-secret"), "utf8").trim()).toBe(resolved.secret);
  });

  it("server database in production without AUTH_SECRET: a clear error", () => {
    setEnv({ AUTH_SECRET: undefined, DATABASE_URL: "postgres://app@db.example.com:5432/spotter", SPOTTER_DATA_DIR: tmp(), NODE_ENV: "production" });
    expect(() => resolveAuthSecret()).toThrow(MissingAuthSecretError);
    expect(() => resolveAuthSecret()).toThrow(/AUTH_SECRET is not set.*openssl rand/s);
  });

  it("the server refuses to start then (exit 1 with the reason) instead of answering 500s", async () => {
    setEnv({ AUTH_SECRET: undefined, DATABASE_URL: "postgres://app@db.example.com:5432/spotter", SPOTTER_DATA_DIR: tmp(), NODE_ENV: "production" });
    const exit = vi.spyOn(process, "exit").mockImplementation((() => {
      throw new Error("exited");
    }) as never);
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const { startServer } = await import("@/lib/server/start");
      await expect(startServer()).rejects.toThrow("exited");
      expect(exit).toHaveBeenCalledWith(1);
      expect(logged.mock.calls.flat().join(" ")).toMatch(/cannot start: AUTH_SECRET is not set/);
    } finally {
      exit.mockRestore();
      logged.mockRestore();
    }
  });
});
