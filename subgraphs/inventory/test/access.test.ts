// Who sees and changes what in inventory. Two contract manufacturers A and B, each with a plant
// location, lots, receipts and movements, next to the brand's own DC, stock levels and policies: A, called
// straight at the subgraph, sees the catalogue, the brand's locations and its own rows — by list, by id,
// by `_entities` and through every contributed field — and none of B's or of the brand's stock; each
// mutation runs for its roles only, and a partner acts only for itself.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { newId, type Role } from '@cmgraph/platform';
import { dataOf, startEntitiesStub, startStack, type EntitiesStub, type GraphqlClient, type GraphqlResponse, type Stack } from '@cmgraph/testkit';

let stack: Stack;
let orders: EntitiesStub;
const as = (roles: Role[], supplierId: string | null = null): GraphqlClient => stack.subgraph('inventory', { caller: { roles, supplierId } });
const admin = (query: string, variables?: Record<string, unknown>) => stack.subgraph('inventory')(query, variables).then(dataOf);

/** The world: ids of A's, B's and the brand's rows. */
const w = {} as {
  A: string; B: string; facilityA: string; facilityB: string; lotted: string; plain: string;
  dc: string; plantA: string; plantB: string;
  shipmentA: string; shipmentAtB: string; shipmentB: string; receiptA: string; receiptAtB: string; receiptB: string;
  lotA: string; lotAtB: string; lotB: string; movementsA: string[]; movementsB: string[]; brandMovements: string[]; levels: string[];
};
let asA: GraphqlClient;

const RECEIVE = `mutation($input: ReceiveShipmentInput!) { receiveShipment(input: $input) { id lines { lot { id } } } }`;
const MOVE = `mutation($input: RecordStockMovementInput!) { recordStockMovement(input: $input) { id } }`;
const POLICY = `mutation($input: SetStockPolicyInput!) { setStockPolicy(input: $input) { safetyStock reorderPoint } }`;

async function receive(supplierId: string, locationId: string, lotNumber: string): Promise<{ shipmentId: string; receiptId: string; lotId: string }> {
  const shipmentId = newId();
  orders.known.add(shipmentId);
  const { receiveShipment } = await admin(RECEIVE, {
    input: { shipmentId, locationId, supplierId, lines: [{ productId: w.lotted, lotNumber, receivedQuantity: 100, acceptedQuantity: 100, rejectedQuantity: 0 }] },
  });
  return { shipmentId, receiptId: receiveShipment.id, lotId: receiveShipment.lines[0].lot.id };
}

beforeAll(async () => {
  orders = await startEntitiesStub();
  stack = await startStack(['suppliers', 'inventory'], { peers: { orders: orders.url } });
  const supplier = async (code: string) =>
    dataOf(await stack.gateway(`mutation($code: String!) { createSupplier(input: { code: $code, name: $code, type: CM, country: "MX" }) { id } }`, { code })).createSupplier.id as string;
  const facility = async (supplierId: string) =>
    dataOf(await stack.gateway(`mutation($id: ID!) { addFacility(input: { supplierId: $id, name: "Plant", country: "MX", region: "North America", nearshore: true }) { id } }`, { id: supplierId })).addFacility.id as string;
  const location = async (code: string, input: Record<string, unknown> = {}) =>
    (await admin(`mutation($input: CreateLocationInput!) { createLocation(input: $input) { id } }`, { input: { code, name: code, type: 'PLANT', country: 'MX', ...input } })).createLocation.id as string;
  const product = async (sku: string, tracking: string) =>
    (await admin(`mutation($sku: String!, $tracking: Tracking!) { createProduct(input: { sku: $sku, name: $sku, uom: EA, tracking: $tracking }) { id } }`, { sku, tracking })).createProduct.id as string;

  w.A = await supplier('CM-A');
  w.B = await supplier('CM-B');
  w.facilityA = await facility(w.A);
  w.facilityB = await facility(w.B);
  w.lotted = await product('PCB-1', 'LOT');
  w.plain = await product('SCREW-1', 'NONE');
  w.dc = await location('DC-01', { type: 'DISTRIBUTION_CENTER', country: 'US' });
  w.plantA = await location('CM-A-STORE', { facilityId: w.facilityA });
  w.plantB = await location('CM-B-STORE', { facilityId: w.facilityB });

  const a = await receive(w.A, w.dc, 'LA-1');
  const atB = await receive(w.A, w.plantB, 'LA-2'); // A's goods received at B's plant: A's receipt, B's location
  const b = await receive(w.B, w.dc, 'LB-1');
  Object.assign(w, {
    shipmentA: a.shipmentId, receiptA: a.receiptId, lotA: a.lotId,
    shipmentAtB: atB.shipmentId, receiptAtB: atB.receiptId, lotAtB: atB.lotId,
    shipmentB: b.shipmentId, receiptB: b.receiptId, lotB: b.lotId,
  });
  await admin(MOVE, { input: { type: 'TRANSFER', productId: w.lotted, lotId: w.lotA, fromLocationId: w.dc, toLocationId: w.plantA, quantity: 10 } });
  await admin(MOVE, { input: { type: 'TRANSFER', productId: w.lotted, lotId: w.lotB, fromLocationId: w.dc, toLocationId: w.plantB, quantity: 10 } });
  await admin(MOVE, { input: { type: 'ISSUE', productId: w.lotted, lotId: w.lotB, fromLocationId: w.dc, quantity: 5 } });
  await admin(MOVE, { input: { type: 'ADJUST', productId: w.plain, locationId: w.dc, quantity: 50, reason: 'opening count' } });
  await admin(POLICY, { input: { productId: w.lotted, locationId: w.dc, safetyStock: 10, reorderPoint: 20 } });

  const ledger = await admin(`{ stockMovements(first: 100) { nodes { id lot { id } } } stockLevels(first: 100) { nodes { id } } }`);
  const movements: { id: string; lot: { id: string } | null }[] = ledger.stockMovements.nodes;
  w.movementsA = movements.filter((m) => m.lot && [w.lotA, w.lotAtB].includes(m.lot.id)).map((m) => m.id);
  w.movementsB = movements.filter((m) => m.lot?.id === w.lotB).map((m) => m.id);
  w.brandMovements = movements.filter((m) => !m.lot).map((m) => m.id);
  w.levels = ledger.stockLevels.nodes.map((l: { id: string }) => l.id);
  asA = as(['PARTNER'], w.A);
}, 120_000);
afterAll(async () => {
  await stack?.stop();
  await orders?.close();
});

/** Rows A must never see: B's, and the brand's own stock rows. */
function foreignIds(): string[] {
  // (B's shipment id is left out: A may name it, and the Shipment stub echoes it back with no data)
  return [w.B, w.facilityB, w.plantB, w.receiptB, w.lotB, ...w.movementsB, ...w.brandMovements, ...w.levels];
}

/** How many times a row of B (or brand-internal stock) appears anywhere in a response's data. */
function leaks(response: GraphqlResponse<unknown>): number {
  const text = JSON.stringify(response.data ?? null);
  return foreignIds().reduce((n, id) => n + text.split(id).length - 1, 0);
}

const ids = (nodes: { id: string }[]) => nodes.map((n) => n.id).sort();
const codes = (response: GraphqlResponse<unknown>) => (response.errors ?? []).map((e) => [e.path?.join('.'), e.extensions?.code]);

describe('what partner A sees', () => {
  it('lists: the catalogue, brand and own locations, and only its own lots, receipts and movements; no stock levels', async () => {
    const response = await asA(`{
      products(first: 100) { totalCount nodes { id } }
      locations(first: 100) { totalCount nodes { id } }
      lots(first: 100) { totalCount nodes { id supplier { id } } }
      receipts(first: 100) { totalCount nodes { id shipment { id } location { id } lines { lot { id } } } }
      stockMovements(first: 100) { totalCount nodes { id lot { id } fromLocation { id } toLocation { id } } }
      stockLevels(first: 100) { totalCount nodes { id } }
    }`);
    expect(leaks(response)).toBe(0);
    const data = response.data as any;
    expect(ids(data.products.nodes)).toEqual([w.lotted, w.plain].sort());
    expect(ids(data.locations.nodes)).toEqual([w.dc, w.plantA].sort());
    expect(data.locations.totalCount).toBe(2);
    expect(data.lots).toEqual({ totalCount: 2, nodes: expect.arrayContaining([{ id: w.lotA, supplier: { id: w.A } }, { id: w.lotAtB, supplier: { id: w.A } }]) });
    expect(ids(data.receipts.nodes)).toEqual([w.receiptA, w.receiptAtB].sort());
    expect(data.receipts.totalCount).toBe(2);
    expect(ids(data.stockMovements.nodes)).toEqual([...w.movementsA].sort());
    expect(data.stockMovements.totalCount).toBe(3);
    expect(data.stockLevels).toEqual({ totalCount: 0, nodes: [] });
    // A's goods at B's plant: the receipt and its movement are A's, the place is not — null with FORBIDDEN
    const atB = data.receipts.nodes.findIndex((r: { id: string }) => r.id === w.receiptAtB);
    expect(data.receipts.nodes[atB]).toEqual({ id: w.receiptAtB, shipment: { id: w.shipmentAtB }, location: null, lines: [{ lot: { id: w.lotAtB } }] });
    const intoB = data.stockMovements.nodes.findIndex((m: { lot: { id: string } }) => m.lot.id === w.lotAtB);
    expect(data.stockMovements.nodes[intoB].toLocation).toBeNull();
    expect(codes(response).sort()).toEqual([
      [`receipts.nodes.${atB}.location`, 'FORBIDDEN'],
      [`stockMovements.nodes.${intoB}.toLocation`, 'FORBIDDEN'],
    ].sort());
  });

  it("by id and by filter: B's rows are absent, A's own and the brand's locations are there", async () => {
    const response = await asA(
      `query($product: ID!, $lotA: ID!, $lotB: ID!, $dc: ID!, $plantA: ID!, $plantB: ID!, $receiptA: ID!, $receiptB: ID!, $shipmentB: ID!) {
        ownLot: lot(id: $lotA) { id } otherLot: lot(id: $lotB) { id }
        dc: location(id: $dc) { id facility { id } } ownPlant: location(id: $plantA) { id facility { id } } otherPlant: location(id: $plantB) { id }
        ownReceipt: receipt(id: $receiptA) { id location { id } } otherReceipt: receipt(id: $receiptB) { id }
        byShipment: receipts(filter: { shipmentId: $shipmentB }) { totalCount }
        movesOfB: stockMovements(filter: { lotId: $lotB }) { totalCount nodes { id } }
        movesAtB: stockMovements(filter: { locationId: $plantB }) { totalCount nodes { id lot { id } } }
        levelsAtDc: stockLevels(filter: { locationId: $dc }) { totalCount }
        lotsOfProduct: lots(filter: { productId: $product }) { totalCount }
      }`,
      { product: w.lotted, lotA: w.lotA, lotB: w.lotB, dc: w.dc, plantA: w.plantA, plantB: w.plantB, receiptA: w.receiptA, receiptB: w.receiptB, shipmentB: w.shipmentB },
    );
    expect(response.errors).toBeUndefined();
    expect(leaks(response)).toBe(0);
    expect(response.data).toEqual({
      ownLot: { id: w.lotA }, otherLot: null,
      dc: { id: w.dc, facility: null }, ownPlant: { id: w.plantA, facility: { id: w.facilityA } }, otherPlant: null,
      ownReceipt: { id: w.receiptA, location: { id: w.dc } }, otherReceipt: null,
      byShipment: { totalCount: 0 },
      movesOfB: { totalCount: 0, nodes: [] },
      // only A's own goods received at B's plant, never B's transfer there
      movesAtB: { totalCount: 1, nodes: [{ id: expect.any(String), lot: { id: w.lotAtB } }] },
      levelsAtDc: { totalCount: 0 },
      lotsOfProduct: { totalCount: 2 },
    });
  });

  it('by `_entities`: B\'s lots, receipts and plant are null with FORBIDDEN, A\'s rows and the shared ones resolve', async () => {
    const entities = (typename: string, refs: string[], selection = 'id') =>
      asA(`query($r: [_Any!]!) { _entities(representations: $r) { ... on ${typename} { ${selection} } } }`, { r: refs.map((id) => ({ __typename: typename, id })) });
    const cases: [string, string[], string[]][] = [
      ['Lot', [w.lotA, w.lotB, w.lotAtB], [w.lotB]],
      ['Receipt', [w.receiptA, w.receiptB, w.receiptAtB], [w.receiptB]],
      ['Location', [w.dc, w.plantA, w.plantB], [w.plantB]],
      ['Product', [w.lotted, w.plain], []],
    ];
    for (const [typename, refs, hidden] of cases) {
      const response = await entities(typename, refs);
      expect(leaks(response)).toBe(0);
      expect({ typename, rows: (response.data as any)._entities }).toEqual({ typename, rows: refs.map((id) => (hidden.includes(id) ? null : { id })) });
      expect({ typename, errors: codes(response) }).toEqual({ typename, errors: hidden.map((id) => [`_entities.${refs.indexOf(id)}`, 'FORBIDDEN']) });
    }
    // B's lot does not leak through its fields either
    const lotFields = await entities('Lot', [w.lotB], 'id lotNumber supplier { id } product { id }');
    expect(lotFields.data).toEqual({ _entities: [null] });
    expect(leaks(lotFields)).toBe(0);
  });

  it('contributed fields: Shipment.receipt only for its own shipments; Product stock is not its business', async () => {
    const shipments = await asA(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Shipment { id receipt { id lines { lot { id } } } } } }`, {
      r: [w.shipmentA, w.shipmentB].map((id) => ({ __typename: 'Shipment', id })),
    });
    expect(shipments.errors).toBeUndefined();
    expect(leaks(shipments)).toBe(0);
    expect((shipments.data as any)._entities).toEqual([
      { id: w.shipmentA, receipt: { id: w.receiptA, lines: [{ lot: { id: w.lotA } }] } },
      { id: w.shipmentB, receipt: null },
    ]);

    const stock = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Product { id onHand stockLevels { id onHand location { id } } } } }`;
    const products = { r: [{ __typename: 'Product', id: w.lotted }] };
    const partner = await asA(stock, products);
    expect(leaks(partner)).toBe(0);
    expect((partner.data as any)._entities).toEqual([{ id: w.lotted, onHand: null, stockLevels: [] }]);
    expect(codes(partner)).toEqual([['_entities.0.onHand', 'FORBIDDEN']]);
    // brand roles (read-only ANALYST too) see the stock: the rule refuses partners, not readers
    const analyst = await as(['ANALYST'])(stock, products);
    expect(analyst.errors).toBeUndefined();
    expect((analyst.data as any)._entities[0].onHand).toBe(295);
    expect((analyst.data as any)._entities[0].stockLevels).toHaveLength(3);
  });

  it('partner B sees its own rows and none of A\'s (the scope follows the caller)', async () => {
    const response = await as(['PARTNER'], w.B)(`{ lots { nodes { id } } receipts { nodes { id } } locations { nodes { id } } stockMovements { nodes { id } } }`);
    expect(response.errors).toBeUndefined();
    const data = response.data as any;
    expect(ids(data.lots.nodes)).toEqual([w.lotB]);
    expect(ids(data.receipts.nodes)).toEqual([w.receiptB]);
    expect(ids(data.locations.nodes)).toEqual([w.dc, w.plantB].sort());
    expect(ids(data.stockMovements.nodes)).toEqual([...w.movementsB].sort());
  });

  it('brand callers see every row', async () => {
    const data = dataOf(await as(['ANALYST'])(`{ lots { totalCount } receipts { totalCount } locations { totalCount } stockMovements { totalCount } stockLevels { totalCount } }`));
    expect(data).toEqual({
      lots: { totalCount: 3 }, receipts: { totalCount: 3 }, locations: { totalCount: 3 },
      stockMovements: { totalCount: 7 }, stockLevels: { totalCount: w.levels.length },
    });
    expect(w.levels.length).toBeGreaterThan(0);
  });
});

/** Everything a refused mutation could have changed, as ADMIN sees it. */
async function state() {
  return admin(`{
    products { totalCount } locations { totalCount } receipts { totalCount } stockMovements { totalCount }
    lots(first: 1000) { totalCount nodes { id status supplier { id } } }
    stockLevels(first: 1000) { nodes { id onHand safetyStock reorderPoint } }
  }`);
}

/** Runs `mutation` as each refused caller: FORBIDDEN (or `code`), no data, and nothing changed. */
async function refused(mutation: string, variables: Record<string, unknown>, callers: GraphqlClient[], code = 'FORBIDDEN'): Promise<void> {
  const before = await state();
  for (const caller of callers) {
    const response = await caller(mutation, variables);
    expect(response.data ?? null).toBeNull();
    expect(response.errors?.[0]?.extensions?.code).toBe(code);
  }
  expect(await state()).toEqual(before);
}

describe('mutation rules', () => {
  const partnerA = () => as(['PARTNER'], w.A);

  it('createProduct: PLANNER only', async () => {
    const create = `mutation($sku: String!) { createProduct(input: { sku: $sku, name: "New", uom: EA, tracking: NONE }) { sku } }`;
    await refused(create, { sku: 'NEW-1' }, [as(['ANALYST']), as(['QUALITY']), as(['BUYER']), partnerA()]);
    expect(dataOf(await as(['PLANNER'])(create, { sku: 'NEW-1' }))).toEqual({ createProduct: { sku: 'NEW-1' } });
  });

  it("createLocation: PLANNER only; a location at A's facility is then A's to see, not B's", async () => {
    const create = `mutation($input: CreateLocationInput!) { createLocation(input: $input) { id } }`;
    const input = { code: 'CM-A-QA', name: 'A quarantine', type: 'QUARANTINE_AREA', country: 'MX', facilityId: w.facilityA };
    await refused(create, { input }, [as(['ANALYST']), as(['BUYER']), partnerA()]);
    const { createLocation } = dataOf(await as(['PLANNER'])(create, { input }));
    const look = `query($id: ID!) { location(id: $id) { id } }`;
    expect(dataOf(await partnerA()(look, { id: createLocation.id }))).toEqual({ location: { id: createLocation.id } });
    expect(dataOf(await as(['PARTNER'], w.B)(look, { id: createLocation.id }))).toEqual({ location: null });
  });

  it('registerLot: PLANNER, QUALITY and a partner for its own supplier only', async () => {
    const register = `mutation($input: RegisterLotInput!) { registerLot(input: $input) { lotNumber supplier { id } } }`;
    const input = (lotNumber: string, supplierId?: string) => ({ input: { productId: w.lotted, lotNumber, ...(supplierId ? { supplierId } : {}) } });
    await refused(register, input('R-1', w.A), [as(['ANALYST']), as(['BUYER'])]);
    await refused(register, input('R-1', w.B), [partnerA()]);
    // B's lot number is taken brand-wide (one lot per number and product): A learns only that, as anyone would
    await refused(register, input('LB-1'), [partnerA()], 'BAD_USER_INPUT');
    expect(dataOf(await partnerA()(register, input('R-1')))).toEqual({ registerLot: { lotNumber: 'R-1', supplier: { id: w.A } } });
    expect(dataOf(await partnerA()(register, input('R-2', w.A)))).toEqual({ registerLot: { lotNumber: 'R-2', supplier: { id: w.A } } });
    expect(dataOf(await as(['PLANNER'])(register, input('R-3', w.B)))).toEqual({ registerLot: { lotNumber: 'R-3', supplier: { id: w.B } } });
    expect(dataOf(await as(['QUALITY'])(register, input('R-4')))).toEqual({ registerLot: { lotNumber: 'R-4', supplier: null } });
    // B's registered lot stays B's: A does not see it
    const mine = dataOf(await partnerA()(`{ lots(first: 100) { nodes { lotNumber } } }`));
    expect(mine.lots.nodes.map((l: { lotNumber: string }) => l.lotNumber).sort()).toEqual(['LA-1', 'LA-2', 'R-1', 'R-2']);
  });

  it('setLotStatus: QUALITY only (not the partner, even on its own lot)', async () => {
    const set = `mutation($id: ID!) { setLotStatus(input: { lotId: $id, status: HOLD, reason: "check" }) { status } }`;
    await refused(set, { id: w.lotA }, [as(['ANALYST']), as(['PLANNER']), partnerA()]);
    expect(dataOf(await as(['QUALITY'])(set, { id: w.lotA }))).toEqual({ setLotStatus: { status: 'HOLD' } });
    expect(dataOf(await as(['QUALITY'])(`mutation($id: ID!) { setLotStatus(input: { lotId: $id, status: AVAILABLE, reason: "ok" }) { status } }`, { id: w.lotA })).setLotStatus.status).toBe('AVAILABLE');
  });

  it('recordStockMovement: PLANNER only; a partner also holding PLANNER cannot book the ledger', async () => {
    const move = (lotId: string) => ({ input: { type: 'ISSUE', productId: w.lotted, lotId, fromLocationId: w.dc, quantity: 1 } });
    await refused(MOVE, move(w.lotA), [as(['ANALYST']), as(['QUALITY']), as(['BUYER']), partnerA()]);
    await refused(MOVE, move(w.lotB), [as(['PARTNER', 'PLANNER'], w.A)], 'NOT_FOUND');
    await refused(MOVE, move(w.lotA), [as(['PARTNER', 'PLANNER'], w.A)]);
    expect(dataOf(await as(['PLANNER'])(MOVE, move(w.lotA))).recordStockMovement.id).toEqual(expect.any(String));
  });

  it('setStockPolicy: PLANNER and BUYER only', async () => {
    const input = (safetyStock: number) => ({ input: { productId: w.lotted, locationId: w.dc, safetyStock, reorderPoint: 30 } });
    await refused(POLICY, input(15), [as(['ANALYST']), as(['QUALITY']), partnerA(), as(['PARTNER', 'BUYER'], w.A)]);
    expect(dataOf(await as(['BUYER'])(POLICY, input(15)))).toEqual({ setStockPolicy: { safetyStock: 15, reorderPoint: 30 } });
    expect(dataOf(await as(['PLANNER'])(POLICY, input(12)))).toEqual({ setStockPolicy: { safetyStock: 12, reorderPoint: 30 } });
  });

  it('receiveShipment: PLANNER only', async () => {
    const shipmentId = newId();
    orders.known.add(shipmentId);
    const input = { input: { shipmentId, locationId: w.dc, supplierId: w.A, lines: [{ productId: w.plain, receivedQuantity: 5, acceptedQuantity: 5, rejectedQuantity: 0 }] } };
    await refused(RECEIVE, input, [as(['ANALYST']), as(['BUYER']), as(['QUALITY']), partnerA(), as(['PARTNER', 'PLANNER'], w.A)]);
    const { receiveShipment } = dataOf(await as(['PLANNER'])(RECEIVE, input));
    // the receipt records the shipment's supplier: A now sees it, B does not
    const look = `query($id: ID!) { receipt(id: $id) { id } }`;
    expect(dataOf(await partnerA()(look, { id: receiveShipment.id }))).toEqual({ receipt: { id: receiveShipment.id } });
    expect(dataOf(await as(['PARTNER'], w.B)(look, { id: receiveShipment.id }))).toEqual({ receipt: null });
  });

  it("a line of A's receipt that went into B's lot shows A the line, and the lot as null with FORBIDDEN", async () => {
    const shipmentId = newId();
    orders.known.add(shipmentId);
    const line = { productId: w.lotted, lotNumber: 'LB-1', receivedQuantity: 2, acceptedQuantity: 2, rejectedQuantity: 0 };
    const { receiveShipment } = dataOf(await as(['PLANNER'])(RECEIVE, { input: { shipmentId, locationId: w.dc, supplierId: w.A, lines: [line] } }));
    expect(receiveShipment.lines).toEqual([{ lot: { id: w.lotB } }]);
    const seen = await asA(`query($id: ID!) { receipt(id: $id) { id lines { acceptedQuantity lot { id lotNumber } } } }`, { id: receiveShipment.id });
    expect(seen.data).toEqual({ receipt: { id: receiveShipment.id, lines: [{ acceptedQuantity: 2, lot: null }] } });
    expect(codes(seen)).toEqual([['receipt.lines.0.lot', 'FORBIDDEN']]);
    expect(leaks(seen)).toBe(0);
  });
});
