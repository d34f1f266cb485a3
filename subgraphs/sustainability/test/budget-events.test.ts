// Emissions budgets and sustainability's events, read straight from its outbox: a budget crossed by
// recorded activity raises `emissions.budget_exceeded` once, staying over raises nothing new, budgets
// not exceeded (other scopes, other periods, higher limits) raise nothing; `activity.recorded` for each
// activity; and refused input writes no event.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { newId } from '@cmgraph/platform';
import { outboxOf, startStack, type Stack } from '@cmgraph/testkit';
import { addFacility, createFactors, createSupplier, FEB, JAN, mutate, recordActivity, recordEnergy, recordWaste, STACK } from './fixtures';

let stack: Stack;
let supplierId: string;
let facilityId: string;
let otherFacilityId: string;
beforeAll(async () => {
  stack = await startStack(STACK);
  await createFactors(stack);
  supplierId = await createSupplier(stack);
  facilityId = await addFacility(stack, supplierId, 'MX');
  otherFacilityId = await addFacility(stack, supplierId, 'MX');
});
afterAll(async () => stack?.stop());

const outbox = (type: string) => outboxOf(stack, 'sustainability', { types: [type] });

const BUDGET = 'id supplier { id } facility { id } periodStart periodEnd scopes budgetKg actualKg exceededAt';
const setBudget = (input: Record<string, unknown>) => mutate(stack, 'setEmissionsBudget', 'SetEmissionsBudgetInput', input, BUDGET);
/** Natural gas at 2 kgCO2e/m3 (scope 1): `kg` kgCO2e over January. */
const burn = (kg: number, facility = facilityId, period = JAN) =>
  recordActivity(stack, { facilityId: facility, ...period, activityType: 'NATURAL_GAS', quantity: kg / 2, unit: 'm3' });

describe('emissions.budget_exceeded', () => {
  let facilityBudget: any;
  let supplierBudget: any;
  let scope3Budget: any;
  let febBudget: any;
  let roomyBudget: any;

  beforeAll(async () => {
    facilityBudget = await setBudget({ facilityId, ...JAN, budgetKg: 1000 });
    supplierBudget = await setBudget({ supplierId, ...JAN, scopes: [1, 2], budgetKg: 1500 });
    scope3Budget = await setBudget({ facilityId, ...JAN, scopes: [3], budgetKg: 10 });
    febBudget = await setBudget({ facilityId, ...FEB, budgetKg: 1 });
    roomyBudget = await setBudget({ supplierId, facilityId, ...JAN, scopes: [1], budgetKg: 100_000 });
  });

  it('sets budgets for a facility or a supplier, all scopes by default, within their limit while nothing is recorded', () => {
    expect(facilityBudget).toMatchObject({ supplier: { id: supplierId }, facility: { id: facilityId }, scopes: [1, 2, 3], budgetKg: 1000, actualKg: 0, exceededAt: null });
    expect(supplierBudget).toMatchObject({ supplier: { id: supplierId }, facility: null, scopes: [1, 2], budgetKg: 1500 });
  });

  it('raises nothing while the actual stays within the budget', async () => {
    await burn(600);
    await burn(400); // exactly at the limit is not over it
    expect(await outbox('emissions.budget_exceeded')).toEqual([]);
  });

  it('raises once for the budget the write takes over its limit, with budget and actual', async () => {
    await burn(100); // facility 1100 > 1000; supplier 1100 ≤ 1500
    const raised = await outbox('emissions.budget_exceeded');
    expect(raised).toMatchObject([{
      type: 'emissions.budget_exceeded', subjectId: facilityBudget.id, supplierId: supplierId,
      payload: {
        budgetId: facilityBudget.id, supplierId, facilityId, period: { start: JAN.periodStart, end: JAN.periodEnd }, scopes: [1, 2, 3],
        budgetKg: 1000, actualKg: 1100,
      },
    }]);
    const { emissionsBudget } = (await stack.gateway<any>(`query($id: ID!) { emissionsBudget(id: $id) { actualKg exceededAt } }`, { id: facilityBudget.id })).data!;
    expect(emissionsBudget).toEqual({ actualKg: 1100, exceededAt: expect.any(String) });
  });

  it('raises nothing new while the budget stays over, and crosses the supplier budget from another facility once', async () => {
    await burn(50);
    expect(await outbox('emissions.budget_exceeded')).toHaveLength(1);
    await recordEnergy(stack, { facilityId: otherFacilityId, ...JAN, source: 'GRID', quantity: 1000, unit: 'kWh' }); // 400 kg scope 2 → supplier 1550
    await burn(10, otherFacilityId);
    const raised = await outbox('emissions.budget_exceeded');
    expect(raised.map((e) => [e.subjectId, e.payload.actualKg])).toEqual([[facilityBudget.id, 1100], [supplierBudget.id, 1550]]);
  });

  it('raises nothing for budgets not exceeded: other scopes, other periods, a roomy limit', async () => {
    await recordWaste(stack, { facilityId: otherFacilityId, ...JAN, wasteType: 'Offcuts', hazardous: false, quantity: 100, unit: 'kg', treatment: 'RECYCLE' }); // 2 kg scope 3, other facility
    const budgetIds = (await outbox('emissions.budget_exceeded')).map((e) => e.subjectId);
    for (const quiet of [scope3Budget, febBudget, roomyBudget]) expect(budgetIds).not.toContain(quiet.id);
    expect(budgetIds).toHaveLength(2);
  });

  it('re-arms a budget whose limit is raised above the actual, and raises at the next crossing', async () => {
    const raisedLimit = await setBudget({ facilityId, ...JAN, budgetKg: 1200 });
    expect(raisedLimit).toMatchObject({ id: facilityBudget.id, budgetKg: 1200, actualKg: 1150, exceededAt: null });
    await burn(100);
    const again = (await outbox('emissions.budget_exceeded')).filter((e) => e.subjectId === facilityBudget.id);
    expect(again.map((e) => [e.payload.budgetKg, e.payload.actualKg])).toEqual([[1000, 1100], [1200, 1250]]);
  });

  it('raises once when concurrent writes cross a budget together', async () => {
    const shared = await setBudget({ facilityId: otherFacilityId, ...FEB, scopes: [1], budgetKg: 100 });
    await Promise.all([1, 2, 3, 4, 5].map(() => burn(30, otherFacilityId, FEB)));
    const raised = (await outbox('emissions.budget_exceeded')).filter((e) => e.subjectId === shared.id);
    expect(raised).toHaveLength(1);
    expect(raised[0]!.payload.actualKg).toBeGreaterThan(100);
  });

  it('raises at once when a budget is set below what was already recorded, and not again when lowered further', async () => {
    const tight = await setBudget({ facilityId: otherFacilityId, ...JAN, scopes: [2], budgetKg: 300 });
    expect(tight.exceededAt).not.toBeNull();
    await setBudget({ facilityId: otherFacilityId, ...JAN, scopes: [2], budgetKg: 200 });
    expect((await outbox('emissions.budget_exceeded')).filter((e) => e.subjectId === tight.id).map((e) => e.payload.actualKg)).toEqual([400]);
  });
});

describe('activity.recorded and refused input', () => {
  it('writes activity.recorded with a small payload for each activity', async () => {
    const record = await recordActivity(stack, { facilityId, ...FEB, activityType: 'PURCHASED_STEEL', quantity: 2, unit: 't' });
    const [event] = (await outbox('activity.recorded')).filter((e) => e.subjectId === record.id);
    // the whole payload, exactly: it is meant to stay small
    expect({ type: event!.type, subjectId: event!.subjectId, supplierId: event!.supplierId, payload: event!.payload }).toEqual({
      type: 'activity.recorded', subjectId: record.id, supplierId: supplierId,
      payload: {
        activityRecordId: record.id, facilityId, supplierId, activityType: 'PURCHASED_STEEL', periodStart: FEB.periodStart, periodEnd: FEB.periodEnd,
        scope: 3, scope3Category: 1, kgCo2e: 3000,
      },
    });
  });

  it('refuses a budget without an owner, of an unknown facility, with a bad scope or an empty period, writing nothing', async () => {
    const count = async () => Number((await stack.subgraphs.sustainability!.server.orm.em.fork().execute<{ n: number }[]>(
      'select (select count(*) from emissions_budget) + (select count(*) from outbox_event) as n'))[0]!.n);
    const before = await count();
    const refused = async (input: Record<string, unknown>) =>
      (await stack.gateway(`mutation($input: SetEmissionsBudgetInput!) { setEmissionsBudget(input: $input) { id } }`, { input: { ...JAN, budgetKg: 10, ...input } })).errors?.[0];
    expect(await refused({})).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'supplierId' } });
    expect(await refused({ facilityId: newId() })).toMatchObject({ extensions: { code: 'NOT_FOUND', field: 'facilityId' } });
    expect(await refused({ facilityId, supplierId: await createSupplier(stack) })).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'facilityId' } });
    expect(await refused({ facilityId, scopes: [4] })).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'scopes' } });
    expect(await refused({ facilityId, periodEnd: JAN.periodStart })).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'periodEnd' } });
    expect(await refused({ facilityId, budgetKg: -1 })).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'budgetKg' } });
    const activity = await stack.gateway(`mutation($input: RecordActivityInput!) { recordActivity(input: $input) { id } }`, {
      input: { facilityId, ...JAN, activityType: 'NATURAL_GAS', quantity: 10_000, unit: 'kg' },
    });
    expect(activity.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'unit' } });
    expect(await count()).toBe(before);
  });
});
