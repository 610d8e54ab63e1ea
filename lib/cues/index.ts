export * from "./types";
export { CUE_PERSONAS, personaForCoach, type CuePersona } from "./personas";
export { generateCue, templateCue, cueProblem, kindFor, CUE_DEADLINE_MS } from "./engine";
export { allowedNumbers, ungroundedNumbers, numbersIn } from "./grounding";
export { safetyViolation, noPush } from "./safety";
export { triggersFor, strainFor, type LiveEvent } from "./triggers";
export { CueQueue, type QueuedCue } from "./queue";
export { toastFor } from "./toast";
