// How the quality part of the demo world becomes rows: one column list per table, for `unnest` INSERTs.
import type { Column } from '@cmgraph/seedkit';
import type { SeedCharacteristic, SeedInspection, SeedPlan, SeedReading } from './seed.world';

export interface NonConformanceRow {
  id: string; number: string; inspection: SeedInspection; defectCodeId: string; severity: string; status: string;
  disposition: string | null; rootCause: string | null; dispositionedAt: string | null; closedAt: string | null;
}
export interface DefectCodeRow { id: string; code: string; description: string; category: string }

const at = (row: { inspectedAt: string }) => new Date(row.inspectedAt);
const base = <Row>(created: (row: Row) => Date, updated: (row: Row) => Date = created): Column<Row>[] => [
  { name: 'created_at', type: 'timestamptz[]', value: created },
  { name: 'updated_at', type: 'timestamptz[]', value: updated },
];
const SEEDED_AT = new Date('2026-01-01T00:00:00Z');

export const DEFECT_CODE_COLUMNS: Column<DefectCodeRow>[] = [
  { name: 'id', type: 'uuid[]', value: (r) => r.id }, ...base<DefectCodeRow>(() => SEEDED_AT),
  { name: 'code', type: 'text[]', value: (r) => r.code },
  { name: 'description', type: 'text[]', value: (r) => r.description },
  { name: 'category', type: 'text[]', value: (r) => r.category },
];

export const PLAN_COLUMNS: Column<SeedPlan>[] = [
  { name: 'id', type: 'uuid[]', value: (p) => p.id }, ...base<SeedPlan>(() => SEEDED_AT),
  { name: 'name', type: 'text[]', value: (p) => p.name },
  { name: 'product_id', type: 'uuid[]', value: (p) => p.productId },
  { name: 'trigger', type: 'text[]', value: (p) => p.trigger },
  { name: 'version', type: 'int[]', value: () => 1 },
  { name: 'active', type: 'boolean[]', value: () => true },
  { name: 'sampling_method', type: 'text[]', value: (p) => (p.aql !== null ? 'AQL' : 'PERCENT') },
  { name: 'aql', type: 'float8[]', value: (p) => p.aql },
  { name: 'sample_percent', type: 'float8[]', value: (p) => p.percent },
];

export const CHARACTERISTIC_COLUMNS: Column<SeedCharacteristic>[] = [
  { name: 'id', type: 'uuid[]', value: (c) => c.id }, ...base<SeedCharacteristic>(() => SEEDED_AT),
  { name: 'plan_id', type: 'uuid[]', value: (c) => c.planId },
  { name: 'name', type: 'text[]', value: (c) => c.name },
  { name: 'nominal', type: 'float8[]', value: (c) => c.nominal },
  { name: 'lower_limit', type: 'float8[]', value: (c) => c.lower },
  { name: 'upper_limit', type: 'float8[]', value: (c) => c.upper },
  { name: 'unit', type: 'text[]', value: (c) => c.unit },
];

export const INSPECTION_COLUMNS: Column<SeedInspection>[] = [
  { name: 'id', type: 'uuid[]', value: (i) => i.id }, ...base<SeedInspection>(at),
  { name: 'plan_id', type: 'uuid[]', value: (i) => i.plan.id },
  { name: 'trigger', type: 'text[]', value: (i) => i.plan.trigger },
  { name: 'lot_id', type: 'uuid[]', value: (i) => i.lotId },
  { name: 'product_id', type: 'uuid[]', value: (i) => i.productId },
  { name: 'supplier_id', type: 'uuid[]', value: (i) => i.supplierId },
  { name: 'shipment_id', type: 'uuid[]', value: (i) => i.shipmentId },
  { name: 'work_order_id', type: 'uuid[]', value: (i) => i.workOrderId },
  { name: 'lot_size', type: 'float8[]', value: (i) => i.lotSize },
  { name: 'sample_size', type: 'int[]', value: (i) => i.sampleSize },
  { name: 'acceptance_number', type: 'int[]', value: (i) => i.acceptanceNumber },
  { name: 'quantity_inspected', type: 'float8[]', value: (i) => i.sampleSize },
  { name: 'quantity_rejected', type: 'float8[]', value: (i) => i.quantityRejected },
  { name: 'result', type: 'text[]', value: (i) => i.result },
  { name: 'first_pass', type: 'boolean[]', value: (i) => i.firstPass },
  { name: 'inspected_at', type: 'timestamptz[]', value: at },
];

export const READING_COLUMNS: Column<SeedReading & { inspectedAt: string }>[] = [
  { name: 'id', type: 'uuid[]', value: (r) => r.id }, ...base<SeedReading & { inspectedAt: string }>(at),
  { name: 'inspection_id', type: 'uuid[]', value: (r) => r.inspectionId },
  { name: 'characteristic_id', type: 'uuid[]', value: (r) => r.characteristic.id },
  { name: 'value', type: 'float8[]', value: (r) => r.value },
  { name: 'unit', type: 'text[]', value: (r) => r.characteristic.unit },
  { name: 'value_in_characteristic_unit', type: 'float8[]', value: (r) => r.value },
  { name: 'within_limits', type: 'boolean[]', value: (r) => r.withinLimits },
];

export const NON_CONFORMANCE_COLUMNS: Column<NonConformanceRow>[] = [
  { name: 'id', type: 'uuid[]', value: (n) => n.id },
  ...base<NonConformanceRow>((n) => at(n.inspection), (n) => new Date(n.closedAt ?? n.dispositionedAt ?? n.inspection.inspectedAt)),
  { name: 'number', type: 'text[]', value: (n) => n.number },
  { name: 'lot_id', type: 'uuid[]', value: (n) => n.inspection.lotId },
  { name: 'product_id', type: 'uuid[]', value: (n) => n.inspection.productId },
  { name: 'supplier_id', type: 'uuid[]', value: (n) => n.inspection.supplierId },
  { name: 'inspection_id', type: 'uuid[]', value: (n) => n.inspection.id },
  { name: 'defect_code_id', type: 'uuid[]', value: (n) => n.defectCodeId },
  { name: 'quantity', type: 'float8[]', value: (n) => n.inspection.quantityRejected },
  { name: 'severity', type: 'text[]', value: (n) => n.severity },
  { name: 'status', type: 'text[]', value: (n) => n.status },
  { name: 'description', type: 'text[]', value: (n) => `Failed ${n.inspection.plan.trigger} inspection: ${n.inspection.quantityRejected} of ${n.inspection.sampleSize} inspected units rejected` },
  { name: 'disposition', type: 'text[]', value: (n) => n.disposition },
  { name: 'dispositioned_by', type: 'text[]', value: (n) => (n.disposition ? 'mrb@brand.example' : null) },
  { name: 'dispositioned_at', type: 'timestamptz[]', value: (n) => n.dispositionedAt },
  { name: 'root_cause', type: 'text[]', value: (n) => n.rootCause },
  { name: 'opened_at', type: 'timestamptz[]', value: (n) => at(n.inspection) },
  { name: 'closed_at', type: 'timestamptz[]', value: (n) => n.closedAt },
];
