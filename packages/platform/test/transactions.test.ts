// The kit's EntityManager on a real PostgreSQL: a top-level transaction that the database aborts as a
// deadlock (two transactions locking two rows in opposite orders) or a serialization failure runs again
// and commits; a savepoint is not retried on its own; other errors are not retried; what outlasts the
// attempts reaches the caller as CONFLICT.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { GraphQLError } from 'graphql';
import { MikroORM } from '@mikro-orm/postgresql';
import { OutboxEvent, PlatformEntityManager, TRANSACTION_ATTEMPTS, databaseUrl, ensureDatabase, formatError, ormConfig, transactionRetries } from '@cmgraph/platform';
import { isolatedTarget } from '@cmgraph/testkit';

const target = isolatedTarget();
let orm: MikroORM;

beforeAll(async () => {
  const url = databaseUrl(target, 'tx');
  await ensureDatabase(url);
  orm = await MikroORM.init(ormConfig({ url, entities: [OutboxEvent], migrations: [] }));
  await orm.em.getConnection().execute('create table account (id int primary key, v int not null)');
});
afterAll(async () => {
  await orm?.close(true);
  await target.drop();
});
beforeEach(async () => {
  await orm.em.getConnection().execute('truncate account; insert into account values (1, 0), (2, 0)');
});

/** A promise and its resolver. */
function signal(): { promise: Promise<void>; fire: () => void } {
  let fire!: () => void;
  const promise = new Promise<void>((resolve) => (fire = resolve));
  return { promise, fire };
}

const balances = async () =>
  (await orm.em.getConnection().execute<{ id: number; v: number }[]>('select id, v from account order by id')).map((row) => row.v);

/** A statement PostgreSQL fails with this SQLSTATE (`RAISE … USING ERRCODE`: a real error of that class). */
const raise = (sqlState: string) => `do $$ begin raise exception 'raised for the test' using errcode = '${sqlState}'; end $$`;

describe('a top-level transaction', () => {
  it('is the kit\'s entity manager, in every fork and inside transactions', async () => {
    const em = orm.em.fork();
    expect(em).toBeInstanceOf(PlatformEntityManager);
    await em.transactional(async (tx) => expect(tx).toBeInstanceOf(PlatformEntityManager));
  });

  it('aborted as a deadlock runs again and commits: both transactions land, one of them twice attempted', async () => {
    const before = transactionRetries.count;
    const oneLocked = signal();
    const twoLocked = signal();
    const attempts = { first: 0, second: 0 };
    // each locks its own row, waits until the other holds the other row (first attempt only), then asks for it
    const first = orm.em.fork().transactional(async (em) => {
      attempts.first++;
      await em.execute('update account set v = v + 1 where id = 1');
      if (attempts.first === 1) {
        oneLocked.fire();
        await twoLocked.promise;
      }
      await em.execute('update account set v = v + 1 where id = 2');
    });
    const second = orm.em.fork().transactional(async (em) => {
      attempts.second++;
      await em.execute('update account set v = v + 10 where id = 2');
      if (attempts.second === 1) {
        twoLocked.fire();
        await oneLocked.promise;
      }
      await em.execute('update account set v = v + 10 where id = 1');
    });
    await expect(Promise.all([first, second])).resolves.toBeDefined();
    expect(attempts.first + attempts.second).toBe(3); // PostgreSQL aborted exactly one of them, once
    expect(transactionRetries.count - before).toBe(1);
    expect(await balances()).toEqual([11, 11]); // each change applied once: the aborted attempt left nothing
  }, 30_000);

  it('aborted by a serialization failure runs again; what still fails after the last attempt is CONFLICT to the caller', async () => {
    let runs = 0;
    await orm.em.fork().transactional(async (em) => {
      runs++;
      await em.execute('update account set v = v + 1 where id = 1');
      if (runs === 1) await em.execute(raise('40001'));
    });
    expect(runs).toBe(2);
    expect(await balances()).toEqual([1, 0]);

    runs = 0;
    const failed = await orm.em
      .fork()
      .transactional(async (em) => {
        runs++;
        await em.execute('update account set v = v + 1 where id = 2');
        await em.execute(raise('40P01'));
      })
      .catch((error: unknown) => error);
    expect(runs).toBe(TRANSACTION_ATTEMPTS);
    expect(await balances()).toEqual([1, 0]); // nothing of any attempt
    const error = new GraphQLError('raised', { originalError: failed as Error });
    const formatted = formatError(error.toJSON(), error);
    expect(formatted.extensions).toEqual({ code: 'CONFLICT' });
    expect(formatted.message).toMatch(/send it again/);
  });

  it('is not run again for other errors', async () => {
    let runs = 0;
    const failed = await orm.em
      .fork()
      .transactional(async (em) => {
        runs++;
        await em.execute('insert into account values (1, 0)'); // duplicate key
      })
      .catch((error: unknown) => error);
    expect(runs).toBe(1);
    expect((failed as { code?: string }).code).toBe('23505');
  });

  it('retries a savepoint only as part of its whole transaction', async () => {
    const runs = { outer: 0, inner: 0 };
    await orm.em.fork().transactional(async (em) => {
      runs.outer++;
      await em.execute('update account set v = v + 1 where id = 1');
      await em.transactional(async (savepoint) => {
        runs.inner++;
        if (runs.inner === 1) await savepoint.execute(raise('40001'));
      });
    });
    expect(runs).toEqual({ outer: 2, inner: 2 });
    expect(await balances()).toEqual([1, 0]);
  });
});
