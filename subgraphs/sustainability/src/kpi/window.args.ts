// The reporting window every KPI field takes: [from, to), `to` exclusive like record periods.
import { ArgsType, Field } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { isId } from '@cmgraph/platform';
import { requirePeriod } from '../period';
import type { WindowKey } from './window.query';

@ArgsType()
export class WindowArgs {
  @Field(() => LocalDateResolver, { description: 'First day of the window, inclusive.' })
  from!: string;

  @Field(() => LocalDateResolver, { description: 'Day after the last day of the window (exclusive): 2027-01-01 for the year 2026.' })
  to!: string;
}

/**
 * The loader key for an owner and a window; null for a malformed owner id, which cannot have records
 * (asking PostgreSQL would only fail the uuid cast). An empty window is refused naming `to`.
 */
export function windowKey(owner: { supplierId?: string | null; facilityId?: string | null }, window: WindowArgs): WindowKey | null {
  requirePeriod(window.from, window.to, 'to');
  const ids = [owner.supplierId, owner.facilityId].filter((id): id is string => !!id);
  if (ids.some((id) => !isId(id))) return null;
  return { supplierId: owner.supplierId ?? null, facilityId: owner.facilityId ?? null, from: window.from, to: window.to };
}
