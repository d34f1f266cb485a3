// Lot genealogy, batched: one recursive statement walks every lot asked about in a request, up
// (ancestors: the input lots of the work orders that made it, and theirs) or down (descendants). An
// edge is input lot → output lot of one work order. The depth cap and the path check end any cycle.
// For a partner, only its own work orders (on its own lines) are edges: a trace of its lot never steps
// into another CM's work orders, nor shows the lots on their far side.
import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { partnerScopeOf } from '@cmgraph/platform';

export type Direction = 'ANCESTORS' | 'DESCENDANTS';

export interface GenealogyKey {
  lotId: string;
  maxDepth: number;
}

export interface LotLinkRow {
  lotId: string;
  depth: number;
  workOrderId: string;
}

/**
 * `near` is the side of an edge the walk stands on, `far` the side it moves to. Scoped, each step also
 * joins its work order's line of the partner (`scope`, carried along the walk). Two statements rather
 * than one with `scope IS NULL OR …`: that form's estimates cross PostgreSQL's JIT thresholds on young
 * tables, and compiling costs more than the walk.
 */
function sql(direction: Direction, scoped: boolean): string {
  const [near, far] = direction === 'ANCESTORS' ? ['o', 'c'] : ['c', 'o'];
  const own = (walk: string) => (scoped ? `JOIN work_order wo ON wo.id = c.work_order_id JOIN line l ON l.id = wo.line_id AND l.supplier_id = ${walk}.scope` : '');
  return `
WITH RECURSIVE walk(root, lot, depth, work_order_id, max_depth, path, scope) AS (
  SELECT r.root, ${far}.lot_id, 1, c.work_order_id, r.max_depth, ARRAY[r.root, ${far}.lot_id], r.scope
  FROM jsonb_to_recordset(?::jsonb) AS r(root uuid, max_depth int, scope uuid)
  JOIN ${near === 'o' ? 'work_order_output' : 'material_consumption'} ${near} ON ${near}.lot_id = r.root
  JOIN ${far === 'o' ? 'work_order_output' : 'material_consumption'} ${far} ON ${far}.work_order_id = ${near}.work_order_id
  ${own('r')}
  UNION ALL
  SELECT w.root, ${far}.lot_id, w.depth + 1, c.work_order_id, w.max_depth, w.path || ${far}.lot_id, w.scope
  FROM walk w
  JOIN ${near === 'o' ? 'work_order_output' : 'material_consumption'} ${near} ON ${near}.lot_id = w.lot
  JOIN ${far === 'o' ? 'work_order_output' : 'material_consumption'} ${far} ON ${far}.work_order_id = ${near}.work_order_id
  ${own('w')}
  WHERE w.depth < w.max_depth AND NOT ${far}.lot_id = ANY(w.path)
)
SELECT DISTINCT ON (root, lot) root, lot, depth, work_order_id FROM walk ORDER BY root, lot, depth, work_order_id`;
}

export function genealogyLoader(em: EntityManager, direction: Direction): DataLoader<GenealogyKey, LotLinkRow[], string> {
  return new DataLoader<GenealogyKey, LotLinkRow[], string>(
    async (keys) => {
      const scope = partnerScopeOf(em);
      const statement = sql(direction, scope !== null);
      const roots = JSON.stringify(keys.map((k) => ({ root: k.lotId, max_depth: k.maxDepth, scope })));
      const rows = await em.execute<{ root: string; lot: string; depth: number; work_order_id: string }[]>(statement, [roots]);
      return keys.map((key) =>
        rows
          .filter((row) => row.root === key.lotId && row.depth <= key.maxDepth)
          .map((row) => ({ lotId: row.lot, depth: row.depth, workOrderId: row.work_order_id }))
          .sort((a, b) => a.depth - b.depth || a.lotId.localeCompare(b.lotId)),
      );
    },
    { maxBatchSize: 1000, cacheKeyFn: (key) => `${key.lotId}|${key.maxDepth}` },
  );
}
