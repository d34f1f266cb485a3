// From one node of a page to table rows. Columns are leaf paths (`lines.quantity`); a list on the way to
// a column yields one row per element, the values above it repeated (an empty list or a null object
// yields one row with empty cells there, so no parent is lost). Lists that no column passes through are
// not expanded; two sibling lists that columns pass through multiply, as a SQL join of both would.
import { badParam } from './errors';

export interface Column {
  header: string;
  /** The leaf path, dotted. */
  path: string;
}

/** A column map as clients send it: `{ "<header>": "<path>" }`, or `[{ header, path }]` to order numeric headers. */
export type ColumnMap = Readonly<Record<string, string>> | readonly Column[];

/** The columns of an export: every leaf path in selection order, or exactly the map's, in its order. */
export function resolveColumns(leafPaths: readonly string[], map?: ColumnMap): Column[] {
  if (!map) return leafPaths.map((path) => ({ header: path, path }));
  const entries: Column[] = Array.isArray(map) ? [...map] : Object.entries(map).map(([header, path]) => ({ header, path: path as string }));
  if (!entries.length) throw badParam('columns', 'name at least one column');
  const known = new Set(leafPaths);
  const headers = new Set<string>();
  for (const entry of entries) {
    if (!entry || typeof entry.header !== 'string' || !entry.header) throw badParam('columns', 'every column needs a non-empty header');
    if (typeof entry.path !== 'string' || !known.has(entry.path)) {
      throw badParam(`columns.${entry.header}`, `\`${String(entry.path)}\` is not a leaf path of the document (${leafPaths.join(', ')})`);
    }
    if (headers.has(entry.header)) throw badParam(`columns.${entry.header}`, 'the header is used twice');
    headers.add(entry.header);
  }
  return entries.map(({ header, path }) => ({ header, path }));
}

interface PathTree {
  leaves: { key: string; index: number }[];
  children: Map<string, PathTree>;
}

/** Flattens nodes into rows of the columns' values (`undefined` for an empty cell). */
export class RowFlattener {
  private readonly tree: PathTree = { leaves: [], children: new Map() };
  private readonly width: number;

  constructor(columns: readonly Column[]) {
    this.width = columns.length;
    columns.forEach((column, index) => {
      const keys = column.path.split('.');
      let tree = this.tree;
      for (const key of keys.slice(0, -1)) {
        let child = tree.children.get(key);
        if (!child) tree.children.set(key, (child = { leaves: [], children: new Map() }));
        tree = child;
      }
      tree.leaves.push({ key: keys[keys.length - 1]!, index });
    });
  }

  /** Appends the rows of `node` to `out`; returns how many. */
  flatten(node: unknown, out: unknown[][]): number {
    const rows = expand(node, this.tree, new Array<unknown>(this.width));
    for (const row of rows) out.push(row);
    return rows.length;
  }
}

function expand(value: unknown, tree: PathTree, row: unknown[]): unknown[][] {
  if (Array.isArray(value)) {
    if (!value.length) return [row];
    const rows: unknown[][] = [];
    value.forEach((element, i) => {
      // the last element may fill the row it was given; the others fill copies
      for (const r of expand(element, tree, i === value.length - 1 ? row : row.slice())) rows.push(r);
    });
    return rows;
  }
  if (value === null || typeof value !== 'object') return [row];
  const object = value as Record<string, unknown>;
  for (const leaf of tree.leaves) row[leaf.index] = object[leaf.key];
  let rows = [row];
  for (const [key, child] of tree.children) {
    if (rows.length === 1) {
      rows = expand(object[key], child, rows[0]!);
      continue;
    }
    const next: unknown[][] = [];
    for (const r of rows) for (const e of expand(object[key], child, r)) next.push(e);
    rows = next;
  }
  return rows;
}
