// DataLoaders and batched KPI statements at work: the same federated query costs this subgraph the same
// number of SQL statements over 5 rows as over 50 — records with their factors, facilities with their
// energy, waste, water and emissions, suppliers with their intensity and renewable share.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startStack, type Stack } from '@cmgraph/testkit';
import { addFacility, createFactors, createSupplier, JAN, ok, recordActivity, recordEnergy, recordOutput, STACK } from './fixtures';

let stack: Stack;
const suppliers: Record<number, string> = {};
beforeAll(async () => {
  stack = await startStack(STACK);
  await createFactors(stack);
  // One supplier with 5 facilities, one with 50; each facility has one activity, energy and output record.
  for (const size of [5, 50]) {
    suppliers[size] = await createSupplier(stack);
    for (let i = 0; i < size; i++) {
      const facilityId = await addFacility(stack, suppliers[size]!, i % 2 ? 'MX' : 'VN');
      await recordActivity(stack, { facilityId, ...JAN, activityType: 'NATURAL_GAS', quantity: 10 + i, unit: 'm3' });
      await recordEnergy(stack, { facilityId, ...JAN, source: 'GRID', quantity: 1 + i, unit: 'MWh' });
      await recordOutput(stack, { facilityId, ...JAN, goodUnits: 100 });
    }
  }
}, 180_000);
afterAll(async () => stack?.stop());

async function sustainabilityStatements(query: string, variables: Record<string, unknown>): Promise<number> {
  stack.resetStatementCounts();
  ok(await stack.gateway(query, variables));
  return stack.subgraphs.sustainability!.statements;
}

const WINDOW = { from: '2026-01-01', to: '2026-02-01' };

describe('SQL statements per federated query', () => {
  it('does not grow with the number of activity records and their facilities and suppliers', async () => {
    const query = `query($supplierId: ID!, $from: LocalDate!, $to: LocalDate!) {
      activityRecords(first: 100, filter: { supplierId: $supplierId }) { totalCount nodes {
        kgCo2e factor { source unit }
        facility { name energy(from: $from, to: $to) { totalKwh } waste(from: $from, to: $to) { totalKg }
                   water(from: $from, to: $to) { recycledShare } emissions(from: $from, to: $to) { scope1 } }
        supplier { code co2ePerUnit(from: $from, to: $to) renewableShare(from: $from, to: $to) }
      } } }`;
    const five = await sustainabilityStatements(query, { supplierId: suppliers[5], ...WINDOW });
    const fifty = await sustainabilityStatements(query, { supplierId: suppliers[50], ...WINDOW });
    expect(fifty).toBe(five);
    // page, count, factors, and one statement per KPI family (energy, waste, water, emissions)
    expect(five).toBeLessThanOrEqual(7);
  });

  it('resolves any number of facility references with their KPIs in one statement per KPI family', async () => {
    const query = `query($supplierId: ID!, $from: LocalDate!, $to: LocalDate!) { supplier(id: $supplierId) { facilities {
      energy(from: $from, to: $to) { renewableShare } water(from: $from, to: $to) { closedLoop } emissions(from: $from, to: $to) { totalKgCO2e }
    } } }`;
    const five = await sustainabilityStatements(query, { supplierId: suppliers[5], ...WINDOW });
    const fifty = await sustainabilityStatements(query, { supplierId: suppliers[50], ...WINDOW });
    expect([five, fifty]).toEqual([3, 3]);
  });
});
