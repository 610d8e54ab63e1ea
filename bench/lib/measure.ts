import os from "node:os";

export interface Measurement {
  wallMs: number;
  /** CPU time of the whole process (main thread + the PGlite worker thread). */
  cpuMs: number;
}

/** Wall and process-CPU time of fn. On a busy shared machine CPU time is the steadier number. */
export async function measure<T>(fn: () => Promise<T> | T): Promise<{ result: T } & Measurement> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const result = await fn();
  const wallMs = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { result, wallMs, cpuMs: (c.user + c.system) / 1000 };
}

export function perSecond(rows: number, ms: number): number {
  return Math.round((rows / ms) * 1000);
}

export function machine(): string {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model.trim() ?? "unknown CPU"}, ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

export function loadAverage(): string {
  return os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" / ");
}
