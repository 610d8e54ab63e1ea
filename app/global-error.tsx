"use client";

import "./globals.css";

/**
 * Replaces the root layout when it fails, so it renders its own document. Inline styles keep it
 * readable even if the stylesheet failed to load.
 */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : undefined;
  return (
    <html lang="en">
      <body style={{ margin: 0, background: "#f6f7f2", color: "#0f1411", fontFamily: "ui-sans-serif, system-ui, sans-serif" }}>
        <title>Something went wrong · Spotter</title>
        <main style={{ maxWidth: "36rem", margin: "0 auto", padding: "15vh 1.25rem" }}>
          <p style={{ fontFamily: "ui-monospace, monospace", fontSize: 14, fontWeight: 600, color: "#3b6a00" }}>500 · failed lift</p>
          <h1 style={{ fontSize: "2.25rem", lineHeight: 1.1, margin: "1rem 0", letterSpacing: "-0.02em" }}>Spotter hit an unexpected error.</h1>
          <p style={{ fontSize: "1.125rem", lineHeight: 1.6, color: "#343e38" }}>
            Anything saved before this happened is still saved. Try again, or reload the page in a moment.
          </p>
          {digest ? (
            <p style={{ fontSize: 14, color: "#56615a" }}>
              Reference for the operator: <code>{digest}</code>
            </p>
          ) : null}
          <div style={{ display: "flex", gap: 12, marginTop: 32, flexWrap: "wrap" }}>
            <button
              type="button"
              onClick={() => retry()}
              style={{
                height: 44,
                padding: "0 20px",
                borderRadius: 12,
                border: 0,
                background: "#0f1411",
                color: "#f6f7f2",
                fontWeight: 600,
                fontSize: 15,
                cursor: "pointer",
              }}
            >
              Try again
            </button>
            {/* A full navigation: the client router may be what failed. */}
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
            <a
              href="/"
              style={{
                height: 44,
                padding: "0 20px",
                borderRadius: 12,
                border: "1px solid #c3cabe",
                background: "#fff",
                color: "#0f1411",
                fontWeight: 600,
                fontSize: 15,
                display: "inline-flex",
                alignItems: "center",
                textDecoration: "none",
              }}
            >
              Spotter home
            </a>
          </div>
        </main>
      </body>
    </html>
  );
}
