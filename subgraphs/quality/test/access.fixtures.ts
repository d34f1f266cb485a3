// Helpers for the access tests: a production stand-in whose work orders know their line's supplier, every
// id in a response (to count leaks), and a snapshot of the quality database to prove a refusal wrote nothing.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Stack } from '@cmgraph/testkit';

/** Stands in for production: a work order resolves with the supplier of its line. */
export async function startWorkOrders(lineSupplier: Map<string, string>) {
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const { variables } = JSON.parse(body) as { variables: { r: { __typename: string; id: string }[] } };
      const entities = variables.r.map((ref) => {
        const supplierId = lineSupplier.get(ref.id);
        return supplierId ? { __typename: ref.__typename, id: ref.id, line: { supplier: { id: supplierId } } } : null;
      });
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ data: { _entities: entities } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    close: () => new Promise<void>((resolve) => { server.close(() => resolve()); server.closeAllConnections(); }),
  };
}

/** Every `id` in a response, wherever it sits. */
export function idsIn(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => idsIn(v, into));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'id' && typeof v === 'string') into.add(v);
      else idsIn(v, into);
    }
  }
  return into;
}

/** What a refused mutation must leave alone: row counts, last changes and the outbox, read from PostgreSQL. */
export async function snapshot(stack: Stack): Promise<unknown> {
  const tables = ['inspection', 'inspection_reading', 'non_conformance', 'inspection_plan', 'inspection_characteristic', 'defect_code',
    'corrective_action', 'corrective_action_step', 'corrective_action_non_conformance', 'recall'];
  const sql = [
    ...tables.map((t) => `select '${t}' as t, count(*)::int as n, max(updated_at)::text as changed from "${t}"`),
    `select 'outbox_event', count(*)::int, max(seq)::text from outbox_event`,
    `select 'document_counter', count(*)::int, sum(last_value)::text from document_counter`,
  ].join(' union all ');
  return stack.subgraphs.quality!.server.orm.em.fork().getConnection().execute(sql);
}
