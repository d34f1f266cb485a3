// Rows written straight into the quality database for the report and scorecard tests: inspections,
// non-conformances and corrective actions at exact instants (period boundaries, closing times in the
// past), which recording them through mutations could not produce. Each row's created/updated time is
// its own instant, as the seed does.
import type { Client } from 'pg';
import { newId } from '@cmgraph/platform';

export interface InspectionRow {
  supplierId: string | null;
  productId: string;
  trigger?: 'INCOMING' | 'IN_PROCESS' | 'FINAL';
  firstPass?: boolean;
  result: 'PASS' | 'FAIL';
  lotSize: number;
  rejected: number;
  at: string;
}

export interface NonConformanceRow {
  supplierId: string | null;
  productId: string;
  defectCodeId: string | null;
  quantity: number;
  openedAt: string;
  inspectionId?: string | null;
}

export interface CorrectiveActionRow {
  supplierId: string;
  createdAt: string;
  status: 'OPEN' | 'IN_PROGRESS' | 'VERIFIED' | 'CLOSED';
  closedAt?: string | null;
}

async function insert(db: Client, table: string, row: Record<string, unknown>): Promise<string> {
  const columns = Object.keys(row);
  await db.query(`insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values (${columns.map((_, i) => `$${i + 1}`).join(', ')})`, Object.values(row));
  return row.id as string;
}

let numbers = 0;

/** Writers for one quality database; plans are made per product and trigger as needed. */
export function qualityRows(db: Client) {
  const plans = new Map<string, string>();
  const planOf = async (productId: string, trigger: string): Promise<string> => {
    const known = plans.get(`${productId}|${trigger}`);
    if (known) return known;
    const id = await insert(db, 'inspection_plan', {
      id: newId(), created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z', name: `${trigger} plan`, product_id: productId,
      trigger, version: 1, active: true, sampling_method: 'PERCENT', sample_percent: 10,
    });
    plans.set(`${productId}|${trigger}`, id);
    return id;
  };
  return {
    async inspection(row: InspectionRow): Promise<string> {
      const trigger = row.trigger ?? 'INCOMING';
      return insert(db, 'inspection', {
        id: newId(), created_at: row.at, updated_at: row.at, plan_id: await planOf(row.productId, trigger), trigger, lot_id: newId(),
        product_id: row.productId, supplier_id: row.supplierId, lot_size: row.lotSize, sample_size: 10, acceptance_number: 1,
        quantity_inspected: 10, quantity_rejected: row.rejected, result: row.result, first_pass: row.firstPass ?? true, inspected_at: row.at,
      });
    },
    async nonConformance(row: NonConformanceRow): Promise<string> {
      return insert(db, 'non_conformance', {
        id: newId(), created_at: row.openedAt, updated_at: row.openedAt, number: `NC-T${String(++numbers).padStart(6, '0')}`, lot_id: newId(),
        product_id: row.productId, supplier_id: row.supplierId, inspection_id: row.inspectionId ?? null, defect_code_id: row.defectCodeId,
        quantity: row.quantity, severity: 'MAJOR', status: 'OPEN', opened_at: row.openedAt,
      });
    },
    async correctiveAction(row: CorrectiveActionRow): Promise<string> {
      return insert(db, 'corrective_action', {
        id: newId(), created_at: row.createdAt, updated_at: row.closedAt ?? row.createdAt, number: `CA-T${String(++numbers).padStart(6, '0')}`,
        title: '8D', supplier_id: row.supplierId, owner: 'SQE', due_date: '2026-12-31', status: row.status, closed_at: row.closedAt ?? null,
      });
    },
    async defectCode(code: string): Promise<string> {
      return insert(db, 'defect_code', {
        id: newId(), created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z', code, description: `Defect ${code}`, category: 'DIMENSIONAL',
      });
    },
  };
}

export type QualityRows = ReturnType<typeof qualityRows>;
