import type { Metadata, Viewport } from "next";
import { Toaster } from "sonner";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Spotter — your AI strength coach", template: "%s · Spotter" },
  description:
    "Spotter builds you a strength coach that knows your numbers: chat that logs workouts and draws your progress, live cues from Alice and Aiden, and privacy you control.",
};

export const viewport: Viewport = { themeColor: "#0f1411", width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-dvh bg-chalk font-sans text-ink antialiased">
        {children}
        <Toaster richColors position="top-center" />
      </body>
    </html>
  );
}
