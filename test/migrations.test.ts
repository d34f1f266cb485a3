// The committed migrations are the schema: after applying them, each subgraph's entities need no change.
import { afterAll, describe, expect, it } from '@jest/globals';
import { databaseUrl, openDatabase } from '@cmgraph/platform';
import { isolatedTarget } from '@cmgraph/testkit';
import { loadSubgraph, SUBGRAPH_NAMES } from '@cmgraph/devstack/src/subgraphs';

const target = isolatedTarget();
afterAll(() => target.drop());

describe('migrations', () => {
  it.each(SUBGRAPH_NAMES)('%s: its entities match its committed migrations (no schema drift)', async (name) => {
    const { definition } = await loadSubgraph(name);
    const orm = await openDatabase({ url: databaseUrl(target, name), entities: definition.entities, migrations: definition.migrations });
    try {
      expect(await orm.migrator.checkSchema()).toBe(false);
      expect(await orm.migrator.getPending()).toEqual([]);
    } finally {
      await orm.close(true);
    }
  });
});
