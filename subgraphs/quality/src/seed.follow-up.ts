// The follow-up part of the quality seed: a few 8D corrective actions on open non-conformances (some
// closed, some overdue, one not yet due) and one recall of a component lot that went into production.
import type { Client } from 'pg';
import { addDays, insertRows, seedId, SEED_TODAY, workOrders, type Column, type Universe } from '@cmgraph/seedkit';
import { formatDocumentNumber } from './numbering/document-number';
import { EIGHT_D_STEPS } from './corrective-action/corrective-action.enums';

interface OpenFinding { id: string; supplierId: string; openedOn: string }
interface ActionRow { id: string; number: string; finding: OpenFinding; status: string; dueDate: string; stepsDone: number; openedAt: string }
interface StepRow { id: string; action: ActionRow; step: number }

const MAX_ACTIONS = 6;
/** Status and completed steps by position: closed, overdue in progress, verified, open and not yet due. */
const SHAPES = [
  { status: 'CLOSED', stepsDone: 8, dueInDays: 30 },
  { status: 'IN_PROGRESS', stepsDone: 3, dueInDays: 20 },
  { status: 'VERIFIED', stepsDone: 6, dueInDays: 45 },
  { status: 'OPEN', stepsDone: 0, dueInDays: null },
] as const;

const stamp = (day: string) => new Date(`${day}T09:00:00Z`);

const ACTION_COLUMNS: Column<ActionRow>[] = [
  { name: 'id', type: 'uuid[]', value: (a) => a.id },
  { name: 'created_at', type: 'timestamptz[]', value: (a) => stamp(a.openedAt) },
  { name: 'updated_at', type: 'timestamptz[]', value: (a) => stamp(a.openedAt) },
  { name: 'number', type: 'text[]', value: (a) => a.number },
  { name: 'title', type: 'text[]', value: (a) => `8D for ${a.number.replace('CA', 'supplier finding')}` },
  { name: 'supplier_id', type: 'uuid[]', value: (a) => a.finding.supplierId },
  { name: 'owner', type: 'text[]', value: () => 'Supplier quality engineer' },
  { name: 'due_date', type: 'date[]', value: (a) => a.dueDate },
  { name: 'status', type: 'text[]', value: (a) => a.status },
  { name: 'closed_at', type: 'timestamptz[]', value: (a) => (a.status === 'CLOSED' ? stamp(addDays(a.openedAt, 25)) : null) },
];
const STEP_COLUMNS: Column<StepRow>[] = [
  { name: 'id', type: 'uuid[]', value: (s) => s.id },
  { name: 'created_at', type: 'timestamptz[]', value: (s) => stamp(s.action.openedAt) },
  { name: 'updated_at', type: 'timestamptz[]', value: (s) => stamp(addDays(s.action.openedAt, s.step)) },
  { name: 'corrective_action_id', type: 'uuid[]', value: (s) => s.action.id },
  { name: 'step', type: 'int2[]', value: (s) => s.step },
  { name: 'title', type: 'text[]', value: (s) => EIGHT_D_STEPS[s.step - 1] },
  { name: 'text', type: 'text[]', value: (s) => (s.step <= s.action.stepsDone ? `D${s.step} recorded by the supplier` : null) },
  { name: 'completed_at', type: 'timestamptz[]', value: (s) => (s.step <= s.action.stepsDone ? stamp(addDays(s.action.openedAt, s.step)) : null) },
];
const LINK_COLUMNS: Column<ActionRow>[] = [
  { name: 'id', type: 'uuid[]', value: (a) => seedId('quality-ca-link', Number(a.number.slice(3)) - 1) },
  { name: 'created_at', type: 'timestamptz[]', value: (a) => stamp(a.openedAt) },
  { name: 'updated_at', type: 'timestamptz[]', value: (a) => stamp(a.openedAt) },
  { name: 'corrective_action_id', type: 'uuid[]', value: (a) => a.id },
  { name: 'non_conformance_id', type: 'uuid[]', value: (a) => a.finding.id },
];

/** Writes the corrective actions; returns how many were numbered. */
export async function seedCorrectiveActions(db: Client, _world: Universe, findings: Map<string, OpenFinding>, progress: (rows: number) => void): Promise<number> {
  const actions = [...findings.values()].slice(0, MAX_ACTIONS).map((finding, i): ActionRow => {
    const shape = SHAPES[i % SHAPES.length]!;
    const openedAt = finding.openedOn;
    return {
      id: seedId('quality-ca', i), number: formatDocumentNumber('CA', i + 1), finding, status: shape.status, stepsDone: shape.stepsDone, openedAt,
      dueDate: shape.dueInDays === null ? addDays(SEED_TODAY, 60) : addDays(openedAt, shape.dueInDays),
    };
  });
  const steps = actions.flatMap((action, i) => EIGHT_D_STEPS.map((_, k): StepRow => ({ id: seedId('quality-ca-step', i * 8 + k), action, step: k + 1 })));
  await insertRows(db, 'corrective_action', ACTION_COLUMNS, actions);
  await insertRows(db, 'corrective_action_step', STEP_COLUMNS, steps);
  await insertRows(db, 'corrective_action_non_conformance', LINK_COLUMNS, actions);
  progress(actions.length * 2 + steps.length);
  return actions.length;
}

/** Recalls the first component lot consumed by a subassembly work order; returns how many were numbered. */
export async function seedRecall(db: Client, world: Universe, progress: (rows: number) => void): Promise<number> {
  const first = workOrders(world).next();
  const lotId = first.done ? null : first.value.consumed[0]?.lotId;
  if (!lotId) return 0;
  const initiatedAt = new Date(`${addDays(SEED_TODAY, -5)}T08:00:00Z`);
  await insertRows(db, 'recall', [
    { name: 'id', type: 'uuid[]', value: () => seedId('quality-recall', 0) },
    { name: 'created_at', type: 'timestamptz[]', value: () => initiatedAt },
    { name: 'updated_at', type: 'timestamptz[]', value: () => initiatedAt },
    { name: 'number', type: 'text[]', value: () => formatDocumentNumber('RC', 1) },
    { name: 'reason', type: 'text[]', value: () => 'Supplier reported contaminated resin in a component lot' },
    { name: 'root_lot_ids', type: 'text[]', value: () => `{${lotId}}`, cast: 'text[]' },
    { name: 'status', type: 'text[]', value: () => 'IN_PROGRESS' },
    { name: 'initiated_at', type: 'timestamptz[]', value: () => initiatedAt },
  ], [lotId]);
  progress(1);
  return 1;
}
