// The pure parts of tabular egress: what a document exports (connection, variables, leaf paths), how a
// node becomes rows, RFC 4180 quoting, and report parameters. The HTTP behaviour is in egress.test.ts.
import { describe, expect, it } from '@jest/globals';
import { parse } from 'graphql';
import { parse as parseCsv } from 'csv-parse/sync';
import { exportShape } from '../src/egress/document';
import { EgressError } from '../src/egress/errors';
import { CHUNK_CHARS, FORMATS, csvField } from '../src/egress/formats';
import { pageSizeOf, variablesFromQuery } from '../src/egress/params';
import { RowFlattener, resolveColumns } from '../src/egress/rows';

const codeOf = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    return error instanceof EgressError ? { code: error.code, ...error.details } : String(error);
  }
  return 'no error';
};

describe('the export shape of a document', () => {
  it('finds the connection, its page variables and the node leaf paths in selection order, fragments and aliases included', () => {
    const shape = exportShape(
      parse(`
        query Orders($n: Int!, $cursor: String, $status: [PurchaseOrderStatus!]) {
          me: viewer { name }
          purchaseOrders(first: $n, after: $cursor, filter: { statuses: $status }) {
            page: pageInfo { more: hasNextPage endCursor }
            edges { cursor node { ...Head supplier { code } lines { qty: quantity product { sku } } } }
          }
        }
        fragment Head on PurchaseOrder { number status ... on PurchaseOrder { number currency } }
      `),
    );
    expect(shape).toEqual({
      operationName: 'Orders',
      listPath: ['purchaseOrders'],
      firstVariable: 'n',
      afterVariable: 'cursor',
      nodesPath: ['edges', 'node'],
      pageInfo: { key: 'page', hasNextPage: 'more', endCursor: 'endCursor' },
      leafPaths: ['number', 'status', 'currency', 'supplier.code', 'lines.qty', 'lines.product.sku'],
    });
  });

  it('finds a connection nested under an object, and uses `nodes` when the document selects them', () => {
    const shape = exportShape(parse('query($id: ID!, $f: Int!, $a: String) { supplier(id: $id) { purchaseOrders(first: $f, after: $a) { nodes { number } pageInfo { hasNextPage endCursor } } } }'));
    expect(shape.listPath).toEqual(['supplier', 'purchaseOrders']);
    expect(shape.nodesPath).toEqual(['nodes']);
  });

  it('refuses documents that select no pageable list, several, or a page size that is not a variable', () => {
    const refusal = { code: 'BAD_USER_INPUT', field: 'query', reason: 'NOT_A_CONNECTION' };
    expect(codeOf(() => exportShape(parse('{ supplier(id: "1") { name } }')))).toEqual(refusal);
    expect(codeOf(() => exportShape(parse('query($f: Int!, $a: String) { suppliers(first: $f, after: $a) { nodes { name } } }')))).toEqual(refusal); // no pageInfo
    expect(codeOf(() => exportShape(parse('query($f: Int!, $a: String) { suppliers(first: $f, after: $a) { nodes { name } pageInfo { hasNextPage } } }')))).toEqual(refusal);
    expect(codeOf(() => exportShape(parse('query($a: String) { suppliers(first: 10, after: $a) { nodes { name } pageInfo { hasNextPage endCursor } } }')))).toEqual(refusal);
    expect(
      codeOf(() => exportShape(parse('query($f: Int!, $a: String) { a: suppliers(first: $f, after: $a) { nodes { name } pageInfo { hasNextPage endCursor } } b: products(first: $f, after: $a) { nodes { sku } pageInfo { hasNextPage endCursor } } }'))),
    ).toEqual(refusal);
    expect(codeOf(() => exportShape(parse('mutation { x }')))).toEqual({ code: 'BAD_USER_INPUT', field: 'query' });
    expect(codeOf(() => exportShape(parse('query A { a } query B { b }')))).toEqual({ code: 'BAD_USER_INPUT', field: 'operationName' });
  });
});

describe('rows of a node', () => {
  const rowsOf = (paths: string[], node: unknown) => {
    const out: unknown[][] = [];
    new RowFlattener(resolveColumns(paths)).flatten(node, out);
    return out;
  };

  it('gives one row per element of a nested list, the parent\'s values repeated', () => {
    const node = { number: 'PO-1', supplier: { code: 'CM-1' }, lines: [{ qty: 1, product: { sku: 'A' } }, { qty: 2, product: null }] };
    expect(rowsOf(['number', 'supplier.code', 'lines.qty', 'lines.product.sku'], node)).toEqual([
      ['PO-1', 'CM-1', 1, 'A'],
      ['PO-1', 'CM-1', 2, undefined],
    ]);
  });

  it('keeps a parent with an empty list or a null object as one row with empty cells there', () => {
    expect(rowsOf(['number', 'lines.qty'], { number: 'PO-2', lines: [] })).toEqual([['PO-2', undefined]]);
    expect(rowsOf(['number', 'supplier.code'], { number: 'PO-3', supplier: null })).toEqual([['PO-3', undefined]]);
  });

  it('expands only the lists the columns pass through; sibling lists multiply', () => {
    const node = { n: 1, a: [{ x: 1 }, { x: 2 }], b: [{ y: 'p' }, { y: 'q' }, { y: 'r' }] };
    expect(rowsOf(['n', 'a.x'], node)).toHaveLength(2);
    expect(rowsOf(['n', 'a.x', 'b.y'], node)).toEqual([
      [1, 1, 'p'], [1, 1, 'q'], [1, 1, 'r'],
      [1, 2, 'p'], [1, 2, 'q'], [1, 2, 'r'],
    ]);
  });

  it('takes a column map in its order and refuses paths that are not leaves of the document', () => {
    expect(resolveColumns(['a', 'b.c'], { C: 'b.c', A: 'a' })).toEqual([{ header: 'C', path: 'b.c' }, { header: 'A', path: 'a' }]);
    expect(resolveColumns(['a'], [{ header: '2026', path: 'a' }, { header: '1', path: 'a' }]).map((c) => c.header)).toEqual(['2026', '1']);
    expect(codeOf(() => resolveColumns(['a', 'b.c'], { X: 'b' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'columns.X' });
    expect(codeOf(() => resolveColumns(['a'], {}))).toEqual({ code: 'BAD_USER_INPUT', field: 'columns' });
  });
});

describe('CSV and NDJSON text', () => {
  it('quotes a field holding a comma, a quote, CR or LF, doubling its quotes, and leaves others alone', () => {
    expect(csvField('plain text')).toBe('plain text');
    expect(csvField(' spaced ')).toBe(' spaced ');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField('cr\ronly')).toBe('"cr\ronly"');
    expect(csvField('Ünïcödé 日本語 🚀')).toBe('Ünïcödé 日本語 🚀');
  });

  it('writes CRLF records that csv-parse reads back to the same values', () => {
    const columns = resolveColumns(['text', 'n', 'flag', 'list', 'none']);
    const rows = [
      ['a,"b"\r\nc', 1.5, true, ['x', 'y'], null],
      ['', -2, false, [], undefined],
    ];
    const text = FORMATS.csv.header(columns, false) + FORMATS.csv.rows(rows, columns).join('');
    expect(text).toBe('text,n,flag,list,none\r\n"a,""b""\r\nc",1.5,true,"[""x"",""y""]",\r\n,-2,false,[],\r\n');
    expect(parseCsv(text)).toEqual([
      ['text', 'n', 'flag', 'list', 'none'],
      ['a,"b"\r\nc', '1.5', 'true', '["x","y"]', ''],
      ['', '-2', 'false', '[]', ''],
    ]);
    expect(FORMATS.csv.header(columns, true).charCodeAt(0)).toBe(0xfeff);
  });

  it('neutralises text a spreadsheet would run as a formula, unless asked to keep it; numbers untouched', () => {
    const columns = resolveColumns(['note', 'n']);
    const hostile = ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd'];
    const rows = [...hostile.map((note) => [note, -5]), ['plain - text', 0], ["'quoted", 1]];
    const cells = (options?: { keepFormulas?: boolean }) => parseCsv(FORMATS.csv.rows(rows, columns, options).join('')).map((r) => r[0]);
    expect(cells()).toEqual([...hostile.map((note) => `'${note}`), 'plain - text', "'quoted"]);
    expect(parseCsv(FORMATS.csv.rows(rows, columns).join('')).map((r) => r[1])).toEqual([...hostile.map(() => '-5'), '0', '1']);
    expect(cells({ keepFormulas: true })).toEqual([...hostile, 'plain - text', "'quoted"]);
    expect(FORMATS.ndjson.rows([['=1+1', -5]], columns).join('')).toBe('{"note":"=1+1","n":-5}\n');
  });

  it('cuts a page into strings of about CHUNK_CHARS, whole records each', () => {
    const columns = resolveColumns(['text']);
    const rows = Array.from({ length: 1000 }, (_, i) => [`${'x'.repeat(99)}${i % 10}`]);
    const chunks = FORMATS.csv.rows(rows, columns);
    expect(chunks.map((c) => c.length / 102)).toEqual([322, 322, 322, 34]); // a chunk closes at the record that reaches CHUNK_CHARS
    for (const chunk of chunks) expect(chunk.endsWith('\r\n') && chunk.length <= CHUNK_CHARS + 102).toBe(true);
    expect(chunks.join('')).toBe(rows.map((r) => `${r[0]}\r\n`).join(''));
  });

  it('writes one flat JSON object per NDJSON line, missing values as null, and a distinct error line', () => {
    const columns = resolveColumns(['a', 'b.c']);
    expect(FORMATS.ndjson.rows([['x', 1], [undefined, null]], columns).join('')).toBe('{"a":"x","b.c":1}\n{"a":null,"b.c":null}\n');
    expect(JSON.parse(FORMATS.ndjson.errorMarker('INTERNAL_SERVER_ERROR', 'boom', 7))).toEqual({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'boom', rows: 7 } });
    expect(parseCsv(FORMATS.csv.errorMarker('INTERNAL_SERVER_ERROR', 'boom, again', 7))).toEqual([['#ERROR INTERNAL_SERVER_ERROR: boom, again (after 7 rows)']]);
  });
});

describe('report parameters', () => {
  const params = {
    supplierId: { type: 'id', required: true, variable: 'filter.supplierId' },
    statuses: { type: 'string', list: true, values: ['OPEN', 'CLOSED'], variable: 'filter.statuses' },
    from: { type: 'date' },
    top: { type: 'int', default: 10 },
    strict: { type: 'boolean' },
  } as const;

  it('become the variables, nested where asked, lists from repeats or commas, defaults filled in', () => {
    expect(variablesFromQuery(params, { supplierId: 's-1', statuses: ['OPEN', 'CLOSED'], from: '2026-02-28', strict: 'true', pageSize: '10' })).toEqual({
      filter: { supplierId: 's-1', statuses: ['OPEN', 'CLOSED'] },
      from: '2026-02-28',
      top: 10,
      strict: true,
    });
    expect(variablesFromQuery(params, { supplierId: 's-1', statuses: 'OPEN,CLOSED', top: '3' })).toEqual({ filter: { supplierId: 's-1', statuses: ['OPEN', 'CLOSED'] }, top: 3 });
  });

  it('refuse what is unknown, missing or malformed, naming the parameter', () => {
    const field = (query: Record<string, unknown>) => (codeOf(() => variablesFromQuery(params, query)) as { field?: string }).field;
    expect(field({ supplierId: 's', nope: '1' })).toBe('nope');
    expect(field({})).toBe('supplierId');
    expect(field({ supplierId: ['a', 'b'] })).toBe('supplierId');
    expect(field({ supplierId: 's', statuses: 'OPEN,LOST' })).toBe('statuses');
    expect(field({ supplierId: 's', from: '2026-02-30' })).toBe('from');
    expect(field({ supplierId: 's', top: '1.5' })).toBe('top');
    expect(field({ supplierId: 's', strict: 'yes' })).toBe('strict');
    expect(pageSizeOf(undefined)).toBe(500);
    expect(pageSizeOf('1000')).toBe(1000);
    for (const bad of ['0', '1001', 'ten', 2.5]) expect(codeOf(() => pageSizeOf(bad))).toEqual({ code: 'BAD_USER_INPUT', field: 'pageSize' });
  });
});
