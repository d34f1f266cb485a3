// Recent demand per product+location for days of supply: one grouped statement for every level a
// request resolves, however many there are. Demand is brand-internal: raw SQL escapes the partner
// filters, so a partner's request reads none (its levels are hidden anyway; this keeps the SQL safe alone).
import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { partnerScopeOf } from '@cmgraph/platform';
import { DEMAND_TYPES, DEMAND_WINDOW_DAYS } from './stock.rules';

export function demandKey(productId: string, locationId: string): string {
  return `${productId}:${locationId}`;
}

/** Loads the quantity issued or consumed from a location in the last DEMAND_WINDOW_DAYS, by demandKey. */
export function recentDemandLoader(em: EntityManager): DataLoader<string, number> {
  return new DataLoader<string, number>(
    async (keys) => {
      if (partnerScopeOf(em) !== null) return keys.map(() => 0);
      const pairs = keys.map((key) => key.split(':') as [string, string]);
      // Ids come from stock_level rows (uuid columns), so the array literals carry no user text.
      const rows = await em.execute<{ product_id: string; location_id: string; demand: number }[]>(
        `select m.product_id, m.from_location_id as location_id, sum(m.quantity) as demand
         from stock_movement m
         join unnest(?::uuid[], ?::uuid[]) as k(product_id, location_id)
           on m.product_id = k.product_id and m.from_location_id = k.location_id
         where m.type in (${DEMAND_TYPES.map((t) => `'${t}'`).join(', ')})
           and m.occurred_at > now() - make_interval(days => ?) and m.occurred_at <= now()
         group by m.product_id, m.from_location_id`,
        [`{${pairs.map(([p]) => p).join(',')}}`, `{${pairs.map(([, l]) => l).join(',')}}`, DEMAND_WINDOW_DAYS],
      );
      const demand = new Map(rows.map((row) => [demandKey(row.product_id, row.location_id), Number(row.demand)]));
      return keys.map((key) => demand.get(key) ?? 0);
    },
    { maxBatchSize: 1000 },
  );
}
