// Every refused write answers with its code and the offending field, and writes nothing: row counts of
// every table are compared before and after each attempt.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startStack, type Stack } from '@cmgraph/testkit';
import { addFacility, createFactors, createSupplier, JAN, recordEnergy, rowCounts, STACK } from './fixtures';

let stack: Stack;
let facilityId: string;
beforeAll(async () => {
  stack = await startStack(STACK);
  await createFactors(stack);
  facilityId = await addFacility(stack, await createSupplier(stack), 'MX');
});
afterAll(async () => stack?.stop());

async function refused(name: string, inputType: string, input: Record<string, unknown>) {
  const before = await rowCounts(stack);
  const result = await stack.gateway(`mutation($input: ${inputType}!) { ${name}(input: $input) { id } }`, { input });
  expect(result.errors).toBeDefined();
  expect(await rowCounts(stack)).toEqual(before);
  return result.errors![0]!;
}

const activity = (overrides: Record<string, unknown>) =>
  refused('recordActivity', 'RecordActivityInput', { facilityId, ...JAN, activityType: 'NATURAL_GAS', quantity: 10, unit: 'm3', ...overrides });

describe('refused activity records', () => {
  it('refuses an activity without a factor for the country, GLOBAL or the year, naming activityType', async () => {
    expect(await activity({ activityType: 'LPG', unit: 'L' })).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'activityType' } });
    expect(await activity({ periodStart: '2025-01-01', periodEnd: '2025-02-01' })).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'activityType' } });
  });

  it("refuses a unit of another dimension than the factor's (kg of natural gas per m3), naming unit", async () => {
    expect(await activity({ unit: 'kg' })).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'unit' } });
  });

  it('refuses an unknown unit, naming unit', async () => {
    expect(await activity({ unit: 'therm' })).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'unit' } });
  });

  it('refuses a period that ends before it starts, naming periodEnd', async () => {
    expect(await activity({ periodStart: '2026-02-01', periodEnd: '2026-01-01' })).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'periodEnd' } });
  });

  it('refuses a negative quantity, naming quantity', async () => {
    expect(await activity({ quantity: -1 })).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'quantity' } });
  });

  it('refuses a facility suppliers does not know with NOT_FOUND naming facilityId', async () => {
    expect(await activity({ facilityId: '01900000-0000-7000-8000-000000000000' })).toMatchObject({
      extensions: { code: 'NOT_FOUND', field: 'facilityId', type: 'Facility' },
    });
  });
});

describe('refused energy, waste and water records', () => {
  it('refuses energy in kg, naming unit', async () => {
    expect(await refused('recordEnergy', 'RecordEnergyInput', { facilityId, ...JAN, source: 'GRID', quantity: 5, unit: 'kg' })).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'unit' },
    });
  });

  it('refuses certificates on grid electricity, naming certificates', async () => {
    expect(await refused('recordEnergy', 'RecordEnergyInput', { facilityId, ...JAN, source: 'GRID', quantity: 5, unit: 'kWh', certificates: true })).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'certificates' },
    });
  });

  it('refuses waste whose treatment has no factor, naming treatment', async () => {
    const input = { facilityId, ...JAN, wasteType: 'pallets', hazardous: false, quantity: 5, unit: 'kg', treatment: 'REUSE' };
    expect(await refused('recordWaste', 'RecordWasteInput', input)).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'treatment' } });
  });

  it('refuses more discharge than withdrawal, naming discharge', async () => {
    const input = { facilityId, ...JAN, withdrawal: 10, discharge: 11 };
    expect(await refused('recordWater', 'RecordWaterInput', input)).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'discharge' } });
  });

  it('falls back to the GLOBAL grid factor where the country has none, and keeps the factor on the record', async () => {
    const vietnam = await addFacility(stack, await createSupplier(stack, 'VN'), 'VN');
    const record = await recordEnergy(stack, { facilityId: vietnam, ...JAN, source: 'GRID', quantity: 1, unit: 'MWh' });
    expect(record).toMatchObject({ kwh: 1000, scope2LocationBasedKg: 500, gridFactor: { region: 'GLOBAL' } });
  });
});

describe('refused emission factors', () => {
  const factor = { source: 'DEFRA 2025', activityType: 'NATURAL_GAS', region: 'GLOBAL', year: 2026, kgCo2ePerUnit: 2, unit: 'm3', scope: 1 };

  it('refuses a second factor for the same activity, region and year with CONFLICT', async () => {
    expect(await refused('createEmissionFactor', 'CreateEmissionFactorInput', factor)).toMatchObject({ extensions: { code: 'CONFLICT', field: 'activityType' } });
  });

  it('refuses an unknown unit and a scope 3 factor without category', async () => {
    expect(await refused('createEmissionFactor', 'CreateEmissionFactorInput', { ...factor, year: 2030, unit: 'scf' })).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'unit' },
    });
    expect(await refused('createEmissionFactor', 'CreateEmissionFactorInput', { ...factor, year: 2030, scope: 3 })).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'scope3Category' },
    });
  });
});
