import { cueProblem, LAST_RESORT, PAIN } from "./engine";
import { REPEAT_TEMPLATES, TEMPLATES } from "./templates";
import { CUE_TRIGGERS, type CueFacts, type CuePersonaId, type CueTrigger } from "./types";

const PERSONAS: CuePersonaId[] = ["alice", "aiden"];
/** Set counts a programme commonly uses; every "Set n of m" among them is a common phrase. */
const TOTAL_SETS = [3, 4, 5];
/** The default rests (accessory 90 s, compound 180 s) and two common custom ones. */
const REST_SECONDS = [60, 90, 120, 180];
const MARK = "\u0001exercise";

function variants(): CueFacts[] {
  const out: CueFacts[] = [{ unit: "kg" }];
  for (const totalSets of TOTAL_SETS)
    for (let setNumber = 1; setNumber <= totalSets; setNumber++)
      for (const restSeconds of REST_SECONDS) out.push({ unit: "kg", exercise: { name: MARK, setNumber, totalSets, compound: true }, restSeconds });
  return out;
}

/**
 * The cue texts that carry no weight, name or exercise — only set numbers and rest seconds — for
 * both personas: every one of them recurs for every lifter, week after week, so their audio is
 * rendered once at first start (lib/live/warm-speech.ts). Onboarding is left out (said once, and
 * too long for the cache).
 */
export function commonPhrases(): { persona: CuePersonaId; trigger: CueTrigger; text: string }[] {
  const seen = new Set<string>();
  const out: { persona: CuePersonaId; trigger: CueTrigger; text: string }[] = [];
  const add = (persona: CuePersonaId, trigger: CueTrigger, text: string | null, f: CueFacts) => {
    if (!text || text.includes(MARK) || cueProblem(text, trigger, f)) return;
    const id = `${persona}\u0000${text}`;
    if (seen.has(id)) return;
    seen.add(id);
    out.push({ persona, trigger, text });
  };
  const facts = variants();
  for (const persona of PERSONAS)
    for (const trigger of CUE_TRIGGERS) {
      if (trigger === "onboarding") continue;
      for (const tpl of TEMPLATES[persona][trigger]) for (const f of facts) add(persona, trigger, tpl.render(f), f);
      if (trigger === "set-start" || trigger === "set-end")
        // A set repeats the one before it from set 2 on.
        for (const tpl of REPEAT_TEMPLATES[persona][trigger])
          for (const f of facts) if ((f.exercise?.setNumber ?? 0) >= 2) add(persona, trigger, tpl.render(f), f);
      add(persona, trigger, LAST_RESORT[trigger], { unit: "kg" });
      add(persona, "strainsync", PAIN, { unit: "kg" });
    }
  return out;
}
