import type { MetadataRoute } from "next";

/** Installable on a phone's home screen: opens the chat full-screen, like an app. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Spotter — your AI strength coach",
    short_name: "Spotter",
    description: "A strength coach that knows your numbers: log workouts by chat, see your progress, train with live cues.",
    id: "/chat",
    start_url: "/chat",
    scope: "/",
    display: "standalone",
    orientation: "portrait",
    background_color: "#f6f7f2",
    theme_color: "#0f1411",
    categories: ["health", "fitness", "sports"],
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml" },
    ],
    shortcuts: [
      { name: "Chat with your coach", url: "/chat" },
      { name: "Log a workout", url: "/workouts/new" },
    ],
  };
}
