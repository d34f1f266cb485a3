// Column mappings for the production seed's bulk inserts (seedkit `insertRows`), one list per table.
import type { Column } from '@cmgraph/seedkit';

const SEEDED_AT = '2026-11-01T00:00:00Z';

export interface LineRow { id: string; facilityId: string; supplierId: string; code: string; name: string; idealCycleSeconds: number }
export interface MachineRow { id: string; lineId: string; facilityId: string; code: string; name: string; idealCycleSeconds: number }
export interface ReasonRow { id: string; code: string; description: string; category: string; planned: boolean }
export interface BomRow { id: string; productId: string }
export interface BomLineRow { id: string; bomId: string; componentProductId: string; uom: string }
export interface WorkOrderRow {
  id: string; number: string; productId: string; bomId: string; facilityId: string; lineId: string; purchaseOrderLineId: string | null;
  uom: string; planned: number; good: number; scrap: number; plannedStart: string; plannedEnd: string; actualStart: string; actualEnd: string;
}
export interface OutputRow { id: string; workOrderId: string; lotId: string; good: number; scrap: number; reportedAt: string }
export interface ConsumptionRow { id: string; workOrderId: string; lotId: string; productId: string; quantity: number; uom: string; consumedAt: string }
export interface DowntimeRow { id: string; machineId: string; reasonId: string; startedAt: string; endedAt: string; planned: boolean }
export interface ReadingRow { id: string; machineId: string; metric: string; value: number; unit: string; recordedAt: string }
export interface LimitRow { id: string; machineId: string; metric: string; unit: string; max: number }
export interface AlertRow {
  id: string; subjectId: string; facilityId: string; supplierId: string | null; severity: string; message: string; metric: string; value: number; threshold: number;
  unit: string; occurrences: number; raisedAt: string; lastRaisedAt: string; resolvedAt: string | null;
}

/** id, created_at and updated_at, the base-entity columns every table has. */
function base<Row extends { id: string }>(createdAt: (row: Row) => string = () => SEEDED_AT): Column<Row>[] {
  return [
    { name: 'id', type: 'uuid[]', value: (r) => r.id },
    { name: 'created_at', type: 'timestamptz[]', value: createdAt },
    { name: 'updated_at', type: 'timestamptz[]', value: createdAt },
  ];
}

const col = <Row>(name: string, type: string, value: (row: Row) => unknown): Column<Row> => ({ name, type, value });

export const LINE_COLUMNS: Column<LineRow>[] = [
  ...base<LineRow>(), col('facility_id', 'uuid[]', (l) => l.facilityId), col('supplier_id', 'uuid[]', (l) => l.supplierId),
  col('code', 'text[]', (l) => l.code), col('name', 'text[]', (l) => l.name), col('ideal_cycle_seconds', 'float8[]', (l) => l.idealCycleSeconds),
];

export const MACHINE_COLUMNS: Column<MachineRow>[] = [
  ...base<MachineRow>(), col('line_id', 'uuid[]', (m) => m.lineId), col('facility_id', 'uuid[]', (m) => m.facilityId),
  col('code', 'text[]', (m) => m.code), col('name', 'text[]', (m) => m.name), col('ideal_cycle_seconds', 'float8[]', (m) => m.idealCycleSeconds),
];

export const REASON_COLUMNS: Column<ReasonRow>[] = [
  ...base<ReasonRow>(), col('code', 'text[]', (r) => r.code), col('description', 'text[]', (r) => r.description),
  col('category', 'text[]', (r) => r.category), col('planned', 'bool[]', (r) => r.planned),
];

export const BOM_COLUMNS: Column<BomRow>[] = [
  ...base<BomRow>(), col('product_id', 'uuid[]', (b) => b.productId), col('version', 'int[]', () => 1), col('status', 'text[]', () => 'ACTIVE'),
];

export const BOM_LINE_COLUMNS: Column<BomLineRow>[] = [
  ...base<BomLineRow>(), col('bill_of_materials_id', 'uuid[]', (l) => l.bomId), col('component_product_id', 'uuid[]', (l) => l.componentProductId),
  col('quantity_per', 'float8[]', () => 1), col('uom', 'text[]', (l) => l.uom), col('scrap_factor', 'float8[]', () => 0),
];

export const WORK_ORDER_COLUMNS: Column<WorkOrderRow>[] = [
  ...base<WorkOrderRow>((w) => w.plannedStart), col('number', 'text[]', (w) => w.number), col('product_id', 'uuid[]', (w) => w.productId),
  col('bill_of_materials_id', 'uuid[]', (w) => w.bomId), col('bom_version', 'int[]', () => 1), col('facility_id', 'uuid[]', (w) => w.facilityId),
  col('line_id', 'uuid[]', (w) => w.lineId), col('purchase_order_line_id', 'uuid[]', (w) => w.purchaseOrderLineId), col('uom', 'text[]', (w) => w.uom),
  col('quantity_planned', 'float8[]', (w) => w.planned), col('quantity_good', 'float8[]', (w) => w.good), col('quantity_scrap', 'float8[]', (w) => w.scrap),
  col('status', 'text[]', () => 'CLOSED'), col('planned_start', 'timestamptz[]', (w) => w.plannedStart), col('planned_end', 'timestamptz[]', (w) => w.plannedEnd),
  col('actual_start', 'timestamptz[]', (w) => w.actualStart), col('actual_end', 'timestamptz[]', (w) => w.actualEnd),
];

export const OUTPUT_COLUMNS: Column<OutputRow>[] = [
  ...base<OutputRow>((o) => o.reportedAt), col('work_order_id', 'uuid[]', (o) => o.workOrderId), col('lot_id', 'uuid[]', (o) => o.lotId),
  col('good_quantity', 'float8[]', (o) => o.good), col('scrap_quantity', 'float8[]', (o) => o.scrap), col('reported_at', 'timestamptz[]', (o) => o.reportedAt),
];

export const CONSUMPTION_COLUMNS: Column<ConsumptionRow>[] = [
  ...base<ConsumptionRow>((c) => c.consumedAt), col('work_order_id', 'uuid[]', (c) => c.workOrderId), col('lot_id', 'uuid[]', (c) => c.lotId),
  col('product_id', 'uuid[]', (c) => c.productId), col('quantity', 'float8[]', (c) => c.quantity), col('uom', 'text[]', (c) => c.uom),
  col('consumed_at', 'timestamptz[]', (c) => c.consumedAt),
];

export const DOWNTIME_COLUMNS: Column<DowntimeRow>[] = [
  ...base<DowntimeRow>((d) => d.endedAt), col('machine_id', 'uuid[]', (d) => d.machineId), col('reason_id', 'uuid[]', (d) => d.reasonId),
  col('started_at', 'timestamptz[]', (d) => d.startedAt), col('ended_at', 'timestamptz[]', (d) => d.endedAt), col('planned', 'bool[]', (d) => d.planned),
];

export const READING_COLUMNS: Column<ReadingRow>[] = [
  ...base<ReadingRow>((r) => r.recordedAt), col('machine_id', 'uuid[]', (r) => r.machineId), col('metric', 'text[]', (r) => r.metric),
  col('value', 'float8[]', (r) => r.value), col('unit', 'text[]', (r) => r.unit), col('recorded_at', 'timestamptz[]', (r) => r.recordedAt),
];

export const LIMIT_COLUMNS: Column<LimitRow>[] = [
  ...base<LimitRow>(), col('machine_id', 'uuid[]', (l) => l.machineId), col('metric', 'text[]', (l) => l.metric),
  col('unit', 'text[]', (l) => l.unit), col('max', 'float8[]', (l) => l.max),
];

export const ALERT_COLUMNS: Column<AlertRow>[] = [
  ...base<AlertRow>((a) => a.raisedAt), col('category', 'text[]', () => 'MACHINE_HEALTH'), col('severity', 'text[]', (a) => a.severity),
  col('subject_type', 'text[]', () => 'Machine'), col('subject_id', 'uuid[]', (a) => a.subjectId), col('facility_id', 'uuid[]', (a) => a.facilityId),
  col('supplier_id', 'uuid[]', (a) => a.supplierId),  col('message', 'text[]', (a) => a.message), col('metric', 'text[]', (a) => a.metric), col('value', 'float8[]', (a) => a.value),
  col('threshold', 'float8[]', (a) => a.threshold), col('unit', 'text[]', (a) => a.unit), col('occurrences', 'int[]', (a) => a.occurrences),
  col('raised_at', 'timestamptz[]', (a) => a.raisedAt), col('last_raised_at', 'timestamptz[]', (a) => a.lastRaisedAt),
  col('resolved_at', 'timestamptz[]', (a) => a.resolvedAt), col('resolved_by', 'text[]', (a) => (a.resolvedAt ? 'seed' : null)),
];
