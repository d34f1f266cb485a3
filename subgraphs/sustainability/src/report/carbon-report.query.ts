// Runs the carbon report's statement (carbon-report.sql.ts): one SQL statement per page.
import type { EntityManager } from '@mikro-orm/postgresql';
import { carbonReportStatement, type CarbonReportQuery } from './carbon-report.sql';

/** One group as SQL sums it; with NEARSHORE one facility (folded later), kg null when it only has output. */
export interface CarbonGroup {
  scope: number | null;
  category: number | null;
  supplierId: string | null;
  productId: string | null;
  facilityId: string | null;
  kg: number | null;
  units: number | null;
  /** The latest updatedAt of the records behind the group's figures (for `updatedSince`). */
  changedAt: Date;
}

interface GroupRow {
  scope: number | null;
  category: number | null;
  supplier_id: string | null;
  product_id: string | null;
  facility_id: string | null;
  kg: number | null;
  units: number | null;
  changed_at: Date | string;
}

const numberOrNull = (value: unknown) => (value === null || value === undefined ? null : Number(value));

export async function carbonGroups(em: EntityManager, query: CarbonReportQuery): Promise<CarbonGroup[]> {
  const { sql, params } = carbonReportStatement(query);
  const rows = await em.execute<GroupRow[]>(sql, params);
  return rows.map((row) => ({
    scope: numberOrNull(row.scope), category: numberOrNull(row.category),
    supplierId: row.supplier_id, productId: row.product_id, facilityId: row.facility_id,
    kg: numberOrNull(row.kg), units: numberOrNull(row.units), changedAt: new Date(row.changed_at),
  }));
}
