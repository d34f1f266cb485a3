// What a document exports, read from its selection set alone (before anything runs, so the header is
// known before the first row): the Relay connection it pages (`pageInfo { hasNextPage endCursor }` and
// `edges { node … }` or `nodes …`, with `first` and `after` taken from variables), and the leaf paths of
// one node in selection order (`supplier.name`, `lines.quantity`). Fragments are expanded in place and
// fields sharing a response key merged, as GraphQL merges them; aliases name the paths.
import { Kind, type DocumentNode, type FieldNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import { egressError } from './errors';

export interface ExportShape {
  /** The selected operation's name (null for an anonymous one). */
  operationName: string | null;
  /** Response keys from `data` to the connection. */
  listPath: string[];
  /** The variables that carry the page size and the cursor. */
  firstVariable: string;
  afterVariable: string;
  /** Where the nodes are: `[key]` for `nodes`, `[edgesKey, nodeKey]` for `edges { node }`. */
  nodesPath: string[];
  /** Response keys of `pageInfo`, `hasNextPage` and `endCursor`. */
  pageInfo: { key: string; hasNextPage: string; endCursor: string };
  /** Every leaf under a node, dotted, in selection order. */
  leafPaths: string[];
}

type Fields = Map<string, FieldNode[]>;

/** The exported connection of `document` (at `listPath` when given, else the one it selects). */
export function exportShape(document: DocumentNode, operationName?: string | null, listPath?: string): ExportShape {
  const operation = selectOperation(document, operationName);
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const collect = (nodes: readonly FieldNode[] | SelectionSetNode): Fields => collectFields(nodes, fragments);

  let found: { path: string[]; field: FieldNode; fields: Fields };
  if (listPath) {
    let fields = collect(operation.selectionSet);
    let field: FieldNode | undefined;
    const path = listPath.split('.');
    for (const key of path) {
      const nodes = fields.get(key);
      if (!nodes?.some((n) => n.selectionSet)) throw notAList(`the document selects no \`${listPath}\``);
      field = nodes[0]!;
      fields = collect(nodes);
    }
    if (!isConnection(fields)) throw notAList(`\`${listPath}\` is not a connection with pageInfo and edges or nodes`);
    found = { path, field: field!, fields };
  } else {
    const candidates: { path: string[]; field: FieldNode; fields: Fields }[] = [];
    const walk = (fields: Fields, path: string[]): void => {
      for (const [key, nodes] of fields) {
        if (!nodes.some((n) => n.selectionSet)) continue;
        const inner = collect(nodes);
        if (isConnection(inner)) candidates.push({ path: [...path, key], field: nodes[0]!, fields: inner });
        else walk(inner, [...path, key]);
      }
    };
    walk(collect(operation.selectionSet), []);
    if (!candidates.length) throw notAList('the document selects no connection with `pageInfo { hasNextPage endCursor }` and `edges { node … }` or `nodes …`');
    if (candidates.length > 1) throw notAList(`the document selects several connections (${candidates.map((c) => c.path.join('.')).join(', ')}): export one per document`);
    found = candidates[0]!;
  }

  const name = found.path.join('.');
  const firstVariable = variableArgument(found.field, 'first');
  const afterVariable = variableArgument(found.field, 'after');
  if (!firstVariable || !afterVariable) {
    throw notAList(`\`${name}\` must take its page size and cursor from variables: \`${found.field.name.value}(first: $first, after: $after)\``);
  }
  const pageInfo = pageInfoOf(found.fields)!;
  const nodes = keyOfField(found.fields, 'nodes');
  let nodesPath: string[];
  let nodeFields: Fields;
  if (nodes) {
    nodesPath = [nodes];
    nodeFields = collect(found.fields.get(nodes)!);
  } else {
    const edges = keyOfField(found.fields, 'edges')!;
    const edgeFields = collect(found.fields.get(edges)!);
    const node = keyOfField(edgeFields, 'node')!;
    nodesPath = [edges, node];
    nodeFields = collect(edgeFields.get(node)!);
  }
  return {
    operationName: operation.name?.value ?? null,
    listPath: found.path,
    firstVariable,
    afterVariable,
    nodesPath,
    pageInfo,
    leafPaths: leafPaths(nodeFields, '', collect),
  };
}

function selectOperation(document: DocumentNode, operationName?: string | null): OperationDefinitionNode {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
  if (!operation) {
    throw egressError('BAD_USER_INPUT', operationName ? `the document has no operation named ${operationName}` : 'name the operation to export (operationName)', { field: 'operationName' });
  }
  if (operation.operation !== 'query') throw egressError('BAD_USER_INPUT', 'only queries can be exported', { field: 'query' });
  return operation;
}

/** Fields by response key, in first-seen order, fragments expanded (type conditions and directives ignored). */
function collectFields(from: readonly FieldNode[] | SelectionSetNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>): Fields {
  const fields: Fields = new Map();
  const visit = (selectionSet: SelectionSetNode, seen: ReadonlySet<string>): void => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        const list = fields.get(key);
        if (list) list.push(selection);
        else fields.set(key, [selection]);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet, seen);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (fragment && !seen.has(fragment.name.value)) visit(fragment.selectionSet, new Set(seen).add(fragment.name.value));
      }
    }
  };
  if ('kind' in from) visit(from, new Set());
  else for (const node of from) if (node.selectionSet) visit(node.selectionSet, new Set());
  return fields;
}

function leafPaths(fields: Fields, prefix: string, collect: (nodes: readonly FieldNode[]) => Fields): string[] {
  const paths: string[] = [];
  for (const [key, nodes] of fields) {
    if (nodes.some((n) => n.selectionSet)) paths.push(...leafPaths(collect(nodes), `${prefix}${key}.`, collect));
    else paths.push(`${prefix}${key}`);
  }
  return paths;
}

/** The response key under which the field `name` is selected (its alias, or its name). */
function keyOfField(fields: Fields, name: string): string | undefined {
  for (const [key, nodes] of fields) if (nodes[0]!.name.value === name) return key;
  return undefined;
}

function pageInfoOf(fields: Fields): ExportShape['pageInfo'] | undefined {
  const key = keyOfField(fields, 'pageInfo');
  if (!key) return undefined;
  const inner = new Map<string, string>();
  for (const node of fields.get(key)!) {
    for (const s of node.selectionSet?.selections ?? []) if (s.kind === Kind.FIELD) inner.set(s.name.value, s.alias?.value ?? s.name.value);
  }
  const hasNextPage = inner.get('hasNextPage');
  const endCursor = inner.get('endCursor');
  return hasNextPage && endCursor ? { key, hasNextPage, endCursor } : undefined;
}

function isConnection(fields: Fields): boolean {
  if (!pageInfoOf(fields)) return false;
  const nodes = keyOfField(fields, 'nodes');
  if (nodes) return fields.get(nodes)!.some((n) => n.selectionSet);
  const edges = keyOfField(fields, 'edges');
  if (!edges) return false;
  return fields.get(edges)!.some((n) => n.selectionSet?.selections.some((s) => s.kind === Kind.FIELD && s.name.value === 'node' && s.selectionSet));
}

function variableArgument(field: FieldNode, name: string): string | undefined {
  const argument = field.arguments?.find((a) => a.name.value === name);
  return argument?.value.kind === Kind.VARIABLE ? argument.value.name.value : undefined;
}

function notAList(message: string) {
  return egressError('BAD_USER_INPUT', `not exportable: ${message}`, { field: 'query', reason: 'NOT_A_CONNECTION' });
}
