// Which locations a movement of each type needs, and how a movement changes stock levels.
import { StockMovementType as T } from './stock.enums';

export interface LocationRoles {
  from: boolean;
  to: boolean;
}

const ROLES: Record<Exclude<T, T.ADJUST>, LocationRoles> = {
  [T.RECEIPT]: { from: false, to: true },
  [T.PRODUCE]: { from: false, to: true },
  [T.ISSUE]: { from: true, to: false },
  [T.CONSUME]: { from: true, to: false },
  [T.TRANSFER]: { from: true, to: true },
};

/** ADJUST goes one way or the other depending on the sign of the correction. */
export function locationRoles(type: T, delta = 1): LocationRoles {
  if (type === T.ADJUST) return { from: delta < 0, to: delta > 0 };
  return ROLES[type];
}

/** Demand for days of supply: stock that left to be used, not stock that moved between our locations. */
export const DEMAND_TYPES = [T.ISSUE, T.CONSUME] as const;

/** Days the averaging window of a stock level's days of supply spans (a rolling window up to now). */
export const DEMAND_WINDOW_DAYS = 30;

/**
 * Days the averaging window of the reported days of supply spans (`Product.daysOfSupply`,
 * `stockReport`): the whole UTC days before today, so a figure holds all day and BI refreshes agree.
 */
export const REPORT_DEMAND_WINDOW_DAYS = 90;

/** The reported demand window as [from, to) instants: from the start of today − 90 days to the start of today (UTC). */
export function reportDemandWindow(todayDate: string): { from: string; to: string } {
  const start = new Date(`${todayDate}T00:00:00.000Z`);
  const from = new Date(start.getTime() - REPORT_DEMAND_WINDOW_DAYS * 86_400_000);
  return { from: from.toISOString(), to: start.toISOString() };
}

/**
 * Days of supply = on hand ÷ average daily demand over the window. Null without demand (infinite cover
 * would say nothing useful); 0 when nothing is on hand.
 */
export function daysOfSupply(onHand: number, demandInWindow: number, windowDays = DEMAND_WINDOW_DAYS): number | null {
  if (!(demandInWindow > 0)) return null;
  return Math.max(onHand, 0) / (demandInWindow / windowDays);
}

export interface LevelDelta {
  productId: string;
  locationId: string;
  delta: number;
  /** The input field to blame when the stock is not there. */
  field: string;
}

/**
 * Nets the level changes of several movements per product+location and sorts them, so concurrent
 * transactions lock stock_level rows in the same order (no deadlocks) and each row is touched once.
 */
export function netDeltas(deltas: LevelDelta[]): LevelDelta[] {
  const byKey = new Map<string, LevelDelta>();
  for (const d of deltas) {
    const key = `${d.productId}:${d.locationId}`;
    const seen = byKey.get(key);
    if (seen) seen.delta += d.delta;
    else byKey.set(key, { ...d });
  }
  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, d]) => d);
}
