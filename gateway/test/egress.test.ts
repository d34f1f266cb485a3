// Tabular egress through the real stack (inventory and orders, a slice of the demo world in orders):
// named reports and POST /export as CSV and NDJSON, checked against the same data read through
// /graphql; quoting; column maps; who may export what; refusals before the first byte; and the
// streaming itself — one rate-limit token per export, paging that waits for a slow reader and stops for
// a client that hangs up (upstream pages counted at a proxy in front of orders), and a failure after the
// first byte ending the stream with its marker line; gzip for a client that accepts it, flushed per page.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createGunzip, gunzipSync } from 'node:zlib';
import { parse as parseCsv } from 'csv-parse/sync';
import { dataOf, startStack, tokenFor, type Stack } from '@cmgraph/testkit';
import { REPORTS, type ReportDefinition } from '../src/egress';
import { TrustedDocuments, sha256 } from '../src/limits';
import { openExport, seedPurchaseOrders, settled, sideGateway, until, type SideGateway } from './fixtures/egress';

const PURCHASE_ORDERS = 1_000; // 4,000 lines
const SUBGRAPHS = ['inventory', 'orders'];

/** A report of the tests' own (not in the manifest) with typed parameters. */
const ORDERS_BY_SUPPLIER: ReportDefinition = {
  name: 'orders-by-supplier',
  description: 'test only',
  operationName: 'OrdersBySupplier',
  document: `query OrdersBySupplier($first: Int!, $after: String, $filter: PurchaseOrderFilter) {
    purchaseOrders(first: $first, after: $after, filter: $filter) {
      pageInfo { hasNextPage endCursor }
      nodes { number status supplier { id } lines { lineNumber quantity } }
    }
  }`,
  params: {
    supplierId: { type: 'id', required: true, variable: 'filter.supplierId' },
    statuses: { type: 'string', list: true, values: ['DRAFT', 'SENT', 'ACKNOWLEDGED', 'PARTIALLY_SHIPPED', 'CLOSED', 'CANCELLED'], variable: 'filter.statuses' },
    orderedFrom: { type: 'date', variable: 'filter.orderedFrom' },
  },
  list: 'purchaseOrders',
};

const PORTAL_PURCHASE_ORDERS = TrustedDocuments.load().documentNamed('PortalPurchaseOrders')!;
const PRODUCTS = 'query Products($first: Int!, $after: String) { products(first: $first, after: $after) { nodes { sku name } pageInfo { hasNextPage endCursor } } }';

interface Line { id: string; quantity: number; unitPrice: number | null }
interface Order { id: string; number: string; status: string; supplier: { id: string }; lines: Line[]; shipments: { id: string }[] }

let stack: Stack;
let base: string;
let admin: string;
/** Every purchase order as /graphql gives it, in connection order. */
let orders: Order[];

/** The report's rows as strings, from /graphql data: one per line. */
const lineRows = (list: Order[]) =>
  list.flatMap((po) => po.lines.map((l) => [po.id, po.number, po.status, po.supplier.id, l.id, String(l.quantity), l.unitPrice === null ? '' : String(l.unitPrice)]));

beforeAll(async () => {
  stack = await startStack(SUBGRAPHS, { gateway: { reports: [...REPORTS, ORDERS_BY_SUPPLIER] } });
  base = stack.gatewayUrl.replace(/\/graphql$/, '');
  admin = await tokenFor();
  await seedPurchaseOrders(stack, PURCHASE_ORDERS);
  orders = [];
  for (let after: string | null = null; ;) {
    const page: { purchaseOrders: { nodes: Order[]; pageInfo: { hasNextPage: boolean; endCursor: string } } } = dataOf(
      await stack.gateway(
        'query($after: String) { purchaseOrders(first: 1000, after: $after) { nodes { id number status supplier { id } lines { id quantity unitPrice } shipments { id } } pageInfo { hasNextPage endCursor } } }',
        { after },
      ),
    );
    orders.push(...page.purchaseOrders.nodes);
    if (!page.purchaseOrders.pageInfo.hasNextPage) break;
    after = page.purchaseOrders.pageInfo.endCursor;
  }
}, 180_000);

afterAll(async () => {
  await stack?.stop();
});

const get = (path: string, token: string | null = admin) => fetch(`${base}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
const post = (body: unknown, token: string | null = admin) =>
  fetch(`${base}/export`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
const errorOf = async (response: Response) => ((await response.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] }).errors[0]!;

describe('a named report', () => {
  it('streams every purchase order line to an ADMIN as RFC 4180 CSV that csv-parse reads back to the /graphql values', async () => {
    expect(orders).toHaveLength(PURCHASE_ORDERS);
    const response = await get('/reports/purchase-order-lines.csv?pageSize=300');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="purchase-order-lines.csv"');
    const text = await response.text();
    expect(text.charCodeAt(0)).not.toBe(0xfeff); // no byte-order mark
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '').includes('\n')).toBe(false); // every record ends in CRLF
    const [header, ...rows] = parseCsv(text) as string[][];
    expect(header).toEqual(['purchaseOrderId', 'purchaseOrderNumber', 'status', 'supplierId', 'lineId', 'quantity', 'unitPrice']);
    expect(rows).toHaveLength(PURCHASE_ORDERS * 4);
    expect(rows).toEqual(lineRows(orders));
    expect(stack.gatewayServer().egressStats()).toMatchObject({ active: 0, completed: 1, failed: 0 });
  });

  it('streams NDJSON to an ANALYST: one flat object per line, the same rows, numbers as numbers', async () => {
    const response = await get('/reports/purchase-order-lines.ndjson', await tokenFor({ roles: ['ANALYST'] }));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/x-ndjson');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="purchase-order-lines.ndjson"');
    const lines = (await response.text()).split('\n');
    expect(lines.pop()).toBe('');
    const objects = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(objects).toHaveLength(PURCHASE_ORDERS * 4);
    expect(Object.keys(objects[0]!)).toEqual(['purchaseOrderId', 'purchaseOrderNumber', 'status', 'supplierId', 'lineId', 'quantity', 'unitPrice']);
    expect(typeof objects[0]!.quantity).toBe('number');
    expect(objects.map((o) => Object.values(o).map((v) => (v === null ? '' : String(v))))).toEqual(lineRows(orders));
  });

  it('gives a PARTNER its own supplier\'s lines only', async () => {
    const counts = new Map<string, number>();
    for (const po of orders) counts.set(po.supplier.id, (counts.get(po.supplier.id) ?? 0) + po.lines.length);
    const [supplierId] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]!;
    const partner = await tokenFor({ roles: ['PARTNER'], supplierId });
    const response = await get('/reports/purchase-order-lines.csv', partner);
    expect(response.status).toBe(200);
    const [, ...rows] = parseCsv(await response.text()) as string[][];
    expect(rows).toEqual(lineRows(orders.filter((po) => po.supplier.id === supplierId)));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(PURCHASE_ORDERS * 4);
  });

  it('maps parameters to variables (a report of the tests\' own, with a filter)', async () => {
    const supplierId = orders[0]!.supplier.id;
    const response = await get(`/reports/orders-by-supplier.csv?supplierId=${supplierId}&statuses=CLOSED,ACKNOWLEDGED&pageSize=7`);
    expect(response.status).toBe(200);
    const [header, ...rows] = parseCsv(await response.text()) as string[][];
    expect(header).toEqual(['number', 'status', 'supplier.id', 'lines.lineNumber', 'lines.quantity']);
    const expected = orders
      .filter((po) => po.supplier.id === supplierId && ['CLOSED', 'ACKNOWLEDGED'].includes(po.status))
      .flatMap((po) => po.lines.map((l, i) => [po.number, po.status, supplierId, String(i + 1), String(l.quantity)]));
    expect(rows).toEqual(expected);
  });

  it('answers gzip to a client that accepts it — the same bytes, several times fewer on the wire; identity without Accept-Encoding or with gzip;q=0', async () => {
    const url = `${base}/reports/purchase-order-lines.csv?pageSize=300`;
    const plain = await openExport(url, admin);
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/accept-encoding/i);
    const plainBytes = await plain.raw();

    const zipped = await openExport(url, admin, { acceptEncoding: 'br;q=0.5, gzip, deflate' });
    expect(zipped.status).toBe(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toMatch(/accept-encoding/i);
    expect(zipped.headers['content-type']).toBe('text/csv; charset=utf-8');
    const wire = await zipped.raw();
    expect(gunzipSync(wire).equals(plainBytes)).toBe(true);
    expect(wire.length * 3).toBeLessThan(plainBytes.length);
    expect(parseCsv(plainBytes.toString('utf8'))).toHaveLength(1 + PURCHASE_ORDERS * 4);

    const refused = await openExport(url, admin, { acceptEncoding: 'gzip;q=0, identity' });
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect((await refused.raw()).equals(plainBytes)).toBe(true);
  });

  it('lists the reports, their parameters and columns', async () => {
    const body = (await (await get('/reports')).json()) as { reports: { name: string; columns: string[] }[] };
    expect(body.reports.map((r) => r.name)).toEqual([
      'purchase-order-lines', 'supplier-scorecard', 'delivery-performance', 'open-po-risk', 'quality', 'oee', 'carbon',
      'single-source-risk', 'stock', 'orders-by-supplier',
    ]);
    expect(body.reports[0]!.columns).toContain('unitPrice');
  });

  it('refuses an unknown report or format (404 NOT_FOUND) and bad parameters (400 BAD_USER_INPUT naming them)', async () => {
    for (const path of ['/reports/nope.csv', '/reports/purchase-order-lines.xlsx', '/reports/purchase-order-lines']) {
      const response = await get(path);
      expect(response.status).toBe(404);
      expect((await errorOf(response)).extensions.code).toBe('NOT_FOUND');
    }
    const bad = {
      '/reports/purchase-order-lines.csv?supplier=x': 'supplier',
      '/reports/purchase-order-lines.csv?pageSize=0': 'pageSize',
      '/reports/purchase-order-lines.csv?pageSize=1001': 'pageSize',
      '/reports/purchase-order-lines.csv?bom=maybe': 'bom',
      '/reports/purchase-order-lines.csv?keepFormulas=1': 'keepFormulas',
      '/reports/orders-by-supplier.csv': 'supplierId',
      '/reports/orders-by-supplier.csv?supplierId=x&statuses=LOST': 'statuses',
      '/reports/orders-by-supplier.csv?supplierId=x&orderedFrom=2026-13-01': 'orderedFrom',
    };
    for (const [path, field] of Object.entries(bad)) {
      const response = await get(path);
      expect([path, response.status]).toEqual([path, 400]);
      expect(await errorOf(response)).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field } });
    }
  });

  it('answers 401 UNAUTHENTICATED without a valid token, before anything runs', async () => {
    const pages = stack.gatewayServer().egressStats().pages;
    for (const response of [
      await get('/reports/purchase-order-lines.csv', null),
      await get('/reports/nope.csv', null),
      await get('/reports/purchase-order-lines.csv', await tokenFor(undefined, { expired: true })),
      await post({ query: PRODUCTS, format: 'csv' }, null),
    ]) {
      expect(response.status).toBe(401);
      expect((await errorOf(response)).extensions.code).toBe('UNAUTHENTICATED');
    }
    expect(stack.gatewayServer().egressStats().pages).toBe(pages);
  });
});

describe('POST /export', () => {
  it('keeps commas, quotes, CR, LF, spaces and unicode intact through CSV and NDJSON; formulas neutralised in CSV unless kept', async () => {
    const names = ['Comma, inside', 'Quote " inside', '"Quoted"', 'Line\nbreak', 'Windows\r\nbreak', 'Lone\rCR', '  spaced  ', 'Ünïcödé 日本語 🚀 ﷽', 'a,"b"\r\nc,', '=1+2'];
    for (const [i, name] of names.entries()) {
      dataOf(await stack.gateway('mutation($input: CreateProductInput!) { createProduct(input: $input) { id } }', { input: { sku: `Q-${i}`, name, uom: 'EA' } }));
    }
    const products = dataOf<{ products: { nodes: { sku: string; name: string }[] } }>(await stack.gateway('{ products(first: 100) { nodes { sku name } } }')).products.nodes;
    expect(products.map((p) => p.name).sort()).toEqual([...names].sort());

    const csv = await post({ query: PRODUCTS, format: 'csv', pageSize: 3 });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="Products.csv"');
    const text = await csv.text();
    expect(text).toContain('"Quote "" inside"');
    expect(text).toContain('"""Quoted"""');
    // a name a spreadsheet would run as a formula gets an apostrophe, unless the caller keeps formulas
    expect(parseCsv(text)).toEqual([['sku', 'name'], ...products.map((p) => [p.sku, p.name.startsWith('=') ? `'${p.name}` : p.name])]);
    const verbatim = await post({ query: PRODUCTS, format: 'csv', pageSize: 3, keepFormulas: true });
    expect(parseCsv(await verbatim.text())).toEqual([['sku', 'name'], ...products.map((p) => [p.sku, p.name])]);

    const ndjson = await post({ query: PRODUCTS, format: 'ndjson', pageSize: 3 });
    expect((await ndjson.text()).trimEnd().split('\n').map((line) => JSON.parse(line))).toEqual(products);

    const withBom = await post({ query: PRODUCTS, format: 'csv', bom: true });
    const bytes = new Uint8Array(await withBom.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('exports any list-selecting document: leaf paths in selection order, nested lists one row per element', async () => {
    const response = await post({ query: PORTAL_PURCHASE_ORDERS, format: 'csv' });
    expect(response.status).toBe(200);
    const [header, ...rows] = parseCsv(await response.text()) as string[][];
    expect(header).toEqual(['id', 'number', 'status', 'supplier.id', 'lines.id', 'lines.quantity', 'lines.unitPrice', 'shipments.id', 'shipments.supplier.id']);
    // lines and shipments are sibling lists: each line meets each shipment (an order without shipments keeps its lines)
    expect(rows).toHaveLength(orders.reduce((n, po) => n + po.lines.length * Math.max(1, po.shipments.length), 0));
  });

  it('takes a column map: exactly those columns, in that order, under those headers', async () => {
    const hash = sha256(PORTAL_PURCHASE_ORDERS);
    const response = await post({ extensions: { persistedQuery: { sha256Hash: hash } }, format: 'csv', columns: { 'Line quantity': 'lines.quantity', PO: 'number' } });
    expect(response.status).toBe(200);
    const [header, ...rows] = parseCsv(await response.text()) as string[][];
    expect(header).toEqual(['Line quantity', 'PO']);
    expect(rows).toEqual(orders.flatMap((po) => po.lines.map((l) => [String(l.quantity), po.number])));
    const bad = await post({ query: PORTAL_PURCHASE_ORDERS, format: 'csv', columns: { PO: 'lines' } });
    expect(bad.status).toBe(400);
    expect(await errorOf(bad)).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'columns.PO' } });
  });

  it('lets a PARTNER export trusted documents only, its own rows', async () => {
    const supplierId = orders[0]!.supplier.id;
    const partner = await tokenFor({ roles: ['PARTNER'], supplierId });
    const pages = stack.gatewayServer().egressStats().pages;
    for (const refused of [
      await post({ query: PRODUCTS, format: 'csv' }, partner),
      await post({ query: PORTAL_PURCHASE_ORDERS.replace('number', 'number currency'), format: 'csv' }, partner),
      await get(`/reports/orders-by-supplier.csv?supplierId=${supplierId}`, partner), // its own document is not in the manifest
    ]) {
      expect(refused.status).toBe(403);
      expect((await errorOf(refused)).extensions.code).toBe('OPERATION_NOT_TRUSTED');
    }
    const byHash = await post({ extensions: { persistedQuery: { sha256Hash: sha256(PORTAL_PURCHASE_ORDERS) } }, format: 'ndjson', columns: { supplierId: 'supplier.id' } }, partner);
    expect(byHash.status).toBe(200);
    const rows = (await byHash.text()).trimEnd().split('\n').map((line) => JSON.parse(line) as { supplierId: string });
    // no column passes through a list: one row per order
    expect(rows.length).toBe(orders.filter((po) => po.supplier.id === supplierId).length);
    expect(new Set(rows.map((r) => r.supplierId))).toEqual(new Set([supplierId]));
    expect(stack.gatewayServer().egressStats().pages).toBeGreaterThan(pages);
  });

  it('refuses, before the first byte and with its code, what cannot be exported', async () => {
    const cases: [unknown, number, Record<string, unknown>][] = [
      [{ query: PRODUCTS }, 400, { code: 'BAD_USER_INPUT', field: 'format' }],
      [{ query: PRODUCTS, format: 'xlsx' }, 400, { code: 'BAD_USER_INPUT', field: 'format' }],
      [{ format: 'csv' }, 400, { code: 'BAD_USER_INPUT', field: 'query' }],
      [{ format: 'csv', extensions: { persistedQuery: { sha256Hash: 'f'.repeat(64) } } }, 400, { code: 'PERSISTED_QUERY_NOT_FOUND' }],
      [{ query: '{ products(', format: 'csv' }, 400, { code: 'GRAPHQL_PARSE_FAILED' }],
      [{ query: '{ product(id: "x") { sku } }', format: 'csv' }, 400, { code: 'BAD_USER_INPUT', reason: 'NOT_A_CONNECTION' }],
      [{ query: '{ products(first: 10) { nodes { sku } pageInfo { hasNextPage endCursor } } }', format: 'csv' }, 400, { code: 'BAD_USER_INPUT', reason: 'NOT_A_CONNECTION' }],
      [{ query: PRODUCTS, format: 'csv', pageSize: 5000 }, 400, { code: 'BAD_USER_INPUT', field: 'pageSize' }],
      [{ query: PRODUCTS.replace('name', 'colour'), format: 'csv' }, 400, { code: 'GRAPHQL_VALIDATION_FAILED' }],
      [{ query: PRODUCTS, variables: { first: 'many' }, format: 'csv' }, 400, { code: 'BAD_USER_INPUT', field: 'variables.first' }],
      // 1,000 orders × 10 assumed lines × 30 aliased fields: over the gateway's cost limit
      [{ query: `query($first: Int!, $after: String) { purchaseOrders(first: $first, after: $after) { pageInfo { hasNextPage endCursor } nodes { lines { ${Array.from({ length: 12 }, (_, i) => `a${i}: id`).join(' ')} } } } }`, format: 'csv', pageSize: 1000 }, 400, { code: 'OPERATION_TOO_COMPLEX' }],
    ];
    for (const [body, status, extensions] of cases) {
      const response = await post(body);
      expect([body, response.status]).toEqual([body, status]);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await errorOf(response)).toMatchObject({ extensions });
    }
  });
});

describe('streaming', () => {
  let side: SideGateway;
  let callers = 0;
  /** A caller of its own: the side gateway's rate limit (2 a minute) counts per subject. */
  const analyst = () => tokenFor({ roles: ['ANALYST'], sub: `streaming-analyst-${++callers}` });
  const exportUrl = () => `${side.url.replace(/\/graphql$/, '')}/export`;
  // Each order's four lines selected four times over: 4⁴ = 256 rows of ~160 bytes per order, ~200 kB per
  // page of 5 orders, 40 MB in all — far more than the socket buffers between the gateway and a reader
  // that reads nothing (a few MB on loopback), for one cheap upstream request per page.
  const WIDE = `query Wide($first: Int!, $after: String) { purchaseOrders(first: $first, after: $after) {
    pageInfo { hasNextPage endCursor }
    nodes { number a: lines { id } b: lines { id } c: lines { id } d: lines { id } } } }`;
  const PAGES = PURCHASE_ORDERS / 5;

  beforeAll(async () => {
    side = await sideGateway(stack, SUBGRAPHS, { limits: { rateLimit: { requestsPerMinute: 2 } } });
  });
  afterAll(async () => {
    await side?.stop();
  });

  it('waits for a reader that does not read: the paging stops far short of the end, and goes on once it reads', async () => {
    const exported = await openExport(exportUrl(), await analyst(), { body: { query: WIDE, format: 'csv', pageSize: 5 } });
    expect(exported.status).toBe(200);
    const stalledAt = await settled(() => side.proxy.requests, 3_000, 90_000);
    expect(side.gateway.egressStats().active).toBe(1);
    // what the socket buffers hold (a few MB: a few dozen pages here), nowhere near the export's 200 pages
    expect(stalledAt).toBeLessThan(PAGES / 2);
    exported.response.resume();
    await until(() => side.proxy.requests > stalledAt + 10, 60_000); // reading again: the paging goes on
    exported.destroy();
    await settled(() => side.gateway.egressStats().active, 500);
    expect(side.gateway.egressStats()).toMatchObject({ active: 0, aborted: 1 });
  }, 180_000);

  it('stops paging when the client hangs up', async () => {
    const before = side.proxy.requests;
    const exported = await openExport(exportUrl(), await analyst(), { body: { query: WIDE, format: 'ndjson', pageSize: 5 } });
    expect(exported.status).toBe(200);
    await new Promise<void>((resolve) => exported.response.once('data', () => resolve()).resume());
    exported.destroy();
    await settled(() => side.gateway.egressStats().active, 500);
    const stoppedAt = await settled(() => side.proxy.requests, 1_000);
    expect(side.gateway.egressStats()).toMatchObject({ active: 0, aborted: 2 });
    expect(stoppedAt - before).toBeLessThan(PAGES / 2);
  }, 120_000);

  it('ends a CSV or NDJSON stream that fails after its first byte with the marker line', async () => {
    const token = await analyst();
    side.proxy.failFrom = side.proxy.requests + 3; // the third page fails
    const csv = await openExport(exportUrl(), token, { body: { query: PRODUCTS.replace('products', 'purchaseOrders').replace('sku name', 'number'), format: 'csv', pageSize: 10 } });
    expect(csv.status).toBe(200);
    const records = parseCsv(await csv.text(), { relax_column_count: true }) as string[][];
    expect(records).toHaveLength(1 + 20 + 1);
    expect(records.at(-1)).toEqual(['#ERROR INTERNAL_SERVER_ERROR: Internal server error (after 20 rows)']);

    side.proxy.failFrom = side.proxy.requests + 2;
    const ndjson = await openExport(exportUrl(), token, { body: { query: PRODUCTS.replace('products', 'purchaseOrders').replace('sku name', 'number lines { quantity }'), format: 'ndjson', pageSize: 1 } });
    const lines = (await ndjson.text()).trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(4 + 1);
    expect(lines[0]).toEqual({ number: orders[0]!.number, 'lines.quantity': orders[0]!.lines[0]!.quantity });
    expect(lines.at(-1)).toEqual({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error', rows: 4 } });
    expect(side.gateway.egressStats().failed).toBe(2);
    side.proxy.failFrom = 0;
  });

  it('gzipped too: a failure after the first byte ends the stream with the marker line, and a client hanging up stops the paging', async () => {
    const token = await analyst();
    side.proxy.failFrom = side.proxy.requests + 3;
    const csv = await openExport(exportUrl(), token, {
      body: { query: PRODUCTS.replace('products', 'purchaseOrders').replace('sku name', 'number'), format: 'csv', pageSize: 10 },
      acceptEncoding: 'gzip',
    });
    expect(csv.headers['content-encoding']).toBe('gzip');
    const records = parseCsv(await csv.text(), { relax_column_count: true }) as string[][];
    side.proxy.failFrom = 0;
    expect(records).toHaveLength(1 + 20 + 1);
    expect(records.at(-1)).toEqual(['#ERROR INTERNAL_SERVER_ERROR: Internal server error (after 20 rows)']);

    const before = side.proxy.requests;
    const aborted = side.gateway.egressStats().aborted;
    side.proxy.holdFrom = before + 2; // the second page waits at the proxy
    const wide = await openExport(exportUrl(), token, { body: { query: WIDE, format: 'csv', pageSize: 1 }, acceptEncoding: 'gzip' });
    expect(wide.headers['content-encoding']).toBe('gzip');
    // the first page (256 rows, compressed far below gzip's 16 kB output buffer) reaches the reader while
    // the second is still being fetched: each page is flushed as it is written
    const gunzip = createGunzip().on('error', () => undefined);
    let text = '';
    gunzip.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    wide.response.on('error', () => undefined).pipe(gunzip);
    await until(() => text.split('\r\n').length > 256, 10_000);
    expect(text).toMatch(/^number,a\.id,/);
    expect(side.proxy.requests).toBe(before + 2);
    side.proxy.release();
    wide.destroy();
    await settled(() => side.gateway.egressStats().active, 500);
    const stoppedAt = await settled(() => side.proxy.requests, 1_000);
    expect(side.gateway.egressStats()).toMatchObject({ active: 0, aborted: aborted + 1 });
    expect(stoppedAt - before).toBeLessThan(PAGES / 2);
  }, 120_000);

  it('takes one rate-limit token per export, whatever its pages; past the limit the answer is 429 before the first byte', async () => {
    const own = await analyst(); // the side gateway allows 2 requests a minute per caller
    for (let i = 0; i < 2; i++) {
      const response = await openExport(exportUrl(), own, { body: { query: PRODUCTS, format: 'csv', pageSize: 1 } }); // 10 pages each
      expect(response.status).toBe(200);
      expect(parseCsv(await response.text())).toHaveLength(11);
    }
    const limited = await openExport(exportUrl(), own, { body: { query: PRODUCTS, format: 'csv' } });
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toMatch(/^\d+$/);
    expect(JSON.parse(await limited.text())).toMatchObject({ errors: [{ extensions: { code: 'RATE_LIMITED' } }] });
  });

  it('answers a failure on the first page as a coded JSON error, with no CSV sent', async () => {
    side.proxy.failFrom = side.proxy.requests + 1;
    const response = await openExport(exportUrl(), await analyst(), { body: { query: WIDE, format: 'csv', pageSize: 5 } });
    side.proxy.failFrom = 0;
    expect(response.status).toBe(500);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(await response.text())).toEqual({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
  });
});
