// Single-source risk through the gateway: products with exactly one active source (assignments to
// suppliers that are not BLOCKED), the source's risk tier, its certification standing today and its
// certificates expiring within 60 days; filters, paging while rows appear, who may read it, statements.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { addDays, newId, today } from '@cmgraph/platform';
import { dataOf } from '@cmgraph/testkit';
import { startScorecardStack, type ScorecardStack } from './support/scorecard-stack';

let stack: ScorecardStack;
const S: Record<string, string> = {};
const P: string[] = [];
const T = today();

async function createSupplier(code: string, riskTier: string): Promise<string> {
  return dataOf(await stack.gateway(`mutation { createSupplier(input: { code: "${code}", name: "S ${code}", type: CM, country: "DE", riskTier: ${riskTier} }) { id } }`)).createSupplier.id;
}
async function assign(productId: string, supplierId: string, role: 'PRIMARY' | 'SECONDARY', sharePercent: number): Promise<void> {
  dataOf(await stack.gateway(`mutation($input: AssignSourcingInput!) { assignSourcing(input: $input) { id } }`, { input: { productId, supplierId, role, sharePercent } }));
}
async function certify(supplierId: string, number: string, validFrom: string, validUntil: string): Promise<void> {
  dataOf(await stack.gateway(`mutation($input: AddCertificationInput!) { addCertification(input: $input) { id } }`, {
    input: { supplierId, standard: 'ISO_9001', number, issuer: 'BSI', validFrom, validUntil },
  }));
}

beforeAll(async () => {
  stack = await startScorecardStack();
  S.one = await createSupplier('CM-S1', 'LOW');
  S.two = await createSupplier('CM-S2', 'HIGH');
  S.blocked = await createSupplier('CM-S3', 'MEDIUM');
  for (let i = 0; i < 5; i++) P.push(newId()); // in id order
  await assign(P[0]!, S.one, 'PRIMARY', 100); // P0: S1 alone → a row
  await assign(P[1]!, S.one, 'PRIMARY', 60); // P1: S1 and S2 → dual, no row
  await assign(P[1]!, S.two, 'SECONDARY', 40);
  await assign(P[2]!, S.two, 'PRIMARY', 70); // P2: S2 and the blocked S3 → S2 is the only active source, a row
  await assign(P[2]!, S.blocked, 'SECONDARY', 30);
  await assign(P[3]!, S.blocked, 'PRIMARY', 100); // P3: only the blocked S3 → no active source, no row
  await assign(P[4]!, S.two, 'PRIMARY', 100); // P4: S2 alone → a row
  dataOf(await stack.gateway(`mutation($id: ID!) { setSupplierStatus(input: { supplierId: $id, status: BLOCKED }) { status } }`, { id: S.blocked }));
  await certify(S.one, 'S1-10', addDays(T, -100), addDays(T, 10)); // expiring: listed
  await certify(S.one, 'S1-400', addDays(T, -10), addDays(T, 400)); // keeps S1 VALID, not expiring
  await certify(S.one, 'S1-lapsed', addDays(T, -400), addDays(T, -1)); // expired yesterday: not listed
  await certify(S.one, 'S1-60', addDays(T, -5), addDays(T, 60)); // last day today + 60: listed
  await certify(S.one, 'S1-61', addDays(T, -5), addDays(T, 61)); // today + 61: not listed
  await certify(S.one, 'S1-future', addDays(T, 5), addDays(T, 30)); // not in force yet: not listed
  await certify(S.two, 'S2-20', addDays(T, -300), addDays(T, 20)); // S2's only certificate ends within 30 days: EXPIRING
});
afterAll(async () => stack?.stop());

const ROW = 'key product { id } supplier { code } riskTier certificationStatus expiringCertifications { number validUntil }';
const risk = (variables: Record<string, unknown> = {}, client = stack.gateway) =>
  client(`query($f: SingleSourceRiskFilter, $first: Int, $after: String) { singleSourceRisk(filter: $f, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } nodes { ${ROW} } } }`, variables);

describe('singleSourceRisk', () => {
  it('lists the products with exactly one active source, in product order, with the source\'s tier, standing and expiring certificates', async () => {
    const { singleSourceRisk } = dataOf(await risk());
    expect(singleSourceRisk.totalCount).toBe(3);
    const s1 = { code: 'CM-S1' };
    const s2 = { code: 'CM-S2' };
    const s2Expiring = [{ number: 'S2-20', validUntil: addDays(T, 20) }];
    expect(singleSourceRisk.nodes).toEqual([
      { key: P[0], product: { id: P[0] }, supplier: s1, riskTier: 'LOW', certificationStatus: 'VALID',
        expiringCertifications: [{ number: 'S1-10', validUntil: addDays(T, 10) }, { number: 'S1-60', validUntil: addDays(T, 60) }] },
      { key: P[2], product: { id: P[2] }, supplier: s2, riskTier: 'HIGH', certificationStatus: 'EXPIRING', expiringCertifications: s2Expiring },
      { key: P[4], product: { id: P[4] }, supplier: s2, riskTier: 'HIGH', certificationStatus: 'EXPIRING', expiringCertifications: s2Expiring },
    ]);
  });

  it('filters by the source\'s supplier and risk tier', async () => {
    const keys = async (f: Record<string, unknown>) => {
      const { singleSourceRisk } = dataOf(await risk({ f }));
      return [singleSourceRisk.totalCount, singleSourceRisk.nodes.map((n: { key: string }) => n.key)];
    };
    expect(await keys({ supplierIds: [S.one] })).toEqual([1, [P[0]]]);
    expect(await keys({ riskTiers: ['HIGH'] })).toEqual([2, [P[2], P[4]]]);
    expect(await keys({ riskTiers: ['LOW', 'HIGH'], supplierIds: [S.two] })).toEqual([2, [P[2], P[4]]]);
    expect(await keys({ riskTiers: ['CRITICAL'] })).toEqual([0, []]);
    expect(await keys({ supplierIds: [S.blocked] })).toEqual([0, []]);
    const malformed = await risk({ f: { supplierIds: ['x'] } });
    expect(malformed.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'filter.supplierIds' } });
  });

  it('pages with first: 2, every row exactly once, rows appearing meanwhile shifting nothing', async () => {
    const first = dataOf(await risk({ first: 2 })).singleSourceRisk;
    expect(first.nodes.map((n: { key: string }) => n.key)).toEqual([P[0], P[2]]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    // meanwhile: a product sorting before the cursor and one after every row become single-sourced
    const before = '00000000-0000-7000-8000-000000000001';
    const later = newId();
    await assign(before, S.one, 'PRIMARY', 100);
    await assign(later, S.two, 'PRIMARY', 100);
    const second = dataOf(await risk({ first: 2, after: first.pageInfo.endCursor })).singleSourceRisk;
    expect(second.nodes.map((n: { key: string }) => n.key)).toEqual([P[4], later]);
    expect(second.totalCount).toBe(5);
    const third = dataOf(await risk({ first: 2, after: second.pageInfo.endCursor })).singleSourceRisk;
    expect(third).toMatchObject({ nodes: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 5 });
  });
});

describe('who reads single-source risk', () => {
  it('is the brand\'s view: a PARTNER gets FORBIDDEN (it would tell who else makes a product), an ANALYST reads it', async () => {
    const partner = await risk({}, stack.suppliers({ caller: { roles: ['PARTNER'], supplierId: S.one } }));
    expect(partner.data).toBeNull();
    expect(partner.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    const analyst = dataOf(await risk({}, stack.as({ roles: ['ANALYST'] })));
    expect(analyst.singleSourceRisk.totalCount).toBeGreaterThanOrEqual(3);
  });

  it('costs the same statements for a page of one row as for a page of all', async () => {
    const cost = async (first: number) => {
      stack.resetCounts();
      const { singleSourceRisk } = dataOf(await risk({ first }));
      expect(singleSourceRisk.nodes).toHaveLength(first);
      return stack.statements();
    };
    // the page with its total (one statement), the suppliers, their standings, their expiring certificates
    expect(await cost(1)).toBe(4);
    expect(await cost(5)).toBe(4);
  });
});
