// Paging acceptance for `lots`, as a BI tool pulls them: a cursor stays valid while lots are registered
// and changed between pages (every pre-existing lot exactly once, none twice), and `updatedSince`
// returns just the lots registered or changed since the last pull.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { dataOf, startStack, type Stack } from '@cmgraph/testkit';
import { createProduct } from './fixtures';

let stack: Stack;
let productId: string;
let serial = 0;
beforeAll(async () => {
  stack = await startStack(['inventory']);
  productId = (await createProduct(stack, { tracking: 'LOT' })).id;
});
afterAll(async () => stack?.stop());

const LOTS = `query($productId: ID, $first: Int, $after: String, $updatedSince: DateTime) {
  lots(filter: { productId: $productId }, first: $first, after: $after, updatedSince: $updatedSince) {
    totalCount pageInfo { hasNextPage endCursor } nodes { id lotNumber status updatedAt }
  }
}`;

interface LotRow { id: string; lotNumber: string; status: string; updatedAt: string }

async function registerLot(): Promise<string> {
  const { registerLot } = dataOf(await stack.gateway(`mutation($input: RegisterLotInput!) { registerLot(input: $input) { id } }`, {
    input: { productId, lotNumber: `L-${String(++serial).padStart(4, '0')}` },
  }));
  return registerLot.id;
}

async function setStatus(lotId: string, status: string): Promise<void> {
  dataOf(await stack.gateway(`mutation($input: SetLotStatusInput!) { setLotStatus(input: $input) { id } }`, {
    input: { lotId, status, reason: 'test' },
  }));
}

async function lots(variables: Record<string, unknown>) {
  return dataOf(await stack.gateway(LOTS, { productId, ...variables })).lots as {
    totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: LotRow[];
  };
}

describe('lots paging', () => {
  it('returns every pre-existing lot exactly once when paging with first: 5 while lots are registered and changed', async () => {
    for (let i = 0; i < 17; i++) await registerLot();
    const existing = (await lots({ first: 1000 })).nodes.map((l) => l.id);
    expect(existing).toHaveLength(17);

    const seen: string[] = [];
    const registered: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const page = await lots({ first: 5, after });
      pages++;
      seen.push(...page.nodes.map((l) => l.id));
      after = page.pageInfo.endCursor;
      if (!page.pageInfo.hasNextPage) break;
      // between pages: two new lots, and a status change of a lot not read yet (its place does not move)
      registered.push(await registerLot(), await registerLot());
      const unread = existing.find((id) => !seen.includes(id));
      if (unread) await setStatus(unread, 'HOLD');
    }
    for (const id of existing) expect(seen.filter((s) => s === id)).toHaveLength(1);
    expect(new Set(seen).size).toBe(seen.length);
    // ids are time-ordered (UUIDv7): lots registered meanwhile come after every pre-existing one
    expect(seen.slice(0, existing.length)).toEqual(existing);
    expect(seen.slice(existing.length)).toEqual(registered);
    expect(pages).toBeGreaterThanOrEqual(4);
  });

  it('returns with updatedSince only the lots registered or changed since, paged like the rest', async () => {
    const before = (await lots({ first: 1000 })).nodes;
    const since = new Date(Math.max(...before.map((l) => Date.parse(l.updatedAt))) + 1).toISOString();
    expect(await lots({ updatedSince: since })).toMatchObject({ totalCount: 0, nodes: [] });

    const changed = before.find((l) => l.status === 'AVAILABLE')!;
    await setStatus(changed.id, 'QUARANTINE');
    const fresh = await registerLot();
    const first = await lots({ updatedSince: since, first: 1 });
    expect(first.totalCount).toBe(2);
    const second = await lots({ updatedSince: since, first: 1, after: first.pageInfo.endCursor });
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect([...first.nodes, ...second.nodes].map((l) => [l.id, l.status])).toEqual([
      [changed.id, 'QUARANTINE'],
      [fresh, 'AVAILABLE'],
    ]);
  });
});
