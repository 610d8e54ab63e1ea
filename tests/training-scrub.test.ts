import { describe, expect, it } from "vitest";
import { dropBiometrics, nameParts, scrubText } from "@/lib/training/scrub";
import { leaks, piiCorpus } from "./helpers/pii-corpus";

const namesOf = (u: number) => {
  const x = piiCorpus.users[u];
  return [x.name, x.displayName, x.email];
};

describe("personal-data scrubber", () => {
  it("the adversarial corpus has at least 200 notes across every kind", () => {
    expect(piiCorpus.notes.length).toBeGreaterThanOrEqual(200);
    const kinds = new Set(piiCorpus.notes.map((n) => n.kind));
    for (const k of ["email", "email-obfuscated", "phone", "ip", "url", "handle", "address", "own-name", "other-name", "mixed"])
      expect(kinds).toContain(k);
  });

  it("leaves no personal data from any corpus note", () => {
    const failures = piiCorpus.notes
      .map((n) => ({ text: n.text, out: scrubText(n.text, { names: namesOf(n.user) }), leaked: [] as string[] }))
      .map((r, i) => ({ ...r, leaked: leaks(piiCorpus.notes[i], r.out) }))
      .filter((r) => r.leaked.length);
    expect(failures).toEqual([]);
  });

  it("the leak check itself catches unscrubbed notes", () => {
    const caught = piiCorpus.notes.filter((n) => leaks(n, n.text).length > 0).length;
    expect(caught).toBe(piiCorpus.notes.length);
  });

  it("keeps the training value: lifting numbers, exercises and the coach personas survive", () => {
    const text = "Squats 5x5 at 100 kg, RPE 8. Rested 3 minutes. Alice said the 12500 kg week was great; Aiden wants 3x8 @ 60kg.";
    expect(scrubText(text)).toBe(text);
    expect(scrubText("Max effort: deadlift 180 kg x 1 on 2026-12-03 at 10:30:45.")).toBe(
      "Max effort: deadlift 180 kg x 1 on 2026-12-03 at 10:30:45.",
    );
  });

  it("is idempotent and scrubs the user's own names in any case and spelling", () => {
    const once = scrubText("JAKE here, jake.miller84@gmail.com, Miller's PR", { names: ["Jake Miller", null, "jake.miller84@gmail.com"] });
    expect(once).toBe("[name] here, [email], [name] PR");
    expect(scrubText(once)).toBe(once);
    expect(nameParts(["Zoë Müller-Schmidt"])).toEqual(expect.arrayContaining(["zoë", "zoe", "müller", "mueller", "muller", "schmidt"]));
  });

  it("drops sentences about heart rate and sleep", () => {
    expect(dropBiometrics("Slept 5 hours. Bench felt fine. Resting HR was 58 bpm! Squat next.")).toBe("Bench felt fine. Squat next.");
  });
});
