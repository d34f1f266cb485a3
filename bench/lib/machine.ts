// The machine a result was measured on, written into every result file.
import os from 'node:os';

export interface Machine {
  cores: number;
  cpu: string | undefined;
  memoryGb: number;
  node: string;
  platform: string;
  note: string;
}

export function machine(note: string): Machine {
  const cpus = os.cpus();
  return {
    cores: cpus.length,
    cpu: cpus[0]?.model.trim(),
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    note,
  };
}

/** One decimal place (or `places`). */
export function round(value: number, places = 1): number {
  const factor = 10 ** places;
  return Math.round(value * factor) / factor;
}

/** The p-th percentile (0–100) of samples (in any order), nearest rank. */
export function percentile(samples: ArrayLike<number>, p: number): number {
  if (!samples.length) return NaN;
  const sorted = Float64Array.from(samples).sort(); // a typed array sorts by value, and a copy leaves the caller's alone
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}
