export * from "./tables/auth";
export * from "./tables/profile";
export * from "./tables/exercises";
export * from "./tables/training";
export * from "./tables/billing";
export * from "./tables/rate-limits";
export * from "./tables/chat";
export * from "./tables/coach";
