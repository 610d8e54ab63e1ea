import fs from "node:fs";
import { speak, VOICE_PERSONAS } from "@/lib/speech";
import { describeSpeech } from "@/lib/speech/describe";
import { env } from "@/lib/config/env";
import { UsageError, defineCommand, oneOf, requireString } from "../command";

export default defineCommand({
  name: "voice",
  summary: "Speak text with the active speech seam (voice say) to check Alice's and Aiden's voices",
  usage: 'say --persona alice|aiden --out FILE "text"',
  details: [
    "Writes the audio exactly as live workout mode would get it (same text normalisation, same",
    "engine, same cache): WAV from the embedded voices, MP3 from ElevenLabs when ELEVENLABS_API_KEY",
    "is set. Prints the engine, whether the clip came from the cache, its size and the time taken.",
  ].join("\n"),
  options: {
    persona: { type: "string" },
    out: { type: "string" },
  },
  positionals: { min: 2, max: 2 },
  validate(values, positionals) {
    if (positionals[0] !== "say") throw new UsageError(`unknown voice subcommand "${positionals[0]}" (expected: say)`);
    oneOf(requireString(values, "persona"), VOICE_PERSONAS, "persona");
    requireString(values, "out");
    if (!positionals[1]?.trim()) throw new UsageError("the text to say is empty");
  },
  async run({ db, values, positionals }) {
    const persona = oneOf(requireString(values, "persona"), VOICE_PERSONAS, "persona")!;
    const out = requireString(values, "out");
    const r = await speak(db, persona, positionals[1]);
    fs.writeFileSync(out, r.audio);
    return {
      out,
      persona,
      seam: describeSpeech(env()).label,
      engine: r.engine,
      voice: r.voice,
      mime: r.mime,
      bytes: r.audio.length,
      cached: r.cached,
      ms: Math.round(r.ms),
      ...(r.fallbackReason ? { fallbackReason: r.fallbackReason } : {}),
    };
  },
});
