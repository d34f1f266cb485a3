// Half-open time intervals [start, end) in epoch milliseconds, and the set algebra OEE needs: union
// (merge), intersection, difference and total length. Inputs need not be sorted or disjoint.
export interface Interval {
  start: number;
  end: number;
}

/** Sorted, disjoint, non-empty intervals covering exactly what the input covers. */
export function merge(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const interval of sorted) {
    const last = merged.at(-1);
    if (last && interval.start <= last.end) last.end = Math.max(last.end, interval.end);
    else merged.push({ ...interval });
  }
  return merged;
}

export function intersect(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  for (const x of merge(a)) {
    for (const y of merge(b)) {
      const start = Math.max(x.start, y.start);
      const end = Math.min(x.end, y.end);
      if (end > start) out.push({ start, end });
    }
  }
  return merge(out);
}

/** What of `a` is not covered by `b`. */
export function subtract(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  let rest = merge(a);
  for (const cut of merge(b)) {
    rest = rest.flatMap((piece) => {
      if (cut.end <= piece.start || cut.start >= piece.end) return [piece];
      const parts: Interval[] = [];
      if (cut.start > piece.start) parts.push({ start: piece.start, end: cut.start });
      if (cut.end < piece.end) parts.push({ start: cut.end, end: piece.end });
      return parts;
    });
  }
  return rest;
}

/** Total length in milliseconds of the union of the intervals. */
export function measure(intervals: readonly Interval[]): number {
  return merge(intervals).reduce((sum, i) => sum + (i.end - i.start), 0);
}
