export * from "./types";
export { CUE_PERSONAS, personaForCoach } from "./personas";
export { generateCue, templateCue, cueProblem } from "./engine";
export { ungroundedNumbers } from "./grounding";
export { triggersFor } from "./triggers";
export { CueQueue, type QueuedCue } from "./queue";
