// Every named report end to end on the seeded world (issue 6): GET /reports/<name>.csv and .ndjson for
// each report of the gateway's registry — a report added there is covered here, or this suite fails until
// it has a case below. The CSV must carry the report's columns and exactly the rows of the same document
// run through /graphql (all pages, flattened along the columns), the NDJSON the same rows; an ANALYST gets
// what an ADMIN gets; a PARTNER gets exactly its own supplier's rows, or a coded refusal for the brand's
// internal reports; bad parameters are coded refusals before any row. Periods are found in the data.
// REPORTS_TIMING=1 prints how long the stack, the seed and the /graphql references took, and the cases.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startStack, tokenFor, type Stack } from '@cmgraph/testkit';
import { REPORTS, type ReportDefinition } from '@cmgraph/gateway/src/egress';
import { TrustedDocuments } from '@cmgraph/gateway/src/limits';
import { columnsOf, csvTable, download, everyNode, flattenNode, ndjsonRows, refusalOf, variablesOf, type Download, type ReportColumn } from './reports.fixture';

/** The status of a download, with its coded error when it is not 200 (so a failure says why). */
const outcome = (result: Download) => ({ status: result.status, error: result.status === 200 ? null : refusalOf(result) });
const OK = { status: 200, error: null };

/** Stands for "the most recent completed quarter in which this report has rows" (found in beforeAll). */
const WITH_DATA = '<period with data>';

interface ReportCase {
  /** Query-string parameters; every required parameter of the report must be here. */
  params: Record<string, string>;
  /** What a partner gets: its own rows (by the supplier column, when the report has one), or a refusal. */
  partner: 'own rows' | 'FORBIDDEN';
  /** When the report has "data" in a period, beyond having rows (the scorecard lists every supplier). */
  hasData?: (nodes: any[]) => boolean;
}

const CASES: Record<string, ReportCase> = {
  'purchase-order-lines': { params: {}, partner: 'own rows' },
  'supplier-scorecard': { params: { period: WITH_DATA }, partner: 'own rows', hasData: (nodes) => nodes.some((n) => n.score !== null) },
  'delivery-performance': { params: { period: WITH_DATA, groupBy: 'SUPPLIER' }, partner: 'own rows' },
  'open-po-risk': { params: {}, partner: 'own rows' },
  quality: { params: { period: WITH_DATA, groupBy: 'SUPPLIER' }, partner: 'own rows' },
  oee: { params: { period: WITH_DATA, groupBy: 'LINE' }, partner: 'own rows' },
  // by supplier: the default (by scope) rows carry no supplier to check a partner's rows against
  carbon: { params: { period: WITH_DATA, groupBy: 'SUPPLIER' }, partner: 'own rows' },
  'single-source-risk': { params: {}, partner: 'FORBIDDEN' },
  stock: { params: {}, partner: 'FORBIDDEN' },
};

/**
 * The CSV export is asked for pages of a quarter of the report's nodes (at least 2): every export then
 * crosses several page seams of its own cursors, at other rows than /graphql's pages of 250 and the
 * NDJSON's single default page (500), and a figure that depends on what else is on its page shows.
 */
const exportPageSize = (nodes: number) => String(Math.max(2, Math.ceil(nodes / 4)));

interface Prepared {
  definition: ReportDefinition;
  params: Record<string, string>;
  columns: ReportColumn[];
  /** The rows through /graphql as ADMIN, as cell texts, and how many nodes they came from. */
  rows: string[][];
  nodes: number;
  /** Column indexes holding a supplier's id or code. */
  supplierColumns: { index: number; by: 'id' | 'code' }[];
}

let stack: Stack;
let base: string;
let admin: string;
let analyst: string;
let partner: string;
let partnerSupplier: { id: string; code: string };
const prepared = new Map<string, Prepared>();

const SUPPLIERS = 'query($first: Int!, $after: String) { suppliers(first: $first, after: $after) { nodes { id code } pageInfo { hasNextPage endCursor } } }';
const ORDER_DATES = 'query($first: Int!, $after: String) { purchaseOrders(first: $first, after: $after) { nodes { orderedAt } pageInfo { hasNextPage endCursor } } }';

/**
 * Quarters of the years the seed's orders were placed in, most recent first, that have ended by now: a
 * period that contains now is not a fixed set of facts (OEE counts a running work order up to now), so
 * the export and its /graphql reference, read a moment apart, could rightly differ.
 */
function completedQuarters(orderedAt: string[]): string[] {
  const years = [...new Set(orderedAt.map((at) => Number(at.slice(0, 4))))].sort((a, b) => b - a);
  const now = Date.now();
  return years.flatMap((year) => [4, 3, 2, 1].filter((q) => Date.UTC(year, q * 3, 1) <= now).map((q) => `${year}-Q${q}`));
}

/**
 * A row with its decimals cut to 12 significant digits, for comparing figures. Subgraphs sum floats in
 * SQL over the rows of a batch (a page of entities) or of a partner's scope, so one figure may differ in
 * its last bit with the page size or the caller (20558.809816 vs 20558.809815999997): the same figure.
 */
function comparable(row: readonly string[]): string[] {
  return row.map((cell) => (/^-?\d+\.\d+(?:e[+-]?\d+)?$/i.test(cell) ? String(Number(Number(cell).toPrecision(12))) : cell));
}

function url(name: string, format: 'csv' | 'ndjson', params: Record<string, string>, extra: Record<string, string> = {}): string {
  return `${base}/reports/${name}.${format}?${new URLSearchParams({ ...params, ...extra })}`;
}

beforeAll(async () => {
  const t0 = Date.now();
  stack = await startStack();
  const t1 = Date.now();
  await stack.seed('small');
  const t2 = Date.now();
  base = stack.gatewayUrl.replace(/\/graphql$/, '');
  [admin, analyst] = await Promise.all([tokenFor(), tokenFor({ roles: ['ANALYST'], sub: 'bi-tool' })]);
  const trusted = TrustedDocuments.load();
  const suppliers = (await everyNode(stack.gateway, SUPPLIERS, 'suppliers', {}, 1000)) as { id: string; code: string }[];
  const idOfCode = new Map(suppliers.map((s) => [s.code, s.id]));
  const orderedAt = ((await everyNode(stack.gateway, ORDER_DATES, 'purchaseOrders', {}, 1000)) as { orderedAt: string }[]).map((o) => o.orderedAt);
  const periods = completedQuarters(orderedAt);
  expect(periods.length).toBeGreaterThan(0);

  for (const definition of REPORTS) {
    const testCase = CASES[definition.name];
    if (!testCase) continue; // the first test names it
    const document = definition.document ?? trusted.documentNamed(definition.operationName)!;
    const columns = columnsOf(definition, document);
    const run = (params: Record<string, string>) => everyNode(stack.gateway, document, definition.list, variablesOf(definition, params));
    let params = testCase.params;
    let nodes: unknown[] = [];
    if (Object.values(params).includes(WITH_DATA)) {
      for (const period of periods) {
        const candidate = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, v === WITH_DATA ? period : v]));
        nodes = await run(candidate);
        if (nodes.length && (testCase.hasData?.(nodes) ?? true)) {
          params = candidate;
          break;
        }
      }
    } else {
      nodes = await run(params);
    }
    const supplierColumns = columns.flatMap((c, index) => {
      const match = /(?:^|\.)supplier\.(id|code)$/.exec(c.path);
      return match ? [{ index, by: match[1] as 'id' | 'code' }] : [];
    });
    prepared.set(definition.name, { definition, params, columns, rows: nodes.flatMap((n) => flattenNode(n, columns)), nodes: nodes.length, supplierColumns });
  }

  // the partner: the supplier with rows in the most supplier-carrying reports (then the most rows)
  const score = new Map<string, { reports: number; rows: number }>();
  for (const report of prepared.values()) {
    const seen = new Map<string, number>();
    for (const row of report.rows) {
      for (const { index, by } of report.supplierColumns) {
        const id = by === 'id' ? row[index]! : idOfCode.get(row[index]!);
        if (id) seen.set(id, (seen.get(id) ?? 0) + 1);
      }
    }
    for (const [id, rows] of seen) {
      const s = score.get(id) ?? { reports: 0, rows: 0 };
      score.set(id, { reports: s.reports + 1, rows: s.rows + rows });
    }
  }
  const [best] = [...score.entries()].sort(([, a], [, b]) => b.reports - a.reports || b.rows - a.rows);
  if (!best) throw new Error('no report row carries a supplier');
  partnerSupplier = suppliers.find((s) => s.id === best[0])!;
  partner = await tokenFor({ roles: ['PARTNER'], supplierId: partnerSupplier.id, sub: 'cm-reports' });
  if (process.env.REPORTS_TIMING) {
    const cases = [...prepared.values()].map((r) => [r.definition.name, r.params, r.rows.length]);
    process.stdout.write(`reports: start ${t1 - t0} ms, seed ${t2 - t1} ms, prepare ${Date.now() - t2} ms; partner ${partnerSupplier.code}; ${JSON.stringify(cases)}\n`);
  }
}, 300_000);

afterAll(async () => {
  await stack?.stop();
});

it('every report of the registry has a case here, with every required parameter', () => {
  const missing = REPORTS.flatMap((r) => {
    const testCase = CASES[r.name];
    if (!testCase) return [`${r.name}: no case`];
    return Object.entries(r.params ?? {}).filter(([name, p]) => p.required && !(name in testCase.params)).map(([name]) => `${r.name}: ${name}`);
  });
  expect(missing).toEqual([]);
  // a period the data has rows in was found for every report that takes one
  expect([...prepared.values()].filter((r) => Object.values(r.params).includes(WITH_DATA)).map((r) => r.definition.name)).toEqual([]);
});

describe.each(REPORTS.map((r) => [r.name] as const))('report %s', (name) => {
  const report = () => prepared.get(name) ?? (() => { throw new Error(`${name}: no case in reports.test.ts`); })();

  it('ADMIN: the CSV has the report\'s columns and the /graphql rows; the NDJSON the same rows', async () => {
    const { columns, params, rows, nodes } = report();
    expect(rows.length).toBeGreaterThan(0);
    const csv = await download(url(name, 'csv', params, { pageSize: exportPageSize(nodes) }), admin);
    expect(outcome(csv)).toEqual(OK);
    expect(csv.contentType).toBe('text/csv; charset=utf-8');
    const table = csvTable(csv.text);
    expect(table.header).toEqual(columns.map((c) => c.header));
    expect(table.rows.length).toBe(rows.length);
    expect(table.rows.map(comparable)).toEqual(rows.map(comparable));
    const ndjson = await download(url(name, 'ndjson', params), admin);
    expect(outcome(ndjson)).toEqual(OK);
    expect(ndjson.contentType).toBe('application/x-ndjson');
    expect(ndjsonRows(ndjson.text, table.header).map(comparable)).toEqual(table.rows.map(comparable));
  });

  it('ANALYST (BI, read-only) gets what ADMIN gets', async () => {
    const { params, rows } = report();
    const csv = await download(url(name, 'csv', params), analyst);
    expect(outcome(csv)).toEqual(OK);
    expect(csvTable(csv.text).rows.map(comparable)).toEqual(rows.map(comparable));
  });

  it('PARTNER: its own supplier\'s rows, or a coded refusal', async () => {
    const { params, rows, columns, supplierColumns } = report();
    const expected = CASES[name]!.partner;
    const csv = await download(url(name, 'csv', params), partner);
    if (expected === 'FORBIDDEN') {
      expect(refusalOf(csv)).toEqual({ status: 403, code: 'FORBIDDEN', message: expect.any(String), json: true });
      return;
    }
    expect(outcome(csv)).toEqual(OK);
    const table = csvTable(csv.text);
    expect(table.header).toEqual(columns.map((c) => c.header));
    if (supplierColumns.length) {
      const own = (row: string[]) => supplierColumns.every(({ index, by }) => row[index] === partnerSupplier[by]);
      // every row is the partner's, and it gets every one of its rows as the brand sees them
      expect(table.rows.filter((row) => !own(row))).toEqual([]);
      const adminRows = rows.filter(own);
      expect(adminRows.length).toBeGreaterThan(0);
      expect(table.rows.map(comparable)).toEqual(adminRows.map(comparable));
    } else {
      // no supplier column (OEE is by facility/line): a partner's rows are some of the brand's
      const brand = new Set(rows.map((row) => JSON.stringify(comparable(row))));
      expect(table.rows.filter((row) => !brand.has(JSON.stringify(comparable(row))))).toEqual([]);
      expect(table.rows.length).toBeGreaterThan(0);
      expect(table.rows.length).toBeLessThan(rows.length);
    }
  });
});

describe('bad requests: coded refusals before any row', () => {
  const refused = async (path: string, token = admin) => refusalOf(await download(`${base}${path}`, token));

  it('an unknown report or format is 404 NOT_FOUND', async () => {
    expect(await refused('/reports/no-such-report.csv')).toMatchObject({ status: 404, code: 'NOT_FOUND', json: true });
    expect(await refused('/reports/stock.xlsx')).toMatchObject({ status: 404, code: 'NOT_FOUND', json: true });
    expect(await refused('/reports/no-such-report.ndjson', partner)).toMatchObject({ status: 404, code: 'NOT_FOUND', json: true });
  });

  it('a malformed period is 400 BAD_USER_INPUT for every report that takes one', async () => {
    const withPeriod = REPORTS.filter((r) => r.params?.period);
    expect(withPeriod.length).toBeGreaterThan(0);
    for (const definition of withPeriod) {
      const { params } = prepared.get(definition.name)!;
      for (const period of ['2026-13', 'last year', '2026-Q5']) {
        const answer = await refused(`/reports/${definition.name}.csv?${new URLSearchParams({ ...params, period })}`);
        expect({ name: definition.name, period, ...answer }).toMatchObject({ name: definition.name, period, status: 400, code: 'BAD_USER_INPUT', json: true });
      }
    }
  });

  it('an unknown parameter, a value outside an enum, a malformed date or page size is 400 BAD_USER_INPUT', async () => {
    const quality = prepared.get('quality')!.params;
    const cases = [
      `/reports/stock.csv?${new URLSearchParams({ warehouse: 'X' })}`,
      `/reports/quality.csv?${new URLSearchParams({ ...quality, groupBy: 'COLOUR' })}`,
      `/reports/open-po-risk.ndjson?${new URLSearchParams({ dueBefore: '2026-02-30' })}`,
      `/reports/stock.csv?${new URLSearchParams({ pageSize: '0' })}`,
      '/reports/supplier-scorecard.csv', // its period is required
    ];
    for (const path of cases) expect({ path, ...(await refused(path)) }).toMatchObject({ path, status: 400, code: 'BAD_USER_INPUT', json: true });
  });
});
