// Sustainability's part of the supplier scorecard (carbonIntensity, renewableShare) on the world of
// report-world.ts, whose figures are computed by hand there and below: through `_entities` as the
// gateway calls it, through the gateway's scorecard entry points, batched, and scoped for partners.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startStack, type GraphqlClient, type Stack } from '@cmgraph/testkit';
import { newId } from '@cmgraph/platform';
import { ok, STACK } from './fixtures';
import { buildReportWorld, Q1, type ReportWorld } from './report-world';

let stack: Stack;
let world: ReportWorld;
beforeAll(async () => {
  stack = await startStack(STACK);
  world = await buildReportWorld(stack);
}, 180_000);
afterAll(async () => stack?.stop());

const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on SupplierScorecard { supplierId period carbonIntensity renewableShare } } }`;
const card = (supplierId: string, period: string) => ({ __typename: 'SupplierScorecard', supplierId, period });
const admin = () => stack.subgraph('sustainability');
const scorecards = async (client: GraphqlClient, reps: object[]) => client(ENTITIES, { r: reps });

describe('SupplierScorecard.carbonIntensity and renewableShare', () => {
  it('equal the hand-computed figures of each supplier and period', async () => {
    const { _entities: cards } = ok(await scorecards(admin(), [
      card(world.A, Q1), card(world.A, '2026-01'), card(world.A, '2026-03'), card(world.A, '2025-12'), card(world.B, Q1), card(world.C, Q1),
    ]));
    // A, Q1: (scope 1: 200 + 100, scope 2 market: 1880 + 1000) ÷ (400 + 200) units = 3180 / 600; renewable 1000 of
    // 3000 + 1000 + 1700 + 2000 kWh (the Dec WIND record ends on `from`, the April GRID one starts on `to`: both outside).
    expect(cards[0]).toEqual({ supplierId: world.A, period: Q1, carbonIntensity: expect.any(Number), renewableShare: expect.any(Number) });
    expect(cards[0].carbonIntensity).toBeCloseTo(5.3, 12);
    expect(cards[0].renewableShare).toBeCloseTo(1000 / 7700, 12);
    // A, January: (200 + 1200) ÷ (300 + 200); renewable 1000 of 4000 kWh.
    expect(cards[1].carbonIntensity).toBeCloseTo(2.8, 12);
    expect(cards[1].renewableShare).toBeCloseTo(0.25, 12);
    // A, March: 1700 kWh of grid, 680 kg, no output → no intensity; a renewable share of 0 (energy without renewables).
    expect(cards[2]).toMatchObject({ carbonIntensity: null, renewableShare: 0 });
    // A, December 2025: 500 kWh of wind only, 2000 kg of gas, no output.
    expect(cards[3]).toMatchObject({ carbonIntensity: null, renewableShare: 1 });
    // B: 1000 kWh of grid in March, no output; C: no records at all.
    expect(cards[4]).toMatchObject({ carbonIntensity: null, renewableShare: 0 });
    expect(cards[5]).toMatchObject({ supplierId: world.C, carbonIntensity: null, renewableShare: null });
  });

  it('equals Supplier.co2ePerUnit and renewableShare over the same days', async () => {
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Supplier { co2ePerUnit(from: "2026-01-01", to: "2026-04-01") renewableShare(from: "2026-01-01", to: "2026-04-01") } } }`;
    const [supplier] = ok(await admin()(query, { r: [{ __typename: 'Supplier', id: world.A }] }))._entities;
    const [scorecard] = ok(await scorecards(admin(), [card(world.A, Q1)]))._entities;
    expect([scorecard.carbonIntensity, scorecard.renewableShare]).toEqual([supplier.co2ePerUnit, supplier.renewableShare]);
  });

  it('refuses a malformed period with BAD_USER_INPUT naming period', async () => {
    const result = await scorecards(admin(), [card(world.A, '2026-13')]);
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'period' } });
  });

  it('answers a page of 5 or 50 scorecards, of several periods, with one SQL statement', async () => {
    const count = async (reps: object[]) => {
      stack.resetStatementCounts();
      ok(await scorecards(admin(), reps));
      return stack.subgraphs.sustainability!.statements;
    };
    const page = (n: number) => Array.from({ length: n }, (_, i) => card(i % 3 ? newId() : world.A, ['2026', Q1, '2026-02'][i % 3]!));
    expect([await count(page(5)), await count(page(50))]).toEqual([1, 1]);
  });
});

describe('the scorecard through the gateway', () => {
  it('answers Supplier.scorecard and supplierScorecards with the same figures, one statement per page here', async () => {
    const one = ok(await stack.gateway(`query($id: ID!) { supplier(id: $id) { scorecard(period: "${Q1}") { carbonIntensity renewableShare } } }`, { id: world.A }));
    expect(one.supplier.scorecard.carbonIntensity).toBeCloseTo(5.3, 12);
    stack.resetStatementCounts();
    const page = ok(await stack.gateway(`{ supplierScorecards(period: "${Q1}", first: 50) { nodes { supplierId carbonIntensity renewableShare } } }`));
    expect(stack.subgraphs.sustainability!.statements).toBe(1);
    const byId = new Map(page.supplierScorecards.nodes.map((n: { supplierId: string }) => [n.supplierId, n]));
    expect(byId.get(world.A)).toEqual({ supplierId: world.A, ...one.supplier.scorecard });
    expect(byId.get(world.C)).toEqual({ supplierId: world.C, carbonIntensity: null, renewableShare: null });
  });
});

describe('who sees which scorecard', () => {
  it("gives a partner its own figures and FORBIDDEN for another supplier's; ANALYST reads every one", async () => {
    const partnerA = stack.subgraph('sustainability', { caller: { roles: ['PARTNER'], supplierId: world.A } });
    const own = ok(await scorecards(partnerA, [card(world.A, Q1)]))._entities[0];
    expect(own.carbonIntensity).toBeCloseTo(5.3, 12);
    const other = await scorecards(partnerA, [card(world.B, Q1)]);
    expect(other.data?._entities).toEqual([null]);
    expect(other.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    const analyst = stack.subgraph('sustainability', { caller: { roles: ['ANALYST'] } });
    const both = ok(await scorecards(analyst, [card(world.A, Q1), card(world.B, Q1)]))._entities;
    expect(both.map((c: { renewableShare: number }) => c.renewableShare)).toEqual([own.renewableShare, 0]);
  });
});
