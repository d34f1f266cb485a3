// recordInspection through the gateway: the computed result, the non-conformance a failure opens in the
// same transaction, inspections at a work order (production stubbed), and refused input that writes nothing.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { newId as v7 } from '@cmgraph/platform';
import { dataOf, startStack, type Stack } from '@cmgraph/testkit';
import {
  CREATE_PLAN, GOOD_READINGS, RECORD, createProduct, errorOf, incomingPlan, inspect, mutate, receivedLots, registeredLot, rowCounts,
  startProductionStub, type ProductionStub, type ReceivedLots,
} from './fixtures';

let stack: Stack;
let production: ProductionStub;
let chain: ReceivedLots;
let planId: string;
beforeAll(async () => {
  production = await startProductionStub();
  stack = await startStack(['suppliers', 'inventory', 'orders', 'quality'], { peers: { production: production.url } });
  chain = await receivedLots(stack, [500, 500, 500, 500]);
  planId = await incomingPlan(stack, chain.productId);
}, 120_000);
afterAll(async () => {
  await stack?.stop();
  await production?.close();
});

const base = () => ({ planId, shipmentId: chain.shipmentId, lotSize: 500, quantityInspected: 50, quantityRejected: 0 });

describe('recordInspection', () => {
  it('passes a lot whose readings are within limits, converting readings stated in other units exactly', async () => {
    const result = await inspect(stack, {
      ...base(), lotId: chain.lotIds[0],
      readings: [{ characteristic: 'Outer diameter', value: 1.01, unit: 'CM' }, { characteristic: 'Weight', value: 0.055, unit: 'KG' }],
    });
    expect(result).toMatchObject({ result: 'PASS', firstPass: true, sampleSize: 50, acceptanceNumber: 1, nonConformances: [] });
    const { inspection } = dataOf(await stack.gateway(`query($id: ID!) { inspection(id: $id) {
      supplier { id } lot { id lotNumber } shipment { id number } readings { value unit valueInCharacteristicUnit withinLimits characteristic { name unit } }
    } }`, { id: result.id }));
    expect(inspection.supplier).toEqual({ id: chain.supplierId });
    expect(inspection.shipment.id).toBe(chain.shipmentId);
    expect(inspection.lot.lotNumber).toMatch(/-1$/);
    expect(inspection.readings).toEqual([
      { value: 1.01, unit: 'CM', valueInCharacteristicUnit: 10.1, withinLimits: true, characteristic: { name: 'Outer diameter', unit: 'MM' } },
      { value: 0.055, unit: 'KG', valueInCharacteristicUnit: 55, withinLimits: true, characteristic: { name: 'Weight', unit: 'G' } },
    ]);
  });

  it('fails a lot with a reading out of limits and opens a non-conformance for the rejected quantity in the same transaction', async () => {
    const before = await rowCounts(stack);
    const result = await inspect(stack, {
      ...base(), lotId: chain.lotIds[1], quantityRejected: 4, severity: 'CRITICAL',
      readings: [{ characteristic: 'Outer diameter', value: 10.3, unit: 'MM' }, ...GOOD_READINGS.slice(1)],
    });
    expect(result).toMatchObject({ result: 'FAIL', firstPass: true });
    expect(result.nonConformances).toEqual([{ id: expect.any(String), number: expect.stringMatching(/^NC-\d{7}$/), quantity: 4, status: 'OPEN', severity: 'CRITICAL' }]);
    const after = await rowCounts(stack);
    expect(after).toMatchObject({ inspection: before.inspection! + 1, inspection_reading: before.inspection_reading! + 2, non_conformance: before.non_conformance! + 1 });
  });

  it('fails a lot whose sample holds more defectives than the acceptance number, even with good readings', async () => {
    expect(await inspect(stack, { ...base(), lotId: chain.lotIds[2], quantityRejected: 2 })).toMatchObject({ result: 'FAIL', acceptanceNumber: 1 });
  });

  it('marks a re-inspection of the same lot and plan as not first-pass', async () => {
    expect(await inspect(stack, { ...base(), lotId: chain.lotIds[2] })).toMatchObject({ result: 'PASS', firstPass: false, nonConformances: [] });
  });

  it('inspects a lot at a work order of production, refusing a work order production does not know', async () => {
    const finished = await createProduct(stack, 'FG-100');
    const lotId = await registeredLot(stack, finished, chain.supplierId);
    const { createInspectionPlan: plan } = await mutate(stack, CREATE_PLAN, {
      productId: finished, name: 'Final check', trigger: 'FINAL', samplingMethod: 'PERCENT', samplePercent: 10,
      characteristics: [{ name: 'Output voltage', nominal: 5, lowerLimit: 4.75, upperLimit: 5.25, unit: 'V' }],
    });
    const workOrderId = v7();
    production.known.add(workOrderId);
    const input = { planId: plan.id, lotId, workOrderId, lotSize: 120, quantityInspected: 12, quantityRejected: 0, readings: [{ characteristic: 'Output voltage', value: 5010, unit: 'MV' }] };
    const recorded = dataOf(await stack.gateway(`mutation($input: RecordInspectionInput!) { recordInspection(input: $input) {
      result sampleSize trigger workOrder { id } supplier { id } } }`, { input }));
    expect(recorded.recordInspection).toEqual({ result: 'PASS', sampleSize: 12, trigger: 'FINAL', workOrder: { id: workOrderId }, supplier: { id: chain.supplierId } });
    const unknown = await stack.gateway(RECORD, { input: { ...input, workOrderId: v7() } });
    expect(errorOf(unknown)).toMatchObject({ extensions: { code: 'NOT_FOUND', field: 'workOrderId' } });
  });
});

describe('recordInspection refuses bad input and writes nothing', () => {
  const cases: [string, () => Record<string, unknown>, string, string][] = [
    ['a reading in a unit of another dimension', () => ({ readings: [{ characteristic: 'Outer diameter', value: 10, unit: 'G' }, GOOD_READINGS[1]] }), 'BAD_USER_INPUT', 'readings[0].unit'],
    ['a reading in an unknown unit', () => ({ readings: [GOOD_READINGS[0], { characteristic: 'Weight', value: 1, unit: 'STONE' }] }), 'BAD_USER_INPUT', 'readings[1].unit'],
    ['a characteristic the plan does not have', () => ({ readings: [...GOOD_READINGS, { characteristic: 'Colour', value: 1, unit: 'MM' }] }), 'BAD_USER_INPUT', 'readings[2].characteristic'],
    ['a characteristic without a reading', () => ({ readings: GOOD_READINGS.slice(0, 1) }), 'BAD_USER_INPUT', 'readings'],
    ['a failing reading with no unit rejected', () => ({ readings: [{ characteristic: 'Outer diameter', value: 11, unit: 'MM' }, GOOD_READINGS[1]] }), 'BAD_USER_INPUT', 'quantityRejected'],
    ['a sample smaller than the plan requires', () => ({ quantityInspected: 49 }), 'BAD_USER_INPUT', 'quantityInspected'],
    ['more rejected than inspected', () => ({ quantityRejected: 51 }), 'BAD_USER_INPUT', 'quantityRejected'],
    ['both a shipment and a receipt', () => ({ receiptId: chain.receiptId }), 'BAD_USER_INPUT', 'receiptId'],
    ['a work order for an incoming plan', () => ({ shipmentId: null, workOrderId: v7() }), 'BAD_USER_INPUT', 'workOrderId'],
    ['a lot of another product', () => ({ lotId: 'other-product' }), 'BAD_USER_INPUT', 'lotId'],
    ['a lot inventory does not know', () => ({ lotId: v7() }), 'NOT_FOUND', 'lotId'],
    ['a malformed plan id', () => ({ planId: 'nope' }), 'BAD_USER_INPUT', 'planId'],
    ['an unknown defect code', () => ({ quantityRejected: 3, defectCode: 'NOPE' }), 'NOT_FOUND', 'defectCode'],
    ['a lot size below one', () => ({ lotSize: 0 }), 'BAD_USER_INPUT', 'lotSize'],
  ];

  it.each(cases)('refuses %s, naming the field', async (_name, overrides, code, field) => {
    let input: Record<string, unknown> = { ...base(), lotId: chain.lotIds[3], readings: GOOD_READINGS, ...overrides() };
    if (input.lotId === 'other-product') input = { ...input, lotId: await registeredLot(stack, await createProduct(stack, `X-${randomUUID().slice(0, 8)}`), chain.supplierId) };
    const before = await rowCounts(stack);
    expect(errorOf(await stack.gateway(RECORD, { input }))).toMatchObject({ extensions: { code, field } });
    expect(await rowCounts(stack)).toEqual(before);
  });
});
