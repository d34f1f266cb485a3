// V8's heap growing factor, tuned only while an export streams. Long exports (egress/) pass millions of
// rows through Apollo's execution: much short-lived garbage, a good part of it in the old generation, which
// V8 by default lets grow to about three times what is live before a full collection — a 150–200 MB
// saw-tooth (bench/export.ts). A 25 % growing factor keeps it near what the gateway holds, for more
// (mostly concurrent) collections; on the query path those collections cost 10–20 % more CPU per request
// (bench/RESULTS.md), so the factor is set when the first export starts and V8's own (0) restored when the
// last one ends. V8 reads the flag whenever it sets the next limit. Flags are per process: with worker
// threads (GATEWAY_WORKERS > 1), whose exports this thread does not see, it stays set from the start.

export interface HeapGrowthPolicy {
  /** Tell it how many exports stream now (egress/stream.ts calls it on every change). */
  exportsActive(active: number): void;
}

/** `percent` 0 leaves V8 alone; `setFlags` is `v8.setFlagsFromString`. */
export function heapGrowthPolicy(percent: number, setFlags: (flags: string) => void, options: { always?: boolean } = {}): HeapGrowthPolicy {
  if (!Number.isInteger(percent) || percent < 0) throw new Error(`GATEWAY_HEAP_GROWING_PERCENT must be an integer ≥ 0, got ${percent}`);
  if (percent === 0) return { exportsActive: () => undefined };
  if (options.always) {
    setFlags(`--heap-growing-percent=${percent}`);
    return { exportsActive: () => undefined };
  }
  let tuned = false;
  return {
    exportsActive(active) {
      if (active > 0 === tuned) return;
      tuned = active > 0;
      setFlags(`--heap-growing-percent=${tuned ? percent : 0}`);
    },
  };
}
