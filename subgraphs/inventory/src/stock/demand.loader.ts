// Demand for days of supply, in one place: what counts (DEMAND_TYPES out of a location, never transfers
// or count corrections), as an SQL predicate every demand query shares, and its loaders — one grouped
// statement for every key a request resolves, however many there are. Demand is brand-internal: raw SQL
// escapes the partner filters, so a partner's request reads none (its fields are refused or hidden
// anyway; this keeps the SQL safe alone).
import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { partnerScopeOf, today } from '@cmgraph/platform';
import { DEMAND_TYPES, DEMAND_WINDOW_DAYS, reportDemandWindow } from './stock.rules';

/** `<movement>` is demand: stock that left a location to be used (the types are enum constants, no user text). */
export function demandPredicate(movement: string): string {
  return `${movement}.type in (${DEMAND_TYPES.map((t) => `'${t}'`).join(', ')}) and ${movement}.from_location_id is not null`;
}

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
         where ${demandPredicate('m')}
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

/**
 * Loads, by product id, the quantity issued or consumed from any location in the reported window
 * (REPORT_DEMAND_WINDOW_DAYS whole days before today): the demand behind `Product.daysOfSupply`.
 */
export function productDemandLoader(em: EntityManager): DataLoader<string, number> {
  return new DataLoader<string, number>(
    async (keys) => {
      if (partnerScopeOf(em) !== null) return keys.map(() => 0);
      const window = reportDemandWindow(today());
      // Ids are product ids already loaded (uuid columns): the array literal carries no user text.
      const rows = await em.execute<{ product_id: string; demand: number }[]>(
        `select m.product_id, sum(m.quantity) as demand
         from stock_movement m
         where m.product_id = any(?::uuid[]) and ${demandPredicate('m')}
           and m.occurred_at >= ?::timestamptz and m.occurred_at < ?::timestamptz
         group by m.product_id`,
        [`{${keys.join(',')}}`, window.from, window.to],
      );
      const demand = new Map(rows.map((row) => [row.product_id, Number(row.demand)]));
      return keys.map((key) => demand.get(key) ?? 0);
    },
    { maxBatchSize: 1000 },
  );
}
