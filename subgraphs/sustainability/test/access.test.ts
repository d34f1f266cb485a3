// Who may do what in the sustainability subgraph. Two contract manufacturers A and B record activity,
// energy, waste, water and output for their own facilities (as PARTNERs, straight at the subgraph); the
// brand publishes footprints and sets budgets for both. A then tries every way it has to see B's rows —
// lists, by-id, `_entities` of every type, the fields contributed to Supplier, Facility and Product, and
// the emissions report — and every mutation is tried by roles it does not name and by A on B's
// facilities. Leaks are counted and must be 0; A must see exactly its own rows, so the suite fails when
// scoping breaks in either direction.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Role } from '@cmgraph/platform';
import { outboxOf, startStack, type GraphqlClient, type GraphqlResponse, type Stack } from '@cmgraph/testkit';
import { addFacility, createFactors, createProduct, createSupplier, JAN, mutate, ok, rowCounts, STACK } from './fixtures';

let stack: Stack;
let A: string;
let B: string;
const facility: Record<string, string> = {};
const product: Record<string, string> = {};
const budgets: Record<string, string[]> = { A: [], B: [] };
const WINDOW = { from: JAN.periodStart, to: JAN.periodEnd };
const MAR = { periodStart: '2026-03-01', periodEnd: '2026-04-01' };

const as = (roles: Role[], supplierId?: string): GraphqlClient => stack.subgraph('sustainability', { caller: { roles, supplierId } });
const partner = (supplierId: string) => as(['PARTNER'], supplierId);
const admin = () => stack.subgraph('sustainability');

/** The mutation of each record type, with an input for a facility (the same one for every caller). */
const RECORDS: [name: string, inputType: string, input: (facilityId: string, k: number) => Record<string, unknown>][] = [
  ['recordActivity', 'RecordActivityInput', (f, k) => ({ facilityId: f, ...JAN, activityType: 'NATURAL_GAS', quantity: 50 * k, unit: 'm3' })],
  ['recordEnergy', 'RecordEnergyInput', (f, k) => ({ facilityId: f, ...JAN, source: 'GRID', quantity: k, unit: 'MWh' })],
  ['recordWaste', 'RecordWasteInput', (f, k) => ({ facilityId: f, ...JAN, wasteType: 'dross', hazardous: k > 1, quantity: k, unit: 't', treatment: 'RECYCLE' })],
  ['recordWater', 'RecordWaterInput', (f, k) => ({ facilityId: f, ...JAN, withdrawal: 100 * k, discharge: 50 * k })],
  ['recordProductionOutput', 'RecordProductionOutputInput', (f, k) => ({ facilityId: f, ...JAN, goodUnits: 100 * k })],
];

const run = (client: GraphqlClient, name: string, inputType: string, input: unknown) =>
  client(`mutation($input: ${inputType}!) { ${name}(input: $input) { id } }`, { input });

beforeAll(async () => {
  stack = await startStack(STACK);
  await createFactors(stack);
  A = await createSupplier(stack);
  B = await createSupplier(stack);
  facility.A = await addFacility(stack, A, 'MX');
  facility.B = await addFacility(stack, B, 'MX');
  facility.A2 = await addFacility(stack, A, 'MX');
  for (const name of ['A', 'B', 'shared']) product[name] = await createProduct(stack);
  // Each partner records its own rows of every type (B twice as much as A, so their figures differ).
  for (const [owner, k] of [['A', 1], ['B', 2]] as const) {
    for (const [name, inputType, input] of RECORDS) ok(await run(partner(owner === 'A' ? A : B), name, inputType, input(facility[owner]!, k)));
  }
  // Footprints: one per CM's own product; the shared product A's first, then B's (which deprecates A's).
  for (const [productKey, facilityKey] of [['A', 'A'], ['B', 'B'], ['shared', 'A'], ['shared', 'B']]) {
    await mutate(stack, 'publishProductFootprint', 'PublishProductFootprintInput', { productId: product[productKey], facilityId: facility[facilityKey], ...JAN });
  }
  for (const [owner, supplierId] of [['A', A], ['B', B]] as const) {
    budgets[owner]!.push((await mutate(stack, 'setEmissionsBudget', 'SetEmissionsBudgetInput', { supplierId, ...JAN, budgetKg: 1e6 })).id);
    budgets[owner]!.push((await mutate(stack, 'setEmissionsBudget', 'SetEmissionsBudgetInput', { facilityId: facility[owner], ...JAN, budgetKg: 1e6 })).id);
  }
}, 180_000);
afterAll(async () => stack?.stop());

/** Rows of another supplier than `supplierId` among `nodes`. */
const leaks = (nodes: { supplier: { id: string } }[], supplierId: string) => nodes.filter((n) => n.supplier.id !== supplierId).length;
const codes = (response: GraphqlResponse<unknown>) => (response.errors ?? []).map((e) => e.extensions?.code);

describe("a partner's lists and by-id queries", () => {
  const LISTS = [
    ['activityRecords', 'ActivityRecordFilter'],
    ['productFootprints', 'ProductFootprintFilter'],
    ['emissionsBudgets', 'EmissionsBudgetFilter'],
  ] as const;

  it.each(LISTS)('%s: A sees all its own rows and none of B, also when it filters on B', async (field, filterType) => {
    const query = `query($filter: ${filterType}) { ${field}(first: 100, filter: $filter) { totalCount nodes { id supplier { id } } } }`;
    const own = ok(await admin()(query, { filter: { supplierId: A } }))[field];
    const mine = ok(await partner(A)(query, {}))[field];
    expect(own.totalCount).toBeGreaterThan(0);
    expect(leaks(mine.nodes, A)).toBe(0);
    expect(mine.nodes.map((n: { id: string }) => n.id).sort()).toEqual(own.nodes.map((n: { id: string }) => n.id).sort());
    expect(mine.totalCount).toBe(own.totalCount);
    const asked = ok(await partner(A)(query, { filter: { supplierId: B } }))[field];
    expect(asked).toEqual({ totalCount: 0, nodes: [] });
  });

  it('shares the emission factors with every partner', async () => {
    const query = `{ emissionFactors(first: 100) { totalCount } }`;
    expect(ok(await partner(A)(query)).emissionFactors.totalCount).toBe(ok(await admin()(query)).emissionFactors.totalCount);
  });

  it("answers null for B's budget by id, and A's own", async () => {
    const query = `query($id: ID!) { emissionsBudget(id: $id) { id supplier { id } } }`;
    for (const id of budgets.B!) expect(ok(await partner(A)(query, { id })).emissionsBudget).toBeNull();
    for (const id of budgets.A!) expect(ok(await partner(A)(query, { id })).emissionsBudget).toEqual({ id, supplier: { id: A } });
  });
});

const ENTITIES = `query($r: [_Any!]!, $from: LocalDate!, $to: LocalDate!) { _entities(representations: $r) {
  ... on EmissionsBudget { id supplier { id } actualKg }
  ... on EmissionFactor { id }
  ... on Supplier { id emissions(from: $from, to: $to) { totalKgCO2e recordCount goodUnits } co2ePerUnit(from: $from, to: $to) renewableShare(from: $from, to: $to) }
  ... on Facility { id emissions(from: $from, to: $to) { totalKgCO2e recordCount goodUnits } energy(from: $from, to: $to) { totalKwh }
                    waste(from: $from, to: $to) { totalKg } water(from: $from, to: $to) { withdrawalM3 } }
  ... on Product { id footprint { id supplier { id } } }
} }`;
const entities = (client: GraphqlClient, typename: string, ids: string[]) =>
  client<{ _entities: any[] }>(ENTITIES, { r: ids.map((id) => ({ __typename: typename, id })), ...WINDOW });

describe('`_entities` sent to sustainability as partner A', () => {
  it("refuses B's budgets (null + FORBIDDEN each) and resolves A's, with A's actual", async () => {
    const refused = await entities(partner(A), 'EmissionsBudget', budgets.B!);
    expect(refused.data?._entities).toEqual([null, null]);
    expect(codes(refused)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    const mine = ok(await entities(partner(A), 'EmissionsBudget', budgets.A!))._entities;
    expect(leaks(mine, A)).toBe(0);
    expect(mine).toEqual(ok(await entities(admin(), 'EmissionsBudget', budgets.A!))._entities);
  });

  it("refuses B's supplier, and A's answers A's own figures only", async () => {
    const refused = await entities(partner(A), 'Supplier', [B]);
    expect(refused.data?._entities).toEqual([null]);
    expect(codes(refused)).toEqual(['FORBIDDEN']);
    const [mine] = ok(await entities(partner(A), 'Supplier', [A]))._entities;
    const [asAdmin, ofB] = ok(await entities(admin(), 'Supplier', [A, B]))._entities;
    expect(mine.emissions.recordCount).toBe(3); // A's activity, energy and waste records
    expect(mine).toEqual(asAdmin);
    expect(mine.emissions).not.toEqual(ofB.emissions);
  });

  it("answers no data for B's facility, and A's facility's own figures", async () => {
    const [ofB] = ok(await entities(partner(A), 'Facility', [facility.B!]))._entities;
    expect(ofB).toEqual({
      id: facility.B, emissions: { totalKgCO2e: null, recordCount: 0, goodUnits: null }, energy: { totalKwh: null },
      waste: { totalKg: null }, water: { withdrawalM3: null },
    });
    const [mine] = ok(await entities(partner(A), 'Facility', [facility.A!]))._entities;
    expect(mine.emissions.recordCount).toBe(3);
    expect(mine).toEqual(ok(await entities(admin(), 'Facility', [facility.A!]))._entities[0]);
  });

  it("answers a product's footprint only when A's is the active one", async () => {
    const [own, ofB, shared] = ok(await entities(partner(A), 'Product', [product.A!, product.B!, product.shared!]))._entities;
    expect(own.footprint.supplier).toEqual({ id: A });
    expect(ofB.footprint).toBeNull();
    expect(shared.footprint).toBeNull(); // B's version is the active one; A's own is deprecated
    const asAdmin = ok(await entities(admin(), 'Product', [product.B!, product.shared!]))._entities;
    expect(asAdmin.map((p: any) => p.footprint.supplier.id)).toEqual([B, B]);
  });

  it('resolves every emission factor (shared reference data)', async () => {
    const ids = ok(await admin()(`{ emissionFactors(first: 3) { nodes { id } } }`)).emissionFactors.nodes.map((n: { id: string }) => n.id);
    expect(ok(await entities(partner(A), 'EmissionFactor', ids))._entities).toEqual(ids.map((id: string) => ({ id })));
  });
});

describe('the emissions report and the joins from a partner\'s own rows', () => {
  const EMISSIONS = `query($f: EmissionsFilter!) { emissions(filter: $f) { totalKgCO2e recordCount goodUnits byCategory { scope category kgCO2e } } }`;
  const report = (client: GraphqlClient, filter: Record<string, unknown>) => client(EMISSIONS, { f: { ...WINDOW, ...filter } });

  it("counts A's rows only when no owner is given (never the fleet's)", async () => {
    const mine = ok(await report(partner(A), {})).emissions;
    expect(mine).toEqual(ok(await report(admin(), { supplierId: A })).emissions);
    expect(mine.recordCount).toBe(3);
    expect(ok(await report(admin(), {})).emissions.recordCount).toBe(6);
  });

  it("refuses B's supplier, answers no data for B's facility, and A's facility as the brand sees it", async () => {
    const refused = await report(partner(A), { supplierId: B });
    expect(codes(refused)).toEqual(['FORBIDDEN']);
    expect(refused.data).toBeNull();
    expect(ok(await report(partner(A), { facilityId: facility.B })).emissions).toMatchObject({ totalKgCO2e: null, recordCount: 0, goodUnits: null });
    expect(ok(await report(partner(A), { facilityId: facility.A })).emissions).toEqual(ok(await report(admin(), { facilityId: facility.A })).emissions);
  });

  it("joins only A's figures from A's records, budgets and footprints", async () => {
    const query = `query($from: LocalDate!, $to: LocalDate!) {
      activityRecords(first: 10) { nodes { supplier { id emissions(from: $from, to: $to) { totalKgCO2e } renewableShare(from: $from, to: $to) }
        facility { id emissions(from: $from, to: $to) { recordCount } water(from: $from, to: $to) { withdrawalM3 } } } }
      emissionsBudgets(first: 10) { nodes { id supplier { id } facility { id } actualKg } }
      productFootprints(first: 10) { nodes { supplier { id } facility { id } product { id footprint { supplier { id } } } } } }`;
    const mine = ok(await partner(A)(query, WINDOW));
    const ofA = ok(await report(admin(), { supplierId: A })).emissions.totalKgCO2e;
    expect(mine.activityRecords.nodes).toEqual([{
      supplier: { id: A, emissions: { totalKgCO2e: ofA }, renewableShare: 0 },
      facility: { id: facility.A, emissions: { recordCount: 3 }, water: { withdrawalM3: 100 } },
    }]);
    const asAdmin = ok(await admin()(`query($supplierId: ID!) { emissionsBudgets(first: 10, filter: { supplierId: $supplierId }) {
      nodes { id supplier { id } facility { id } actualKg } } }`, { supplierId: A }));
    expect(mine.emissionsBudgets.nodes).toEqual(asAdmin.emissionsBudgets.nodes);
    expect(mine.productFootprints.nodes.map((n: any) => [n.supplier.id, n.facility.id])).toEqual([[A, facility.A], [A, facility.A]]);
    expect(mine.productFootprints.nodes.flatMap((n: any) => (n.product.footprint ? [n.product.footprint.supplier.id] : []))).toEqual([A]);
  });
});

describe('who may write', () => {
  /** Rows of every table and the outbox's head: what a refused write must leave as it was. */
  const state = async () => ({ rows: await rowCounts(stack), outbox: (await outboxOf(stack, 'sustainability')).length });
  async function refused(attempt: Promise<GraphqlResponse<unknown>> | (() => Promise<GraphqlResponse<unknown>>), allowed = ['FORBIDDEN']) {
    const before = await state();
    const response = await (typeof attempt === 'function' ? attempt() : attempt);
    expect(allowed).toContain(response.errors?.[0]?.extensions?.code);
    expect(await state()).toEqual(before);
  }

  const BRAND_ONLY: [name: string, inputType: string, input: () => Record<string, unknown>][] = [
    ['createEmissionFactor', 'CreateEmissionFactorInput', () => ({ source: 'DEFRA 2025', activityType: 'LPG', region: 'GLOBAL', year: 2026, kgCo2ePerUnit: 1.5, unit: 'L', scope: 1 })],
    ['publishProductFootprint', 'PublishProductFootprintInput', () => ({ productId: product.A, facilityId: facility.A, ...JAN })],
    ['setEmissionsBudget', 'SetEmissionsBudgetInput', () => ({ supplierId: A, periodStart: '2026-05-01', periodEnd: '2026-06-01', budgetKg: 5 })],
  ];

  it.each(BRAND_ONLY)('%s: refused to ANALYST, PLANNER and a PARTNER (on its own rows), done by SUSTAINABILITY', async (name, inputType, input) => {
    for (const client of [as(['ANALYST']), as(['PLANNER']), partner(A)]) await refused(run(client, name, inputType, input()));
    expect(ok(await run(as(['SUSTAINABILITY']), name, inputType, input()))[name].id).toEqual(expect.any(String));
  });

  it('deprecateProductFootprint: refused to ANALYST, PLANNER and the PARTNER whose footprint it is, done by SUSTAINABILITY', async () => {
    const footprints = `query($productId: ID!) { productFootprints(first: 10, filter: { productId: $productId, statuses: [ACTIVE] }) { nodes { id status } } }`;
    const [active] = ok(await admin()(footprints, { productId: product.A })).productFootprints.nodes;
    const deprecate = (client: GraphqlClient) => client(`mutation($id: ID!) { deprecateProductFootprint(id: $id) { id status } }`, { id: active.id });
    for (const client of [as(['ANALYST']), as(['PLANNER']), partner(A)]) await refused(deprecate(client));
    expect(ok(await admin()(footprints, { productId: product.A })).productFootprints.nodes).toEqual([active]);
    expect(ok(await deprecate(as(['SUSTAINABILITY']))).deprecateProductFootprint).toEqual({ id: active.id, status: 'DEPRECATED' });
  });

  it.each(RECORDS)("%s: refused to ANALYST and a role it does not name, and to a partner on the other's facility", async (name, inputType, input) => {
    const unnamed: Role = name === 'recordProductionOutput' ? 'QUALITY' : 'PLANNER';
    for (const client of [as(['ANALYST']), as([unnamed])]) await refused(run(client, name, inputType, input(facility.A2!, 1)));
    await refused(run(partner(A), name, inputType, input(facility.B!, 1)), ['FORBIDDEN', 'NOT_FOUND']);
    await refused(run(partner(B), name, inputType, input(facility.A!, 1)), ['FORBIDDEN', 'NOT_FOUND']);
  });

  it.each(RECORDS)('%s: done by SUSTAINABILITY and by a partner for its own facility', async (name, inputType, input) => {
    const roles: Role[][] = name === 'recordProductionOutput' ? [['SUSTAINABILITY'], ['PLANNER']] : [['SUSTAINABILITY']];
    for (const client of [...roles.map((r) => as(r)), partner(A)]) {
      const { id } = ok(await run(client, name, inputType, input(facility.A2!, 1)))[name];
      expect(id).toEqual(expect.any(String));
    }
  });

  it("crosses the budgets a partner's write takes over, also one the partner cannot see", async () => {
    const tight = async (facilityId: string) =>
      (await mutate(stack, 'setEmissionsBudget', 'SetEmissionsBudgetInput', { facilityId, ...MAR, scopes: [1], budgetKg: 10 })).id as string;
    const own = await tight(facility.A!);
    const hidden = await tight(facility.A2!);
    // as if set while A2 still belonged to B: A cannot see the budget, yet A's records at A2 count toward it
    await stack.subgraphs.sustainability!.server.orm.em.fork().execute('update emissions_budget set supplier_id = ? where id = ?', [B, hidden]);
    const budget = `query($id: ID!) { emissionsBudget(id: $id) { exceededAt } }`;
    expect(ok(await partner(A)(budget, { id: hidden })).emissionsBudget).toBeNull();
    for (const facilityId of [facility.A!, facility.A2!]) {
      ok(await run(partner(A), 'recordActivity', 'RecordActivityInput', { facilityId, ...MAR, activityType: 'NATURAL_GAS', quantity: 10, unit: 'm3' }));
    }
    const raised = (await outboxOf(stack, 'sustainability', { types: ['emissions.budget_exceeded'] })).filter((e) => [own, hidden].includes(e.subjectId));
    expect(raised.map((e) => [e.subjectId, e.supplierId, e.payload.actualKg])).toEqual([[own, A, 20], [hidden, B, 20]]);
    expect(ok(await admin()(budget, { id: hidden })).emissionsBudget.exceededAt).toEqual(expect.any(String));
  });
});
