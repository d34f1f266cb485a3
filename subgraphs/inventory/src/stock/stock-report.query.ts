// The stock report in SQL: one statement per page selects the page's stock levels in key order
// (product_id, location_id — the unique index's order, so a keyset cursor never shifts when levels
// appear), their demand over the reported window (the shared demand predicate, served by the
// (product_id, from_location_id, occurred_at) index) and the count of every matching row. Raw SQL
// reads stock unscoped: brand callers only (the resolver refuses partners before this runs).
import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, decodeKeyCursor, encodeKeyCursor, isId, today, type Page } from '@cmgraph/platform';
import { demandPredicate } from './demand.loader';
import { daysOfSupply, REPORT_DEMAND_WINDOW_DAYS, reportDemandWindow } from './stock.rules';
import type { StockReportFilter } from './stock-report.input';
import type { StockReportRow } from './stock-report.row';

export interface StockReportPageArgs {
  first: number;
  after?: string | null;
  updatedSince?: Date | null;
}

interface ReportSqlRow {
  total: number;
  product_id: string | null;
  location_id: string;
  on_hand: number;
  reserved: number;
  safety_stock: number;
  reorder_point: number;
  updated_at: Date;
  demand: number | string;
}

const BELOW_REORDER_POINT = 's.reorder_point > 0 and s.on_hand - s.reserved <= s.reorder_point';

// The count comes first and the page is left-joined to it, so an empty page still says the total.
const SQL = `
with scoped as (
  select s.product_id, s.location_id, s.on_hand, s.reserved, s.safety_stock, s.reorder_point, s.updated_at
  from stock_level s
  where (?::uuid[] is null or s.product_id = any(?::uuid[]))
    and (?::uuid[] is null or s.location_id = any(?::uuid[]))
    and (?::boolean is null or (${BELOW_REORDER_POINT}) = ?::boolean)
    and (?::timestamptz is null or s.updated_at >= ?::timestamptz)
),
page as (
  select * from scoped
  where ?::uuid is null or (product_id, location_id) > (?::uuid, ?::uuid)
  order by product_id, location_id
  limit ?
)
select c.total, p.*, coalesce(d.demand, 0) as demand
from (select count(*)::int as total from scoped) c
left join page p on true
left join lateral (
  select sum(m.quantity) as demand
  from stock_movement m
  where m.product_id = p.product_id and m.from_location_id = p.location_id and ${demandPredicate('m')}
    and m.occurred_at >= ?::timestamptz and m.occurred_at < ?::timestamptz
) d on p.product_id is not null
order by p.product_id, p.location_id`;

/** One page of the stock report, with its total. */
export async function stockReportPage(em: EntityManager, filter: StockReportFilter, args: StockReportPageArgs): Promise<Page<StockReportRow>> {
  const products = idArray(filter.productIds, 'filter.productIds');
  const locations = idArray(filter.locationIds, 'filter.locationIds');
  const below = filter.belowReorderPoint ?? null;
  const since = args.updatedSince ? args.updatedSince.toISOString() : null;
  const after = args.after ? decodeReportCursor(args.after) : null;
  const window = reportDemandWindow(today());
  const rows = await em.execute<ReportSqlRow[]>(SQL, [
    products, products, locations, locations, below, below, since, since,
    after?.productId ?? null, after?.productId ?? null, after?.locationId ?? null, args.first + 1,
    window.from, window.to,
  ]);
  const total = rows[0]?.total ?? 0;
  const found = rows.filter((row) => row.product_id !== null).map(toReportRow);
  const nodes = found.slice(0, args.first);
  const edges = nodes.map((node) => ({ cursor: encodeReportCursor(node.key), node }));
  return {
    nodes,
    edges,
    pageInfo: { hasNextPage: found.length > args.first, endCursor: edges.at(-1)?.cursor ?? null },
    countTotal: async () => total,
  };
}

function toReportRow(row: ReportSqlRow): StockReportRow {
  const [onHand, reserved, reorderPoint] = [Number(row.on_hand), Number(row.reserved), Number(row.reorder_point)];
  const demand = Number(row.demand);
  return {
    key: `${row.product_id}|${row.location_id}`,
    productId: row.product_id!,
    locationId: row.location_id,
    onHand,
    reserved,
    available: onHand - reserved,
    safetyStock: Number(row.safety_stock),
    reorderPoint,
    belowReorderPoint: reorderPoint > 0 && onHand - reserved <= reorderPoint,
    averageDailyDemand: demand / REPORT_DEMAND_WINDOW_DAYS,
    daysOfSupply: daysOfSupply(onHand, demand, REPORT_DEMAND_WINDOW_DAYS),
    updatedAt: new Date(row.updated_at),
  };
}

/** A PostgreSQL array literal of checked ids (so it carries no user text), or null for no condition. */
function idArray(ids: string[] | null | undefined, field: string): string | null {
  if (!ids?.length) return null;
  for (const id of ids) if (!isId(id)) throw AppError.badInput(field, `"${id}" is not a valid id`);
  return `{${ids.join(',')}}`;
}

// Cursors name the key of the last row seen, in the same form as the kit's paginateRows.
function encodeReportCursor(key: string): string {
  return encodeKeyCursor(key);
}

function decodeReportCursor(cursor: string): { productId: string; locationId: string } {
  const [productId = '', locationId = ''] = decodeKeyCursor(cursor).split('|');
  if (!isId(productId) || !isId(locationId)) throw AppError.badInput('after', 'not a cursor from this list');
  return { productId, locationId };
}
