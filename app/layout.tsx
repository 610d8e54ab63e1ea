import type { Metadata, Viewport } from "next";
import { THEME_SCRIPT } from "@/lib/theme/script";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Spotter — your AI strength coach", template: "%s · Spotter" },
  description:
    "Spotter builds you a strength coach that knows your numbers: chat that logs workouts and draws your progress, live cues from Alice and Aiden, and privacy you control.",
  applicationName: "Spotter",
  appleWebApp: { capable: true, title: "Spotter", statusBarStyle: "default" },
  // Listing icons here replaces the file convention, so app/icon.svg is named again.
  icons: { icon: [{ url: "/icon.svg", type: "image/svg+xml" }], apple: "/icons/apple-touch-icon.png" },
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#f6f7f2" },
    { media: "(prefers-color-scheme: dark)", color: "#0d120f" },
  ],
  width: "device-width",
  initialScale: 1,
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    // The theme script sets html.dark before React hydrates (see lib/theme/script.ts).
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body className="min-h-dvh bg-chalk font-sans text-ink antialiased">{children}</body>
    </html>
  );
}
