// Supplier scorecards through the real gateway, with the contributors' figures set by hand (stand-ins of
// orders, quality and sustainability declared exactly as the contract): scores, bands, re-normalisation,
// periods not scored, certification standing at the period end, paging, partners and statement counts.
// Period 2026-Q3: from 2026-07-01, to 2026-10-01 (exclusive) — standings are as of 2026-10-01.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { newId } from '@cmgraph/platform';
import { dataOf, type GraphqlResponse } from '@cmgraph/testkit';
import { Supplier } from '../src/supplier/supplier.entity';
import { SupplierType } from '../src/supplier/supplier.enums';
import { startScorecardStack, type ScorecardStack } from './support/scorecard-stack';

let stack: ScorecardStack;
const ids: Record<string, string> = {};
const Q3 = '2026-Q3';

async function createSupplier(code: string, type: 'CM' | 'COMPONENT' | 'LOGISTICS'): Promise<string> {
  const created = dataOf(await stack.gateway(`mutation { createSupplier(input: { code: "${code}", name: "S ${code}", type: ${type}, country: "DE" }) { id } }`));
  return created.createSupplier.id as string;
}
async function addCertification(supplierId: string, validFrom: string, validUntil: string): Promise<void> {
  dataOf(await stack.gateway(`mutation($input: AddCertificationInput!) { addCertification(input: $input) { id } }`, {
    input: { supplierId, standard: 'ISO_9001', number: `C-${newId()}`, issuer: 'DNV', validFrom, validUntil },
  }));
}
const codes = (response: GraphqlResponse<unknown>) => (response.errors ?? []).map((e) => e.extensions?.code);

beforeAll(async () => {
  stack = await startScorecardStack();
  for (const [code, type] of [['CM-A', 'CM'], ['CM-B', 'CM'], ['CM-C', 'COMPONENT'], ['CM-D', 'COMPONENT'], ['CM-E', 'LOGISTICS']] as const) {
    ids[code] = await createSupplier(code, type);
  }
  await addCertification(ids['CM-A']!, '2025-01-01', '2027-12-31'); // in force on 2026-10-01 and long after: VALID
  await addCertification(ids['CM-B']!, '2023-10-01', '2026-10-31'); // last day 2026-10-01 + 30: EXPIRING
  await addCertification(ids['CM-B']!, '2021-01-01', '2024-01-01'); // an old lapsed one changes nothing (the best counts)
  await addCertification(ids['CM-C']!, '2023-10-01', '2026-09-30'); // last day = the period's last day: EXPIRED on `to`
  // CM-D holds none: NONE
  await addCertification(ids['CM-E']!, '2026-10-01', '2029-09-30'); // starts on `to`: VALID for Q3, NONE for 2026-08
  const set = (code: string, figures: Record<string, number | null>) => stack.figures.set(`${ids[code]}|${Q3}`, figures);
  set('CM-A', { otif: 0.9, fillRate: 0.95, ppm: 500, firstPassYield: 0.98, renewableShare: 0.4, linesDue: 10, inspections: 4 });
  set('CM-B', { otif: 0.8, fillRate: 0.9, ppm: 1_000, firstPassYield: 0.95, renewableShare: null, linesDue: 5, inspections: 2 });
  set('CM-C', { renewableShare: 0.5, linesDue: 0, inspections: 0 }); // energy but no transaction
  set('CM-D', { otif: 0.5, fillRate: 0.6, ppm: 12_000, firstPassYield: 0.7, renewableShare: 0, linesDue: 3, inspections: 1 });
  // CM-E: no figures at all (the contributors answer null / 0)
});
afterAll(async () => stack?.stop());

const CARD = `supplierId period from to supplier { code } certificationStatus otif linesDue inspections
  score { total band components { name value score weight } }`;

describe('supplierScorecards', () => {
  it('lists one scorecard per supplier in code order, scored by hand-computed weights, bands and standings', async () => {
    const { supplierScorecards } = dataOf(await stack.gateway(`query($p: String!) { supplierScorecards(period: $p) { totalCount nodes { ${CARD} } } }`, { p: Q3 }));
    expect(supplierScorecards.totalCount).toBe(5);
    const nodes = supplierScorecards.nodes as { supplierId: string; supplier: { code: string }; score: { total: number; band: string; components: { name: string; weight: number }[] } | null }[];
    expect(nodes.map((n) => n.supplier.code)).toEqual(['CM-A', 'CM-B', 'CM-C', 'CM-D', 'CM-E']);
    expect(nodes.map((n) => n.supplierId)).toEqual(['CM-A', 'CM-B', 'CM-C', 'CM-D', 'CM-E'].map((c) => ids[c]));
    expect(nodes[0]).toMatchObject({ period: '2026-Q3', from: '2026-07-01', to: '2026-10-01', otif: 0.9, linesDue: 10, inspections: 4 });
    const summary = nodes.map((n) => [n.supplier.code, (n as unknown as { certificationStatus: string }).certificationStatus, n.score?.total ?? null, n.score?.band ?? null]);
    expect(summary).toEqual([
      // 90×30 + 95×15 + (100 − 5)×20 + 98×10 + 40×10 + 100×15 = 8905 → 89.05 → 89.1
      ['CM-A', 'VALID', 89.1, 'PREFERRED'],
      // no renewable figure: otif 30, fillRate 15, ppm 20, FPY 10, certification 15 weigh 90;
      // 80×30 + 90×15 + (100 − 10)×20 + 95×10 + 50×15 = 2400 + 1350 + 1800 + 950 + 750 = 7250 → 7250 ÷ 90 = 80.56 → 80.6
      ['CM-B', 'EXPIRING', 80.6, 'APPROVED'],
      ['CM-C', 'EXPIRED', null, null], // no line due, no inspection: not scored
      // 50×30 + 60×15 + 0×20 (12,000 ppm) + 70×10 + 0×10 + 0×15 (NONE) = 3100 → 31.0
      ['CM-D', 'NONE', 31, 'AT_RISK'],
      ['CM-E', 'VALID', null, null],
    ]);
    const weightsB = Object.fromEntries(nodes[1]!.score!.components.map((c) => [c.name, c.weight]));
    expect(weightsB).toEqual({
      otif: expect.closeTo(33.3333, 3), fillRate: expect.closeTo(16.6667, 3), ppm: expect.closeTo(22.2222, 3),
      firstPassYield: expect.closeTo(11.1111, 3), renewableShare: 0, certification: expect.closeTo(16.6667, 3),
    });
    expect(nodes[1]!.score!.components.find((c) => c.name === 'renewableShare')).toEqual({ name: 'renewableShare', value: null, score: null, weight: 0 });
  });

  it('filters by supplier ids and types', async () => {
    const query = `query($f: SupplierScorecardFilter) { supplierScorecards(period: "2026-Q3", filter: $f) { totalCount nodes { supplier { code } } } }`;
    const byType = dataOf(await stack.gateway(query, { f: { types: ['COMPONENT'] } }));
    expect(byType.supplierScorecards.nodes.map((n: { supplier: { code: string } }) => n.supplier.code)).toEqual(['CM-C', 'CM-D']);
    const byId = dataOf(await stack.gateway(query, { f: { supplierIds: [ids['CM-E'], ids['CM-A']] } }));
    expect(byId.supplierScorecards).toEqual({ totalCount: 2, nodes: [{ supplier: { code: 'CM-A' } }, { supplier: { code: 'CM-E' } }] });
    const malformed = await stack.gateway(query, { f: { supplierIds: ['42'] } });
    expect(malformed.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'filter.supplierIds' } });
  });

  it('weighs with custom weights, and refuses weights not summing to 100 or outside 0..100 (BAD_USER_INPUT, field weights)', async () => {
    const query = `query($w: ScorecardWeightsInput) { supplierScorecards(period: "2026-Q3", first: 2) { nodes { score(weights: $w) { total band } } } }`;
    const half = { otif: 50, fillRate: 0, ppm: 0, firstPassYield: 0, renewableShare: 0, certification: 50 };
    // A: (90 + 100) ÷ 2 = 95.0; B: (80 + 50) ÷ 2 = 65.0
    expect(dataOf(await stack.gateway(query, { w: half })).supplierScorecards.nodes).toEqual([
      { score: { total: 95, band: 'PREFERRED' } },
      { score: { total: 65, band: 'CONDITIONAL' } },
    ]);
    for (const w of [{ ...half, otif: 49 }, { ...half, otif: 101, certification: -1 }]) {
      const refused = await stack.gateway(query, { w });
      expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'weights' } });
    }
  });

  it('pages with first: 2, every supplier exactly once, suppliers added meanwhile shifting nothing', async () => {
    const query = `query($after: String) { supplierScorecards(period: "2026-Q3", first: 2, after: $after) { pageInfo { hasNextPage endCursor } nodes { supplier { code } } } }`;
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const { supplierScorecards }: { supplierScorecards: { pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: { supplier: { code: string } }[] } } =
        dataOf(await stack.gateway(query, { after }));
      seen.push(...supplierScorecards.nodes.map((n) => n.supplier.code));
      if (page === 0) {
        await createSupplier('CM-AA', 'CM'); // sorts before the cursor (CM-B): not on a later page
        await createSupplier('CM-Z', 'CM'); // sorts after every pre-existing one: on the last page
      }
      if (!supplierScorecards.pageInfo.hasNextPage) break;
      after = supplierScorecards.pageInfo.endCursor;
    }
    expect(seen).toEqual(['CM-A', 'CM-B', 'CM-C', 'CM-D', 'CM-E', 'CM-Z']);
    const bad = await stack.gateway(query, { after: 'not-a-cursor' });
    expect(bad.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'after' } });
  });
});

describe('Supplier.scorecard and the scorecard reference', () => {
  it('gives a supplier\'s scorecard for a month, a quarter or a year, with the standing as of each period\'s end', async () => {
    const { supplier } = dataOf(await stack.gateway(`query($id: ID!) { supplier(id: $id) {
      q3: scorecard(period: "2026-Q3") { period from to certificationStatus score { total } }
      aug: scorecard(period: "2026-08") { period from to certificationStatus score { total } }
      year: scorecard(period: "2026") { period from to certificationStatus }
    } }`, { id: ids['CM-E'] }));
    expect(supplier).toEqual({
      q3: { period: '2026-Q3', from: '2026-07-01', to: '2026-10-01', certificationStatus: 'VALID', score: null },
      aug: { period: '2026-08', from: '2026-08-01', to: '2026-09-01', certificationStatus: 'NONE', score: null }, // the certificate starts 2026-10-01
      year: { period: '2026', from: '2026-01-01', to: '2027-01-01', certificationStatus: 'VALID' },
    });
    const { supplier: c } = dataOf(await stack.gateway(`query($id: ID!) { supplier(id: $id) {
      aug: scorecard(period: "2026-08") { certificationStatus } q3: scorecard(period: "2026-Q3") { certificationStatus } } }`, { id: ids['CM-C'] }));
    expect(c).toEqual({ aug: { certificationStatus: 'EXPIRING' }, q3: { certificationStatus: 'EXPIRED' } }); // last day 2026-09-30: within 30 days of 2026-09-01
    const bad = await stack.gateway(`query($id: ID!) { supplier(id: $id) { scorecard(period: "2026-13") { period } } }`, { id: ids['CM-A'] });
    expect(bad.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'period' } });
  });

  it('`_entities` resolves a scorecard of an existing supplier with the figures given; an unknown supplier or a malformed period is null', async () => {
    const response = dataOf(await stack.suppliers()(`query($r: [_Any!]!) { _entities(representations: $r) { ... on SupplierScorecard { supplierId period to certificationStatus score { total band } } } }`, {
      r: [
        { __typename: 'SupplierScorecard', supplierId: ids['CM-A'], period: '2026-Q3', otif: 1, fillRate: 1, ppm: 0, firstPassYield: 1, renewableShare: 1, linesDue: 1, inspections: 1 },
        { __typename: 'SupplierScorecard', supplierId: newId(), period: '2026-Q3', linesDue: 1, inspections: 1 },
        { __typename: 'SupplierScorecard', supplierId: ids['CM-A'], period: '2026-Q5', linesDue: 1, inspections: 1 },
      ],
    }));
    expect(response._entities).toEqual([
      { supplierId: ids['CM-A'], period: '2026-Q3', to: '2026-10-01', certificationStatus: 'VALID', score: { total: 100, band: 'PREFERRED' } },
      null,
      null,
    ]);
  });
});

describe('who reads scorecards', () => {
  // partners run only the trusted documents at the gateway: their rule is exercised at the subgraph, called as the gateway would
  it('a PARTNER sees its own scorecard only: lists hold its row, another supplier\'s is absent or FORBIDDEN', async () => {
    const partner = stack.suppliers({ caller: { roles: ['PARTNER'], supplierId: ids['CM-B'] } });
    const list = dataOf(await partner(`{ supplierScorecards(period: "2026-Q3") { totalCount nodes { supplierId certificationStatus } } }`));
    expect(list.supplierScorecards).toEqual({ totalCount: 1, nodes: [{ supplierId: ids['CM-B'], certificationStatus: 'EXPIRING' }] });
    const filtered = dataOf(await partner(`query($a: ID!) { supplierScorecards(period: "2026-Q3", filter: { supplierIds: [$a] }) { totalCount nodes { supplierId } } }`, { a: ids['CM-A'] }));
    expect(filtered.supplierScorecards).toEqual({ totalCount: 0, nodes: [] });
    const other = await partner(`query($id: ID!) { supplier(id: $id) { scorecard(period: "2026-Q3") { supplierId } } }`, { id: ids['CM-A'] });
    expect(other.data).toEqual({ supplier: null });
    const entities = await partner(`query($r: [_Any!]!) { _entities(representations: $r) { ... on SupplierScorecard { supplierId certificationStatus score { total } } } }`, {
      r: [
        { __typename: 'SupplierScorecard', supplierId: ids['CM-B'], period: Q3, otif: 1, fillRate: 1, ppm: 0, firstPassYield: 1, renewableShare: 1, linesDue: 1, inspections: 0 },
        { __typename: 'SupplierScorecard', supplierId: ids['CM-A'], period: Q3, linesDue: 1, inspections: 0 },
      ],
    });
    // B: 100×85 (five figures at 100) + EXPIRING 50×15 = 9250 → 92.5
    expect(entities.data?._entities).toEqual([{ supplierId: ids['CM-B'], certificationStatus: 'EXPIRING', score: { total: 92.5 } }, null]);
    expect(codes(entities)).toEqual(['FORBIDDEN']);
  });

  it('an ANALYST reads every scorecard', async () => {
    const list = dataOf(await stack.as({ roles: ['ANALYST'] })(`{ supplierScorecards(period: "2026-Q3") { totalCount nodes { score { total } } } }`));
    expect(list.supplierScorecards.totalCount).toBeGreaterThanOrEqual(5);
  });
});

describe('batching', () => {
  it('a page of 50 scorecards costs the suppliers subgraph the statements a page of 5 does, and each contributor one fetch', async () => {
    const em = stack.em();
    for (let i = 0; i < 50; i++) em.create(Supplier, { code: `ZZ-${String(i).padStart(3, '0')}`, name: `Bulk ${i}`, type: SupplierType.COMPONENT, country: 'DE' });
    await em.flush();
    const query = `query($n: Int!) { supplierScorecards(period: "2026-Q3", first: $n) { totalCount nodes { supplier { code } certificationStatus otif score { total } } } }`;
    const cost = async (n: number) => {
      stack.resetCounts();
      const { supplierScorecards } = dataOf(await stack.gateway(query, { n }));
      expect(supplierScorecards.nodes).toHaveLength(n);
      return { statements: stack.statements(), contributorCalls: stack.contributors.map((c) => c.calls), representations: stack.contributors.map((c) => c.representations) };
    };
    const five = await cost(5);
    const fifty = await cost(50);
    expect(fifty.statements).toBe(five.statements);
    // the page, its totalCount, the standings; then for score (@requires): the suppliers' existence, the standings
    expect(fifty.statements).toBe(5);
    expect(fifty.contributorCalls).toEqual([1, 1, 1]);
    expect(fifty.representations).toEqual([50, 50, 50]);
  });
});
