// From SQL's groups to report rows (pure): the row key of each grouping, the nearshore fold, and
// intensity = kgCO2e ÷ good units.
import { CarbonGrouping, CarbonReportRow } from './carbon-report.types';
import type { CarbonGroup } from './carbon-report.query';

export const UNALLOCATED = 'unallocated';

export interface KeyedRow {
  row: CarbonReportRow;
  changedAt: Date;
}

/** Scope 3 categories as two digits so that string order is numeric order; "-" for none. */
const categoryKey = (category: number | null) => (category === null ? '-' : String(category).padStart(2, '0'));

function keyOf(groupBy: CarbonGrouping, group: CarbonGroup): string {
  switch (groupBy) {
    case CarbonGrouping.SCOPE: return String(group.scope);
    case CarbonGrouping.CATEGORY: return categoryKey(group.category);
    case CarbonGrouping.SCOPE_CATEGORY: return `${group.scope}|${categoryKey(group.category)}`;
    case CarbonGrouping.SUPPLIER: return group.supplierId!;
    case CarbonGrouping.PRODUCT: return group.productId ?? UNALLOCATED;
    case CarbonGrouping.NEARSHORE: throw new Error('NEARSHORE rows are folded from facilities (nearshoreRows)');
  }
}

function row(fields: Partial<CarbonReportRow> & Pick<CarbonReportRow, 'key' | 'co2eKg'>): CarbonReportRow {
  const units = fields.units ?? null;
  return Object.assign(new CarbonReportRow(), {
    scope: null, category: null, supplier: null, product: null, nearshore: null, ...fields,
    units, intensity: units ? fields.co2eKg / units : null,
  });
}

const INTENSITY_GROUPINGS = new Set([CarbonGrouping.SUPPLIER, CarbonGrouping.PRODUCT]);

/** Rows of every grouping but NEARSHORE, one per group. */
export function groupRows(groupBy: CarbonGrouping, groups: CarbonGroup[]): KeyedRow[] {
  return groups.map((group) => {
    const key = keyOf(groupBy, group);
    const intensity = INTENSITY_GROUPINGS.has(groupBy) && key !== UNALLOCATED;
    return {
      changedAt: group.changedAt,
      row: row({
        key, co2eKg: group.kg ?? 0, units: intensity ? group.units : null,
        scope: group.scope, category: group.category,
        supplier: group.supplierId ? { id: group.supplierId } : null,
        product: group.productId ? { id: group.productId } : null,
      }),
    };
  });
}

/**
 * NEARSHORE rows from per-facility groups and what suppliers says of each facility: a side's kgCO2e
 * and units are the sums over its facilities; a side exists when one of its facilities has emissions.
 */
export function nearshoreRows(facilities: CarbonGroup[], nearshore: Map<string, boolean>): KeyedRow[] {
  const rows: KeyedRow[] = [];
  for (const side of [true, false]) {
    const members = facilities.filter((f) => nearshore.get(f.facilityId!) === side);
    if (!members.some((f) => f.kg !== null)) continue;
    const withOutput = members.filter((f) => f.units !== null);
    rows.push({
      changedAt: new Date(Math.max(...members.map((f) => f.changedAt.getTime()))),
      row: row({
        key: side ? 'nearshore' : 'offshore', nearshore: side,
        co2eKg: members.reduce((sum, f) => sum + (f.kg ?? 0), 0),
        units: withOutput.length ? withOutput.reduce((sum, f) => sum + f.units!, 0) : null,
      }),
    });
  }
  return rows;
}
