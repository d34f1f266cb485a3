// Helpers of the named-report suite (reports.test.ts). They restate, independently of gateway/src/egress,
// what an export of a report must contain: its columns (the map it declares, or every leaf under a node of
// its list in selection order), its rows (the same document run through /graphql page by page, each node
// flattened along the columns: a list on a column's way gives one row per element, an empty list or a null
// object one row with empty cells there) and each cell's text. Written apart from the egress code on
// purpose: a test that reused its flattener would agree with it whatever it did.
import { Kind, parse, type FieldNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import { parse as parseCsv } from 'csv-parse/sync';
import { dataOf, type GraphqlClient } from '@cmgraph/testkit';
import type { ReportDefinition } from '@cmgraph/gateway/src/egress';

export interface ReportColumn {
  header: string;
  path: string;
}

/** The report's columns as its definition states them (the declared map, or every leaf path in selection order). */
export function columnsOf(definition: ReportDefinition, document: string): ReportColumn[] {
  if (definition.columns) {
    return Array.isArray(definition.columns)
      ? definition.columns.map(({ header, path }) => ({ header, path }))
      : Object.entries(definition.columns as Record<string, string>).map(([header, path]) => ({ header, path }));
  }
  return nodeLeafPaths(document, definition.operationName, definition.list).map((path) => ({ header: path, path }));
}

/** Leaf paths of one node of the connection at `list` (via `edges { node }` or `nodes`). */
function nodeLeafPaths(document: string, operationName: string, list: string): string[] {
  const operation = parse(document).definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && d.name?.value === operationName,
  );
  if (!operation) throw new Error(`no operation ${operationName} in the report's document`);
  let selection = operation.selectionSet;
  for (const key of list.split('.')) selection = childSelection(selection, key, list);
  const nodes = fieldsOf(selection).find((f) => f.name.value === 'nodes');
  const node = nodes?.selectionSet ?? childSelection(childSelection(selection, 'edges', list), 'node', list);
  const paths: string[] = [];
  const walk = (set: SelectionSetNode, prefix: string) => {
    for (const field of fieldsOf(set)) {
      const key = field.alias?.value ?? field.name.value;
      if (field.selectionSet) walk(field.selectionSet, `${prefix}${key}.`);
      else if (!paths.includes(`${prefix}${key}`)) paths.push(`${prefix}${key}`);
    }
  };
  walk(node, '');
  return paths;
}

function fieldsOf(set: SelectionSetNode): FieldNode[] {
  // the report documents select plain fields; a fragment here would need the expansion the gateway does
  if (set.selections.some((s) => s.kind !== Kind.FIELD)) throw new Error('a report document with fragments: extend reports.fixture.ts');
  return set.selections as FieldNode[];
}

function childSelection(set: SelectionSetNode, key: string, list: string): SelectionSetNode {
  const field = fieldsOf(set).find((f) => (f.alias?.value ?? f.name.value) === key);
  if (!field?.selectionSet) throw new Error(`the report's document has no \`${key}\` on the way to ${list}`);
  return field.selectionSet;
}

/** A cell as CSV writes it: empty for null, strings as they are, numbers and booleans as JSON writes them, anything else as JSON. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** The rows of one node: values keyed by column path, lists on a column's way expanded. */
export function flattenNode(node: unknown, columns: readonly ReportColumn[]): string[][] {
  const records = expand(node, columns.map((c) => c.path));
  return records.map((record) => columns.map((c) => cellText(record.get(c.path))));
}

type Record_ = Map<string, unknown>;

/** `value` along the (relative) `paths`: one record per combination of list elements met on the way. */
function expand(value: unknown, paths: readonly string[], prefix = ''): Record_[] {
  if (Array.isArray(value)) return value.length ? value.flatMap((element) => expand(element, paths, prefix)) : [new Map()];
  if (value === null || typeof value !== 'object') return [new Map()];
  const object = value as Record<string, unknown>;
  let records: Record_[] = [new Map()];
  const branches: string[] = [];
  for (const path of paths) {
    const [head, ...rest] = path.split('.');
    if (!rest.length) for (const record of records) record.set(prefix + head, object[head!]);
    else if (!branches.includes(head!)) branches.push(head!);
  }
  for (const branch of branches) {
    const inner = paths.filter((p) => p.startsWith(`${branch}.`)).map((p) => p.slice(branch.length + 1));
    const below = expand(object[branch], inner, `${prefix}${branch}.`);
    records = records.flatMap((record) => below.map((b) => new Map([...record, ...b])));
  }
  return records;
}

/** Every node of the connection at `list`, page by page through /graphql. */
export async function everyNode(client: GraphqlClient, document: string, list: string, variables: Record<string, unknown>, pageSize = 250): Promise<unknown[]> {
  const nodes: unknown[] = [];
  let after: string | null = null;
  for (let page = 0; ; page++) {
    if (page > 500) throw new Error(`${list}: more than 500 pages`);
    let connection = dataOf(await client(document, { ...variables, first: pageSize, after })) as Record<string, unknown>;
    for (const key of list.split('.')) connection = connection[key] as Record<string, unknown>;
    const found = (connection.nodes as unknown[] | undefined) ?? (connection.edges as { node: unknown }[]).map((e) => e.node);
    nodes.push(...found);
    const info = connection.pageInfo as { hasNextPage: boolean; endCursor: string | null };
    if (!info.hasNextPage) return nodes;
    after = info.endCursor;
  }
}

/** The variables a report's query string stands for: its parameters' typed values, defaults filled in. */
export function variablesOf(definition: ReportDefinition, query: Readonly<Record<string, string>>): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  for (const [name, param] of Object.entries(definition.params ?? {})) {
    const text = query[name];
    let value: unknown;
    if (text === undefined) value = param.default;
    else {
      const one = (t: string) => (param.type === 'int' || param.type === 'float' ? Number(t) : param.type === 'boolean' ? t === 'true' : t);
      value = param.list ? text.split(',').map(one) : one(text);
    }
    if (value === undefined) continue;
    const keys = (param.variable ?? name).split('.');
    let target = variables;
    for (const key of keys.slice(0, -1)) target = (target[key] ??= {}) as Record<string, unknown>;
    target[keys[keys.length - 1]!] = value;
  }
  return variables;
}

export interface Download {
  status: number;
  contentType: string;
  text: string;
}

export async function download(url: string, token: string): Promise<Download> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', text: await response.text() };
}

/** A CSV export: its header and rows (strict: every record as wide as the header; no error marker). */
export function csvTable(text: string): { header: string[]; rows: string[][] } {
  const records = parseCsv(text, { bom: false }) as string[][];
  const [header = [], ...rows] = records;
  const marker = rows.find((row) => row.length === 1 && row[0]!.startsWith('#ERROR'));
  if (marker) throw new Error(`the export ended with ${marker[0]}`);
  return { header, rows };
}

/** An NDJSON export as CSV-like rows: each line's keys must be the headers, in order. */
export function ndjsonRows(text: string, headers: readonly string[]): string[][] {
  const lines = text.split('\n');
  if (lines.pop() !== '') throw new Error('NDJSON must end with a newline');
  return lines.map((line, i) => {
    const object = JSON.parse(line) as Record<string, unknown>;
    if (JSON.stringify(Object.keys(object)) !== JSON.stringify(headers)) throw new Error(`NDJSON line ${i + 1} has keys ${Object.keys(object).join(',')}`);
    return headers.map((h) => cellText(object[h]));
  });
}

/** The coded error of a refusal (a JSON body before any row). */
export function refusalOf(result: Download): { status: number; code: unknown; message: string; json: boolean } {
  const json = result.contentType.startsWith('application/json');
  const body = json ? (JSON.parse(result.text) as { errors?: { message: string; extensions?: Record<string, unknown> }[] }) : {};
  const error = body.errors?.[0];
  return { status: result.status, code: error?.extensions?.code, message: error?.message ?? result.text.slice(0, 200), json };
}
