// Loads the supplier an input names and, when it names one, a facility that must belong to it.
import { AppError, mustLoad } from '@cmgraph/platform';
import type { Context } from '../context';
import type { Supplier } from '../supplier/supplier.entity';
import type { Facility } from './facility.entity';

export async function supplierAndFacility(
  ctx: Context,
  input: { supplierId: string; facilityId?: string | null },
): Promise<{ supplier: Supplier; facility: Facility | null }> {
  const supplier = await mustLoad(ctx.loaders.supplier, 'Supplier', input.supplierId, 'supplierId');
  const facility = input.facilityId ? await mustLoad(ctx.loaders.facility, 'Facility', input.facilityId, 'facilityId') : null;
  if (facility && facility.supplier.id !== supplier.id) {
    throw AppError.badInput('facilityId', 'the facility belongs to another supplier');
  }
  return { supplier, facility };
}
