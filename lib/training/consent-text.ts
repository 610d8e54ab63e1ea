/**
 * The words a lifter agrees to when they let Spotter use their data to improve the coach, and their
 * version. Browser-safe (no server imports): Settings → Privacy shows this text, and every consent
 * row records the version that was shown. Change the text → bump the version: earlier grants then
 * no longer count until the lifter agrees to the new words.
 */
export const TRAINING_CONSENT_VERSION = "2026-12-03";

export const TRAINING_CONSENT_TITLE = "Help improve the coach";

export const TRAINING_CONSENT_TEXT = [
  "Spotter may use your coach conversations and live-workout cues, with your thumbs up and down, to improve the coach.",
  "Before anything is used, your account is replaced by an irreversible code, and emails, phone numbers, addresses, links, handles and your name are removed from the text.",
  "Heart rate and sleep are never used.",
  "Records wait at most six months. Withdrawing removes every record not yet exported; exported records cannot be linked back to you.",
  "This is off unless you turn it on, and you can turn it off at any time.",
].join(" ");
