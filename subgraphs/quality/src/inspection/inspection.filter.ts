// Inspection list filters as ORM conditions.
import type { FilterQuery } from '@mikro-orm/core';
import { addDays, AppError, requireId } from '@cmgraph/platform';
import type { Inspection } from './inspection.entity';
import type { InspectionFilter } from './inspection.input';

export function inspectionWhere(filter: InspectionFilter, field = 'filter'): FilterQuery<Inspection> {
  const where: FilterQuery<Inspection>[] = [];
  if (filter.supplierId) where.push({ supplierId: requireId(filter.supplierId, `${field}.supplierId`) });
  if (filter.lotId) where.push({ lotId: requireId(filter.lotId, `${field}.lotId`) });
  if (filter.result) where.push({ result: filter.result });
  if (filter.trigger) where.push({ trigger: filter.trigger });
  if (filter.from && filter.to && filter.to < filter.from) throw AppError.badInput(`${field}.to`, 'must not be before from');
  // Whole UTC days, inclusive at both ends.
  if (filter.from) where.push({ inspectedAt: { $gte: new Date(`${filter.from}T00:00:00Z`) } });
  if (filter.to) where.push({ inspectedAt: { $lt: new Date(`${addDays(filter.to, 1)}T00:00:00Z`) } });
  return { $and: where };
}
