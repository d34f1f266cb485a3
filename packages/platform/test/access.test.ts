// The kit's authorization on a real database: a partner's EntityManager sees only its supplier's rows
// (find, findOne, count, relations, transactions forked from it), hidden entities not at all, everyone
// else everything; every mutation must name its roles; references outside the scope are FORBIDDEN.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MikroORM } from '@mikro-orm/postgresql';
import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Arg, Authorized, Mutation, Query, Resolver } from 'type-graphql';
import {
  PartnerHidden, PartnerScoped, databaseUrl, partnerScopeOf, ensureDatabase, newId, ormConfig, requireMutationRoles, requireOwnSupplier,
  scopeEntityManager, scopedReference, type Identity, type RequestContext,
} from '@cmgraph/platform';
import { isolatedTarget } from '@cmgraph/testkit';

@PartnerScoped()
@Entity({ tableName: 'scoped_order' })
class ScopedOrder {
  @PrimaryKey({ type: 'uuid' }) id: string = newId();
  @Property({ type: 'uuid' }) supplierId!: string;
}

@PartnerScoped((supplierId) => ({ order: { supplierId } }))
@Entity({ tableName: 'scoped_line' })
class ScopedLine {
  @PrimaryKey({ type: 'uuid' }) id: string = newId();
  @ManyToOne(() => ScopedOrder) order!: ScopedOrder;
}

@PartnerHidden()
@Entity({ tableName: 'brand_note' })
class BrandNote {
  @PrimaryKey({ type: 'uuid' }) id: string = newId();
}

const target = isolatedTarget();
let orm: MikroORM;
const A = newId();
const B = newId();
const partner = (supplierId: string): Identity => ({ subject: 'p', roles: ['PARTNER'], supplierId });
const buyer: Identity = { subject: 'b', roles: ['BUYER'], supplierId: null };

beforeAll(async () => {
  const url = databaseUrl(target, 'access');
  await ensureDatabase(url);
  orm = await MikroORM.init(ormConfig({ url, entities: [ScopedOrder, ScopedLine, BrandNote], migrations: [] }));
  await orm.schema.create();
  const em = orm.em.fork();
  for (const supplierId of [A, A, B]) {
    const order = em.create(ScopedOrder, { supplierId });
    em.create(ScopedLine, { order });
  }
  em.create(BrandNote, {});
  await em.flush();
});
afterAll(async () => {
  await orm?.close(true);
  await target.drop();
});

describe('partner row scope', () => {
  it('a partner sees its own rows by list, count, id and relation; others see everything', async () => {
    const a = scopeEntityManager(orm.em.fork(), partner(A));
    expect((await a.find(ScopedOrder, {})).map((o) => o.supplierId)).toEqual([A, A]);
    expect(await a.count(ScopedOrder, {})).toBe(2);
    expect(await a.count(ScopedLine, {})).toBe(2);
    expect(await a.count(BrandNote, {})).toBe(0);
    const [bOrder] = await orm.em.fork().find(ScopedOrder, { supplierId: B });
    expect(await a.findOne(ScopedOrder, { id: bOrder!.id })).toBeNull();
    expect(await a.find(ScopedLine, { order: bOrder!.id })).toEqual([]);
    const all = scopeEntityManager(orm.em.fork(), buyer);
    expect(await all.count(ScopedOrder, {})).toBe(3);
    expect(await all.count(BrandNote, {})).toBe(1);
  });

  it('transactions forked from a partner request keep the scope', async () => {
    const a = scopeEntityManager(orm.em.fork(), partner(A));
    const [count, scope] = await a.transactional(async (tx) => [await tx.count(ScopedOrder, {}), partnerScopeOf(tx)]);
    expect(count).toBe(2);
    expect(scope).toBe(A);
    expect(partnerScopeOf(a)).toBe(A);
    expect(partnerScopeOf(scopeEntityManager(orm.em.fork(), buyer))).toBeNull();
  });

  it('requireOwnSupplier refuses a partner acting for another supplier', () => {
    expect(() => requireOwnSupplier(partner(A), B, 'input.supplierId')).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) }));
    expect(() => requireOwnSupplier(partner(A), A, 'input.supplierId')).not.toThrow();
    expect(() => requireOwnSupplier(buyer, B, 'input.supplierId')).not.toThrow();
  });

  it('a reference outside the scope is FORBIDDEN, whether or not the row exists', async () => {
    const resolve = scopedReference('ScopedOrder', async (ref, ctx: RequestContext) => ctx.em.findOne(ScopedOrder, { id: String(ref.id) }));
    const [bOrder] = await orm.em.fork().find(ScopedOrder, { supplierId: B });
    const contextOf = (identity: Identity) => ({ identity, em: scopeEntityManager(orm.em.fork(), identity) }) as unknown as RequestContext;
    await expect(resolve({ id: bOrder!.id }, contextOf(partner(A)))).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    await expect(resolve({ id: newId() }, contextOf(partner(A)))).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    await expect(resolve({ id: bOrder!.id }, contextOf(buyer))).resolves.toMatchObject({ id: bOrder!.id });
    const supplier = scopedReference('Supplier', (ref) => ref);
    await expect(supplier({ id: B }, contextOf(partner(A)))).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    await expect(supplier({ id: A }, contextOf(partner(A)))).resolves.toEqual({ id: A });
    const scorecard = scopedReference('SupplierScorecard', (ref) => ref);
    await expect(scorecard({ supplierId: B, period: '2026' }, contextOf(partner(A)))).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    await expect(scorecard({ supplierId: A, period: '2026' }, contextOf(partner(A)))).resolves.toEqual({ supplierId: A, period: '2026' });
  });
});

describe('mutation roles', () => {
  it('a mutation without roles, or open to ANALYST, stops the schema from building', () => {
    @Resolver()
    class Unguarded {
      @Query(() => String) ping(): string {
        return 'pong';
      }
      @Mutation(() => String) write(@Arg('x') x: string): string {
        return x;
      }
    }
    @Resolver()
    class AnalystWrites {
      @Authorized('ANALYST')
      @Mutation(() => String) analystWrite(@Arg('x') x: string): string {
        return x;
      }
    }
    @Resolver()
    class Guarded {
      @Authorized('BUYER')
      @Mutation(() => String) guardedWrite(@Arg('x') x: string): string {
        return x;
      }
    }
    expect(() => requireMutationRoles([Unguarded])).toThrow(/write has no @Authorized/);
    expect(() => requireMutationRoles([AnalystWrites])).toThrow(/ANALYST is read-only/);
    expect(() => requireMutationRoles([Guarded])).not.toThrow();
  });
});
