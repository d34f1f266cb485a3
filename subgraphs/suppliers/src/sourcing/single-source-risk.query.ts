// Single-source risk in SQL: the products whose only active source is one supplier (an assignment to a
// supplier that is not BLOCKED — the same rule as `ProductSourcing.singleSource`), with that supplier's
// risk tier, one keyset page per statement, the total of all pages alongside (a window count).
import type { EntityManager } from '@mikro-orm/postgresql';
import { partnerScopeOf } from '@cmgraph/platform';
import type { RiskTier } from '../supplier/supplier.enums';

export interface SingleSourceRow {
  productId: string;
  supplierId: string;
  riskTier: RiskTier;
}

export interface SingleSourceQuery {
  supplierIds?: string[] | null;
  riskTiers?: RiskTier[] | null;
  /** The product id after which the page starts. */
  after: string | null;
  limit: number;
}

const SQL = `
WITH sole AS (
  SELECT sa.product_id, (array_agg(sa.supplier_id))[1] AS supplier_id
  FROM sourcing_assignment sa
  JOIN supplier s ON s.id = sa.supplier_id
  WHERE s.status <> 'BLOCKED'
  GROUP BY sa.product_id
  HAVING count(*) = 1
), matching AS (
  SELECT sole.product_id, sole.supplier_id, s.risk_tier, count(*) OVER () AS total
  FROM sole
  JOIN supplier s ON s.id = sole.supplier_id
  WHERE (?::uuid[] IS NULL OR s.id = ANY(?::uuid[]))
    AND (?::text[] IS NULL OR s.risk_tier = ANY(?::text[]))
    AND (?::uuid IS NULL OR s.id = ?::uuid)
)
SELECT product_id::text, supplier_id::text, risk_tier, total::int
FROM matching
WHERE ?::uuid IS NULL OR product_id > ?::uuid
ORDER BY product_id
LIMIT ?`;

/** Postgres array literal of values already validated (uuids, enum names): no user text reaches it. */
const arrayLiteral = (values: readonly string[] | null | undefined) => (values ? `{${values.join(',')}}` : null);

/** A page of rows in product id order, and the number of rows on all pages (null when the page is empty). */
export async function singleSourceRows(em: EntityManager, query: SingleSourceQuery): Promise<{ rows: SingleSourceRow[]; total: number | null }> {
  // raw SQL: the partner scope is applied here
  const partner = partnerScopeOf(em);
  const ids = arrayLiteral(query.supplierIds);
  const tiers = arrayLiteral(query.riskTiers);
  const result = await em.execute<{ product_id: string; supplier_id: string; risk_tier: RiskTier; total: number }[]>(SQL, [
    ids, ids, tiers, tiers, partner, partner, query.after, query.after, query.limit,
  ]);
  return {
    rows: result.map((row) => ({ productId: row.product_id, supplierId: row.supplier_id, riskTier: row.risk_tier })),
    total: result[0]?.total ?? null,
  };
}
