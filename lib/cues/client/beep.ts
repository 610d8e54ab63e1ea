import type { Clip } from "./types";

/**
 * A short sine beep as a tiny 8-bit mono WAV, played through the same <audio> element as the
 * voice (Web Audio goes silent on a locked iPhone). amplitude 0 gives silence, used to unlock
 * the element inside the first tap.
 */
export function beepWav({ hz = 880, ms = 150, amplitude = 0.6, sampleRate = 8000 } = {}): Clip {
  const samples = Math.round((sampleRate * ms) / 1000);
  const buf = new ArrayBuffer(44 + samples);
  const v = new DataView(buf);
  const ascii = (at: number, s: string) => [...s].forEach((c, i) => v.setUint8(at + i, c.charCodeAt(0)));
  ascii(0, "RIFF");
  v.setUint32(4, 36 + samples, true);
  ascii(8, "WAVE");
  ascii(12, "fmt ");
  v.setUint32(16, 16, true); // fmt chunk size
  v.setUint16(20, 1, true); // PCM
  v.setUint16(22, 1, true); // mono
  v.setUint32(24, sampleRate, true);
  v.setUint32(28, sampleRate, true); // byte rate (1 byte a sample)
  v.setUint16(32, 1, true); // block align
  v.setUint16(34, 8, true); // bits per sample
  ascii(36, "data");
  v.setUint32(40, samples, true);
  const fade = Math.min(samples / 2, sampleRate * 0.01); // 10 ms ramps: no click
  for (let i = 0; i < samples; i++) {
    const env = Math.min(1, i / fade, (samples - 1 - i) / fade);
    v.setUint8(44 + i, Math.round(128 + 127 * amplitude * env * Math.sin((2 * Math.PI * hz * i) / sampleRate)));
  }
  return { bytes: buf, mime: "audio/wav" };
}
