// How a seeded work order ran: its actual window and the machine stops inside it. Each CM gets its own
// speed and breakdown rate (pure functions of its id), so OEE, MTBF and MTTR differ between suppliers.
import { random, type Random, type SeedLine, type SeedMachine, type SeedWorkOrder } from '@cmgraph/seedkit';

export interface SeededStop {
  machineId: string;
  reasonCode: string;
  planned: boolean;
  start: number;
  end: number;
}

export interface SeededRun {
  start: number;
  end: number;
  stops: SeededStop[];
}

interface SupplierProfile {
  /** Share of the ideal rate the lines reach while running. */
  speed: number;
  /** Unplanned stops per running hour. */
  stopsPerHour: number;
}

const profiles = new Map<string, SupplierProfile>();

export function supplierProfile(supplierId: string): SupplierProfile {
  let profile = profiles.get(supplierId);
  if (!profile) {
    const r = random(`production:supplier:${supplierId}`);
    profile = { speed: 0.65 + r.next() * 0.3, stopsPerHour: 0.05 + r.next() * 0.45 };
    profiles.set(supplierId, profile);
  }
  return profile;
}

const UNPLANNED: readonly string[] = ['BREAKDOWN', 'BREAKDOWN', 'TOOL_FAILURE', 'CHANGEOVER', 'CHANGEOVER', 'NO_MATERIAL', 'QUALITY_HOLD'];
const MINUTE = 60_000;

/**
 * Starts in the early shift of its start day, or after a changeover once the line's previous order is done
 * (`lineFreeAt`: a line runs one order at a time); runs at the supplier's speed; stops push the end out.
 */
export function simulateRun(order: SeedWorkOrder, line: SeedLine, machines: SeedMachine[], lineFreeAt = 0, r: Random = random(`production:run:${order.id}`)): SeededRun {
  const profile = supplierProfile(order.supplierId);
  const start = Math.max(Date.parse(`${order.startedOn}T06:00:00Z`) + r.int(0, 90) * MINUTE, lineFreeAt + r.int(15, 60) * MINUTE);
  const runMs = ((line.idealCycleSeconds * (order.quantityGood + order.quantityScrap)) / profile.speed) * 1000;
  const stops: SeededStop[] = [];
  let shift = 0;
  if (r.chance(0.3)) {
    stops.push({ machineId: machines[0]!.id, reasonCode: 'PLANNED_MAINTENANCE', planned: true, start, end: start + 30 * MINUTE });
    shift = 30 * MINUTE;
  }
  const expected = (runMs / 3_600_000) * profile.stopsPerHour;
  const count = Math.floor(expected) + (r.chance(expected % 1) ? 1 : 0);
  const points = Array.from({ length: count }, () => r.next()).sort((a, b) => a - b);
  for (const point of points) {
    const reasonCode = r.pick(UNPLANNED);
    const minutes = reasonCode === 'CHANGEOVER' ? r.int(15, 45) : r.int(5, 75);
    const at = start + shift + point * runMs;
    stops.push({ machineId: r.pick(machines).id, reasonCode, planned: false, start: at, end: at + minutes * MINUTE });
    shift += minutes * MINUTE;
  }
  return { start, end: start + runMs + shift, stops };
}
