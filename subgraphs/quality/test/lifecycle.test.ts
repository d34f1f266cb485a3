// Status rules through the gateway: non-conformance dispositions, 8D steps in order, recalls — each
// refusal a coded error that writes nothing.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { dataOf, startStack, type Stack } from '@cmgraph/testkit';
import { newId } from '@cmgraph/platform';
import { errorOf, incomingPlan, inspect, mutate, receivedLots, rowCounts, type ReceivedLots } from './fixtures';

let stack: Stack;
let chain: ReceivedLots;
let ncId: string;
beforeAll(async () => {
  stack = await startStack(['suppliers', 'inventory', 'orders', 'quality']);
  chain = await receivedLots(stack, [500, 500]);
  const planId = await incomingPlan(stack, chain.productId);
  const failed = await inspect(stack, { planId, lotId: chain.lotIds[0], shipmentId: chain.shipmentId, lotSize: 500, quantityInspected: 50, quantityRejected: 5 });
  ncId = failed.nonConformances[0].id;
}, 120_000);
afterAll(async () => stack?.stop());

const DISPOSITION = `mutation($input: DispositionNonConformanceInput!) { dispositionNonConformance(input: $input) { status disposition dispositionedBy rootCause } }`;
const CLOSE_NC = `mutation($id: ID!) { closeNonConformance(id: $id) { status closedAt } }`;
const OPEN_CA = `mutation($input: OpenCorrectiveActionInput!) { openCorrectiveAction(input: $input) { id number status steps { step title } nonConformances { id } } }`;
const STEP = `mutation($input: CompleteCorrectiveActionStepInput!) { completeCorrectiveActionStep(input: $input) { status steps { step text } } }`;
const CLOSE_CA = `mutation($id: ID!) { closeCorrectiveAction(id: $id) { status closedAt } }`;

describe('non-conformance lifecycle', () => {
  it('refuses to close an OPEN non-conformance with CONFLICT naming status', async () => {
    expect(errorOf(await stack.gateway(CLOSE_NC, { id: ncId }))).toMatchObject({ extensions: { code: 'CONFLICT', field: 'status' } });
  });

  it('reviews, dispositions once with who and why, refuses a second disposition, then closes', async () => {
    dataOf(await stack.gateway(`mutation($id: ID!) { reviewNonConformance(id: $id) { status } }`, { id: ncId }));
    const input = { nonConformanceId: ncId, disposition: 'RETURN_TO_VENDOR', rootCause: 'Wrong resin', by: 'qe@brand.example' };
    expect(dataOf(await stack.gateway(DISPOSITION, { input })).dispositionNonConformance).toEqual({
      status: 'DISPOSITIONED', disposition: 'RETURN_TO_VENDOR', dispositionedBy: 'qe@brand.example', rootCause: 'Wrong resin',
    });
    const again = await stack.gateway(DISPOSITION, { input: { ...input, disposition: 'SCRAP' } });
    expect(errorOf(again)).toMatchObject({ extensions: { code: 'CONFLICT', field: 'status' } });
    const { nonConformance } = dataOf(await stack.gateway(`query($id: ID!) { nonConformance(id: $id) { disposition } }`, { id: ncId }));
    expect(nonConformance.disposition).toBe('RETURN_TO_VENDOR');
    expect(dataOf(await stack.gateway(CLOSE_NC, { id: ncId })).closeNonConformance.status).toBe('CLOSED');
  });

  it('refuses a disposition of an unknown non-conformance with NOT_FOUND', async () => {
    const result = await stack.gateway(DISPOSITION, { input: { nonConformanceId: newId(), disposition: 'SCRAP', rootCause: 'x', by: 'y' } });
    expect(errorOf(result)).toMatchObject({ extensions: { code: 'NOT_FOUND', field: 'nonConformanceId' } });
  });
});

describe('corrective action (8D)', () => {
  let actionId: string;
  beforeAll(async () => {
    const { openCorrectiveAction } = await mutate(stack, OPEN_CA, { title: 'Resin mix-up', supplierId: chain.supplierId, nonConformanceIds: [ncId], owner: 'Supplier QE', dueDate: '2020-01-31' });
    actionId = openCorrectiveAction.id;
    expect(openCorrectiveAction).toMatchObject({ number: 'CA-0000001', status: 'OPEN', nonConformances: [{ id: ncId }] });
    expect(openCorrectiveAction.steps.map((s: { title: string }) => s.title)[3]).toBe('Find the root cause');
  });

  it('refuses a step out of order with CONFLICT naming step, and writes nothing', async () => {
    const before = await rowCounts(stack);
    const result = await stack.gateway(STEP, { input: { correctiveActionId: actionId, step: 2, text: 'Problem' } });
    expect(errorOf(result)).toMatchObject({ extensions: { code: 'CONFLICT', field: 'step', expected: 1 } });
    const { correctiveAction } = dataOf(await stack.gateway(`query($id: ID!) { correctiveAction(id: $id) { status steps { completedAt } } }`, { id: actionId }));
    expect(correctiveAction.status).toBe('OPEN');
    expect(correctiveAction.steps.every((s: { completedAt: unknown }) => s.completedAt === null)).toBe(true);
    expect(await rowCounts(stack)).toEqual(before);
  });

  it('refuses to close before D8 and refuses a step number outside 1–8', async () => {
    expect(errorOf(await stack.gateway(CLOSE_CA, { id: actionId }))).toMatchObject({ extensions: { code: 'CONFLICT', field: 'status' } });
    expect(errorOf(await stack.gateway(STEP, { input: { correctiveActionId: actionId, step: 9, text: 'x' } }))).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'step' } });
  });

  it('is overdue while open past its due date', async () => {
    const { correctiveActions } = dataOf(await stack.gateway(`{ correctiveActions(filter: { overdue: true }) { nodes { id overdue } } }`));
    expect(correctiveActions.nodes).toEqual([{ id: actionId, overdue: true }]);
  });

  it('goes IN_PROGRESS at D1, VERIFIED at D6, and CLOSED after D8; then no longer overdue', async () => {
    const statuses: string[] = [];
    for (let step = 1; step <= 8; step++) {
      statuses.push(dataOf(await stack.gateway(STEP, { input: { correctiveActionId: actionId, step, text: `D${step} done` } })).completeCorrectiveActionStep.status);
    }
    expect(statuses).toEqual(['IN_PROGRESS', 'IN_PROGRESS', 'IN_PROGRESS', 'IN_PROGRESS', 'IN_PROGRESS', 'VERIFIED', 'VERIFIED', 'VERIFIED']);
    expect(dataOf(await stack.gateway(CLOSE_CA, { id: actionId })).closeCorrectiveAction.status).toBe('CLOSED');
    const { correctiveActions } = dataOf(await stack.gateway(`{ correctiveActions(filter: { overdue: true }) { totalCount } }`));
    expect(correctiveActions.totalCount).toBe(0);
  });

  it('refuses non-conformances of another supplier', async () => {
    const other = await receivedLots(stack, [10]);
    const result = await stack.gateway(OPEN_CA, { input: { title: 'x', supplierId: other.supplierId, nonConformanceIds: [ncId], owner: 'y', dueDate: '2027-01-01' } });
    expect(errorOf(result)).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'nonConformanceIds[0]' } });
  });
});

describe('recall', () => {
  const INITIATE = `mutation($input: InitiateRecallInput!) { initiateRecall(input: $input) { id number status rootLots { id lotNumber } } }`;

  it('initiates a recall of lots inventory knows, and moves it forward only', async () => {
    const { initiateRecall } = dataOf(await stack.gateway(INITIATE, { input: { reason: 'Contaminated resin', lotIds: [chain.lotIds[1]] } }));
    expect(initiateRecall).toMatchObject({ number: 'RC-0000001', status: 'INITIATED', rootLots: [{ id: chain.lotIds[1], lotNumber: expect.any(String) }] });
    const MOVE = `mutation($input: MoveRecallInput!) { moveRecall(input: $input) { status completedAt } }`;
    expect(errorOf(await stack.gateway(MOVE, { input: { recallId: initiateRecall.id, status: 'COMPLETED' } }))).toMatchObject({ extensions: { code: 'CONFLICT', field: 'status' } });
    expect(dataOf(await stack.gateway(MOVE, { input: { recallId: initiateRecall.id, status: 'IN_PROGRESS' } })).moveRecall.status).toBe('IN_PROGRESS');
  });

  it('refuses a lot inventory does not know, naming it, and writes nothing', async () => {
    const before = await rowCounts(stack);
    const result = await stack.gateway(INITIATE, { input: { reason: 'x', lotIds: [chain.lotIds[0], newId()] } });
    expect(errorOf(result)).toMatchObject({ extensions: { code: 'NOT_FOUND', field: 'lotIds[1]' } });
    expect(await rowCounts(stack)).toEqual(before);
  });
});
