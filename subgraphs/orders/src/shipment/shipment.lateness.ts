// When a shipment is late: its expected arrival day (ETA) falls after the day promised on one of the PO
// lines it ships. Pure, so the mutations and tests agree on it; `shipment.late` is raised from here.

/** What a PO line promises: the current promise, else the first one, else the day requested. */
export interface LinePromise {
  purchaseOrderLineId: string;
  promisedDate: string;
}

export interface Lateness {
  /** The earliest promise the ETA misses (the one missed by the most days). */
  purchaseOrderLineId: string;
  promisedDate: string;
  daysLate: number;
}

export function promiseOf(line: {
  id: string;
  currentPromisedDate?: string | null;
  originalPromisedDate?: string | null;
  requestedDate: string;
}): LinePromise {
  return { purchaseOrderLineId: line.id, promisedDate: line.currentPromisedDate ?? line.originalPromisedDate ?? line.requestedDate };
}

/** Whole days from `from` to `to` (ISO dates, UTC). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** How late an ETA is against the promises, or null when it meets all of them. */
export function latenessOf(eta: string, promises: readonly LinePromise[]): Lateness | null {
  let worst: LinePromise | undefined;
  for (const promise of promises) {
    if (promise.promisedDate < eta && (!worst || promise.promisedDate < worst.promisedDate)) worst = promise;
  }
  return worst ? { ...worst, daysLate: daysBetween(worst.promisedDate, eta) } : null;
}

/**
 * The lateness to report for an ETA change: only a change that moves the ETA later (or sets it, at
 * booking: `previousEta` null) and leaves it past a promise. Moving a late ETA earlier, or setting the
 * same day again, reports nothing; so each ETA change that makes the shipment (later and) late counts once.
 */
export function lateAfterEtaChange(previousEta: string | null, eta: string, promises: readonly LinePromise[]): Lateness | null {
  if (previousEta !== null && eta <= previousEta) return null;
  return latenessOf(eta, promises);
}
