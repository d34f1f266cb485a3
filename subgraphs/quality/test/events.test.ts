// Quality's events, read straight from its outbox: `inspection.recorded` with the non-conformance a
// failure opens in the same transaction (or links to, when one is already open for the lot), the
// non-conformance, corrective-action and recall events, and nothing at all for refused input.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { newId } from '@cmgraph/platform';
import { dataOf, startStack, type Stack } from '@cmgraph/testkit';
import { errorOf, GOOD_READINGS, incomingPlan, mutate, receivedLots, rowCounts, type ReceivedLots } from './fixtures';

let stack: Stack;
let chain: ReceivedLots;
let planId: string;
beforeAll(async () => {
  stack = await startStack(['suppliers', 'inventory', 'orders', 'quality']);
  chain = await receivedLots(stack, [500, 500, 500]);
  planId = await incomingPlan(stack, chain.productId);
}, 120_000);
afterAll(async () => stack?.stop());

interface OutboxRow {
  type: string;
  subject_type: string;
  subject_id: string;
  supplier_id: string | null;
  payload: Record<string, any>;
}

async function outbox(...types: string[]): Promise<OutboxRow[]> {
  return stack.subgraphs.quality!.server.orm.em.fork().execute<OutboxRow[]>(
    'select type, subject_type, subject_id, supplier_id, payload from outbox_event where type in (?) order by seq', [types]);
}

const RECORD = `mutation($input: RecordInspectionInput!) {
  recordInspection(input: $input) { id result nonConformance { id number status } nonConformances { id } }
}`;
const base = () => ({ planId, shipmentId: chain.shipmentId, lotSize: 500, quantityInspected: 50, quantityRejected: 0, readings: GOOD_READINGS });
const record = async (input: Record<string, unknown>) => dataOf(await stack.gateway(RECORD, { input: { ...base(), ...input } })).recordInspection;
const FAILING = { quantityRejected: 4, readings: [{ characteristic: 'Outer diameter', value: 10.3, unit: 'MM' }, GOOD_READINGS[1]] };

const lotNumberOf = async (lotId: string) =>
  dataOf(await stack.gateway(`query($id: ID!) { lot(id: $id) { lotNumber } }`, { id: lotId })).lot.lotNumber as string;

describe('inspection.recorded', () => {
  let firstNc: { id: string; number: string };

  it('a FAILED incoming inspection opens a non-conformance in its transaction, and the event carries it', async () => {
    const before = await rowCounts(stack);
    const failed = await record({ lotId: chain.lotIds[0], ...FAILING });
    expect(failed).toMatchObject({ result: 'FAIL', nonConformance: { status: 'OPEN' } });
    firstNc = failed.nonConformance;
    expect(failed.nonConformances).toEqual([{ id: firstNc.id }]);
    expect((await rowCounts(stack)).non_conformance).toBe(before.non_conformance! + 1);

    const [event] = (await outbox('inspection.recorded')).filter((e) => e.subject_id === failed.id);
    expect(event).toMatchObject({
      subject_type: 'Inspection', supplier_id: chain.supplierId,
      payload: {
        inspectionId: failed.id, kind: 'INCOMING', result: 'FAILED', lotId: chain.lotIds[0], lotNumber: await lotNumberOf(chain.lotIds[0]!),
        productId: chain.productId, supplierId: chain.supplierId, nonConformanceId: firstNc.id, shipmentId: chain.shipmentId,
        quantityInspected: 50, quantityRejected: 4,
      },
    });
    expect(await outbox('non_conformance.opened')).toEqual([expect.objectContaining({
      subject_id: firstNc.id, supplier_id: chain.supplierId,
      payload: expect.objectContaining({ nonConformanceId: firstNc.id, number: firstNc.number, status: 'OPEN', lotId: chain.lotIds[0], inspectionId: failed.id, quantity: 4 }),
    })]);
  });

  it('a PASSED inspection writes its event with no non-conformance', async () => {
    const passed = await record({ lotId: chain.lotIds[1] });
    expect(passed).toMatchObject({ result: 'PASS', nonConformance: null });
    const [event] = (await outbox('inspection.recorded')).filter((e) => e.subject_id === passed.id);
    expect(event!.payload).toMatchObject({ result: 'PASSED', lotId: chain.lotIds[1], productId: chain.productId, supplierId: chain.supplierId, nonConformanceId: null });
  });

  it('a second FAILED inspection of the lot while its non-conformance is open links to it instead of opening another', async () => {
    const before = await rowCounts(stack);
    const again = await record({ lotId: chain.lotIds[0], ...FAILING, quantityRejected: 6 });
    expect(again).toMatchObject({ result: 'FAIL', nonConformance: { id: firstNc.id }, nonConformances: [] });
    expect((await rowCounts(stack)).non_conformance).toBe(before.non_conformance);
    const [event] = (await outbox('inspection.recorded')).filter((e) => e.subject_id === again.id);
    expect(event!.payload).toMatchObject({ result: 'FAILED', nonConformanceId: firstNc.id });
    expect(await outbox('non_conformance.opened')).toHaveLength(1);
    const { nonConformances } = dataOf(await stack.gateway(`query($lot: ID!) { nonConformances(filter: { lotId: $lot }) { totalCount } }`, { lot: chain.lotIds[0] }));
    expect(nonConformances.totalCount).toBe(1);
  });

  it('refused input writes no event (and nothing else)', async () => {
    const before = { rows: await rowCounts(stack), events: (await outbox('inspection.recorded', 'non_conformance.opened')).length };
    const refused = await stack.gateway(RECORD, { input: { ...base(), lotId: chain.lotIds[2], ...FAILING, quantityInspected: 10 } });
    expect(errorOf(refused)).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'quantityInspected' } });
    const unknownLot = await stack.gateway(RECORD, { input: { ...base(), lotId: newId(), ...FAILING } });
    expect(errorOf(unknownLot)).toMatchObject({ extensions: { code: 'NOT_FOUND', field: 'lotId' } });
    expect(await rowCounts(stack)).toEqual(before.rows);
    expect(await outbox('inspection.recorded', 'non_conformance.opened')).toHaveLength(before.events);
  });

  it('two concurrent FAILED inspections of one lot open one non-conformance between them', async () => {
    const both = await Promise.all([record({ lotId: chain.lotIds[2], ...FAILING }), record({ lotId: chain.lotIds[2], ...FAILING })]);
    expect(both[0].nonConformance.id).toBe(both[1].nonConformance.id);
    const opened = (await outbox('non_conformance.opened')).filter((e) => e.payload.lotId === chain.lotIds[2]);
    expect(opened).toHaveLength(1);
  });

  it('writes the non-conformance\'s status changes, and a failure after it closed opens a new one', async () => {
    dataOf(await stack.gateway(`mutation($id: ID!) { reviewNonConformance(id: $id) { status } }`, { id: firstNc.id }));
    dataOf(await stack.gateway(`mutation($input: DispositionNonConformanceInput!) { dispositionNonConformance(input: $input) { status } }`, {
      input: { nonConformanceId: firstNc.id, disposition: 'SCRAP', rootCause: 'Worn tooling', by: 'mrb@brand.example' },
    }));
    const refused = await stack.gateway(`mutation($id: ID!) { reviewNonConformance(id: $id) { status } }`, { id: firstNc.id });
    expect(errorOf(refused)).toMatchObject({ extensions: { code: 'CONFLICT' } });
    dataOf(await stack.gateway(`mutation($id: ID!) { closeNonConformance(id: $id) { status } }`, { id: firstNc.id }));
    const lifecycle = (await outbox('non_conformance.opened', 'non_conformance.reviewed', 'non_conformance.dispositioned', 'non_conformance.closed'))
      .filter((e) => e.subject_id === firstNc.id);
    expect(lifecycle.map((e) => [e.type, e.payload.from, e.payload.status, e.supplier_id])).toEqual([
      ['non_conformance.opened', null, 'OPEN', chain.supplierId],
      ['non_conformance.reviewed', 'OPEN', 'UNDER_REVIEW', chain.supplierId],
      ['non_conformance.dispositioned', 'UNDER_REVIEW', 'DISPOSITIONED', chain.supplierId],
      ['non_conformance.closed', 'DISPOSITIONED', 'CLOSED', chain.supplierId],
    ]);
    expect(lifecycle[2]!.payload).toMatchObject({ disposition: 'SCRAP', rootCause: 'Worn tooling', lotId: chain.lotIds[0] });

    const afterClose = await record({ lotId: chain.lotIds[0], ...FAILING });
    expect(afterClose.nonConformance.id).not.toBe(firstNc.id);
    expect((await outbox('non_conformance.opened')).filter((e) => e.payload.lotId === chain.lotIds[0])).toHaveLength(2);
  });
});

describe('corrective action and recall events', () => {
  it('writes corrective_action.opened, a status change at D1 and D6 only, and closed', async () => {
    const { nonConformances } = dataOf(await stack.gateway(`query($lot: ID!) { nonConformances(filter: { lotId: $lot, statuses: [OPEN] }) { nodes { id } } }`, { lot: chain.lotIds[0] }));
    const ncId = nonConformances.nodes[0].id;
    const { openCorrectiveAction: action } = await mutate(stack, `mutation($input: OpenCorrectiveActionInput!) { openCorrectiveAction(input: $input) { id number } }`, {
      title: 'Diameter drift', supplierId: chain.supplierId, nonConformanceIds: [ncId], owner: 'Supplier QE', dueDate: '2027-01-31',
    });
    for (let step = 1; step <= 8; step++) {
      await mutate(stack, `mutation($input: CompleteCorrectiveActionStepInput!) { completeCorrectiveActionStep(input: $input) { status } }`, {
        correctiveActionId: action.id, step, text: `D${step}`,
      });
    }
    dataOf(await stack.gateway(`mutation($id: ID!) { closeCorrectiveAction(id: $id) { status } }`, { id: action.id }));
    const events = await outbox('corrective_action.opened', 'corrective_action.status_changed', 'corrective_action.closed');
    expect(events.map((e) => [e.type, e.payload.from ?? null, e.payload.status, e.payload.step ?? null, e.supplier_id])).toEqual([
      ['corrective_action.opened', null, 'OPEN', null, chain.supplierId],
      ['corrective_action.status_changed', 'OPEN', 'IN_PROGRESS', 1, chain.supplierId],
      ['corrective_action.status_changed', 'IN_PROGRESS', 'VERIFIED', 6, chain.supplierId],
      ['corrective_action.closed', 'VERIFIED', 'CLOSED', null, chain.supplierId],
    ]);
    expect(events[0]!.payload).toMatchObject({ correctiveActionId: action.id, number: action.number, nonConformanceIds: [ncId], dueDate: '2027-01-31' });
  });

  it('writes recall.initiated with the root lots and their supplier, recall.moved for each move, nothing for a refused move', async () => {
    const { initiateRecall } = await mutate(stack, `mutation($input: InitiateRecallInput!) { initiateRecall(input: $input) { id number } }`, {
      reason: 'Contaminated resin', lotIds: [chain.lotIds[1], chain.lotIds[2]],
    });
    const MOVE = `mutation($input: MoveRecallInput!) { moveRecall(input: $input) { status } }`;
    expect(errorOf(await stack.gateway(MOVE, { input: { recallId: initiateRecall.id, status: 'COMPLETED' } }))).toMatchObject({ extensions: { code: 'CONFLICT' } });
    dataOf(await stack.gateway(MOVE, { input: { recallId: initiateRecall.id, status: 'IN_PROGRESS' } }));
    const events = await outbox('recall.initiated', 'recall.moved');
    expect(events.map((e) => [e.type, e.payload.from, e.payload.status, e.supplier_id])).toEqual([
      ['recall.initiated', null, 'INITIATED', chain.supplierId],
      ['recall.moved', 'INITIATED', 'IN_PROGRESS', chain.supplierId],
    ]);
    expect(events[0]!.payload).toMatchObject({
      recallId: initiateRecall.id, number: initiateRecall.number, rootLotIds: [chain.lotIds[1], chain.lotIds[2]], supplierIds: [chain.supplierId],
    });
  });
});
