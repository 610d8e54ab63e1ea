// Starts the production build on a fresh embedded database for the browser tests.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const port = process.argv[2] ?? "3210";
const dataDir = path.resolve(".data/e2e");
fs.rmSync(dataDir, { recursive: true, force: true });
const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", port, "-H", "127.0.0.1"], {
  stdio: "inherit",
  env: {
    ...process.env,
    SPOTTER_DATA_DIR: dataDir,
    DATABASE_URL: "",
    OPENAI_API_KEY: "",
    STRIPE_SECRET_KEY: "",
    STRIPE_WEBHOOK_SECRET: "",
    SPOTTER_BILLING: "",
    SMTP_URL: "",
    ELEVENLABS_API_KEY: "",
    // ~90 Flite clips at every fresh start would compete with the tests for the CPU.
    SPEECH_WARM_PHRASES: "0",
    AUTH_URL: `http://127.0.0.1:${port}`,
  },
});
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code) => process.exit(code ?? 0));
