// Facts picked from the seeded world for root tests that act on it.
import type { Stack } from '@cmgraph/testkit';

const sql = <T>(stack: Stack, subgraph: string, query: string, params: unknown[] = []) =>
  stack.subgraphs[subgraph]!.server.orm.em.fork().execute<T[]>(query, params);

/**
 * An incoming inspection that FAILS an AVAILABLE received lot: the first such lot (by number) of a product
 * with an active INCOMING plan, every reading within its limits, and a sample whose rejects alone fail it.
 * The input of `recordInspection`.
 */
export async function failingIncomingInspection(stack: Stack): Promise<{ lotId: string; input: Record<string, unknown> }> {
  const plans = await sql<{ id: string; product_id: string }>(stack, 'quality', `select id, product_id from inspection_plan where trigger = 'INCOMING' and active order by name`);
  const [received] = await sql<{ lot_id: string; receipt_id: string; product_id: string }>(
    stack,
    'inventory',
    `select rl.lot_id, r.id as receipt_id, rl.product_id from receipt_line rl join receipt r on r.id = rl.receipt_id
       join lot l on l.id = rl.lot_id where l.status = 'AVAILABLE' and rl.product_id in (?) order by l.lot_number`,
    [plans.map((p) => p.product_id)],
  );
  if (!received) throw new Error('the seeded world has no AVAILABLE received lot of a product with an INCOMING plan');
  const plan = plans.find((p) => p.product_id === received.product_id)!;
  const characteristics = await sql<{ name: string; nominal: number | null; lower_limit: number | null; upper_limit: number | null; unit: string }>(
    stack, 'quality', 'select name, nominal, lower_limit, upper_limit, unit from inspection_characteristic where plan_id = ?', [plan.id],
  );
  const readings = characteristics.map((c) => ({ characteristic: c.name, unit: c.unit, value: c.nominal ?? c.lower_limit ?? c.upper_limit ?? 0 }));
  return {
    lotId: received.lot_id,
    input: { planId: plan.id, lotId: received.lot_id, receiptId: received.receipt_id, lotSize: 500, quantityInspected: 50, quantityRejected: 20, readings },
  };
}
