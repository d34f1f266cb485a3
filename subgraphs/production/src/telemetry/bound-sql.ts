// One statement with bind parameters ($1, $2, …), in the entity manager's transaction. MikroORM's
// `em.execute` inlines every parameter into the SQL text as an escaped literal, character by character:
// for the arrays of a 5,000-reading batch (hundreds of kB) that escaping, and flattening the string it
// builds, cost more than PostgreSQL's whole insert. Bound parameters travel as they are.
import type { EntityManager } from '@mikro-orm/postgresql';

type Kysely = ReturnType<EntityManager['getKysely']>;
type CompiledQuery = Parameters<Kysely['executeQuery']>[0];

export interface BoundResult<Row> {
  rows: Row[];
  /** Rows an INSERT, UPDATE or DELETE touched. */
  affected: number;
}

export async function executeBound<Row = Record<string, unknown>>(em: EntityManager, sql: string, parameters: unknown[]): Promise<BoundResult<Row>> {
  // through the ORM's own hook, so that statement counts (per request, in tests) see it like any other
  em.config.get('onQuery')(sql, parameters);
  const query = { sql, parameters, query: { kind: 'RawNode', sqlFragments: [sql], parameters: [] }, queryId: { queryId: 'bound' } };
  const result = await em.getKysely().executeQuery(query as unknown as CompiledQuery);
  return { rows: result.rows as Row[], affected: Number(result.numAffectedRows ?? 0) };
}
