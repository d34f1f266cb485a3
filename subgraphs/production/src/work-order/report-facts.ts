// What a floor report needs from other subgraphs before its transaction: the lot (its product and
// number, from inventory) and, when named, the location (from inventory, with its facility so that a
// location at another plant is refused). Also the supplier running a work order's line, for its events.
// The owners answer on the caller's behalf (their own scoping applies). A partner may put output only into
// its own lots (or unassigned ones); it may consume lots other suppliers made (components it received).
import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, requireOwnSupplier } from '@cmgraph/platform';
import type { Context } from '../context';
import type { WorkOrder } from './work-order.entity';
import { Line } from '../line/line.entity';

export interface LotFacts {
  lotNumber: string;
  product: { id: string };
  /** The supplier that made the lot; null for the brand's own (e.g. consigned components). */
  supplier: { id: string } | null;
}

interface LocationFacts {
  id: string;
  facility: { id: string } | null;
}

export interface ReportFacts {
  lot: LotFacts;
  location: LocationFacts | null;
}

export async function fetchReportFacts(ctx: Context, lotId: string, locationId: string | undefined | null): Promise<ReportFacts> {
  const [lot] = await ctx.references.fetchExisting<LotFacts>('Lot', [{ id: lotId, field: 'lotId' }], 'lotNumber product { id } supplier { id }');
  const [location] = locationId
    ? await ctx.references.fetchExisting<LocationFacts>('Location', [{ id: locationId, field: 'locationId' }], 'facility { id }')
    : [null];
  return { lot: lot!, location: location ?? null };
}

/** An output lot another supplier made is refused to a partner: FORBIDDEN naming `lotId`. */
export function requireOwnOutputLot(ctx: Context, lot: LotFacts): void {
  if (lot.supplier) requireOwnSupplier(ctx.identity, lot.supplier.id, 'lotId');
}

/** A location at another facility than the order's is refused; one at no facility (a brand DC) is taken. */
export function requireLocationAt(order: WorkOrder, location: LocationFacts | null): string | null {
  if (!location) return null;
  if (location.facility && location.facility.id !== order.facilityId) {
    throw AppError.badInput('locationId', "the location is at another facility than the work order's");
  }
  return location.id;
}

/** The supplier (CM) whose line runs the order: the `supplierId` of its events. */
export async function orderSupplier(em: EntityManager, order: WorkOrder): Promise<{ supplierId: string }> {
  const line = await em.findOneOrFail(Line, { id: order.line.id });
  return { supplierId: line.supplierId };
}
