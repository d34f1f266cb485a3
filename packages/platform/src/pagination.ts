// Relay-style cursor pagination with a stable keyset order (id ascending, UUIDv7 ≈ creation order):
// a cursor names the last row seen, so rows inserted meanwhile never shift a page.
import { ArgsType, Directive, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { Max, Min } from 'class-validator';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EntityName, FilterQuery } from '@mikro-orm/core';
import { AppError } from './errors';

/** `first`/`after` of a report (no `updatedSince`: a report's rows are computed, not stored). */
@ArgsType()
export class ReportPageArgs {
  @Field(() => Int, { defaultValue: 50, description: 'Page size, 1 to 1000.' })
  @Min(1)
  @Max(1000)
  first: number = 50;

  @Field(() => String, { nullable: true, description: 'The `endCursor` of the previous page.' })
  after?: string | null;
}

@ArgsType()
export class PageArgs extends ReportPageArgs {
  @Field(() => Date, { nullable: true, description: 'Only rows created or changed at or after this time.' })
  updatedSince?: Date | null;
}

/** A value type every subgraph with a list defines identically, hence shareable in the supergraph. */
@Directive('@shareable')
@ObjectType()
export class PageInfo {
  @Field() hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

export interface Page<T> {
  nodes: T[];
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  countTotal: () => Promise<number>;
}

/** Declares `<Name>Connection` and `<Name>Edge` for a node type. */
export function connectionOf<T extends object>(node: ClassType<T>, name = node.name) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field() cursor!: string;
    @Field(() => node) node!: T;
  }

  @ObjectType(`${name}Connection`)
  class Connection {
    @Field(() => [Edge]) edges!: Edge[];
    @Field(() => [node]) nodes!: T[];
    @Field(() => PageInfo) pageInfo!: PageInfo;
    countTotal!: () => Promise<number>;

    @Field(() => Int, { description: 'Rows matching the filter, all pages together.' })
    totalCount(): Promise<number> {
      return this.countTotal();
    }
  }
  return Connection;
}

export function encodeCursor(id: string): string {
  return Buffer.from(`id:${id}`).toString('base64url');
}

export function decodeCursor(cursor: string): string {
  const text = Buffer.from(cursor, 'base64url').toString();
  if (!text.startsWith('id:') || text.length < 4) throw AppError.badInput('after', 'not a cursor from this list');
  return text.slice(3);
}

/** One page of `entity` matching `where`, after the cursor, in id order. */
export async function paginate<T extends { id: string; updatedAt?: Date }>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  args: PageArgs,
): Promise<Page<T>> {
  const filters: FilterQuery<T>[] = [where];
  if (args.updatedSince) filters.push({ updatedAt: { $gte: args.updatedSince } } as unknown as FilterQuery<T>);
  const scoped = { $and: filters } as FilterQuery<T>;
  const page = args.after ? { $and: [scoped, { id: { $gt: decodeCursor(args.after) } }] } : scoped;
  const rows = await em.find(entity, page as FilterQuery<T>, { orderBy: { id: 'asc' } as never, limit: args.first + 1 });
  const nodes = rows.slice(0, args.first);
  const edges = nodes.map((node) => ({ cursor: encodeCursor(node.id), node }));
  return {
    nodes,
    edges,
    pageInfo: { hasNextPage: rows.length > args.first, endCursor: edges.at(-1)?.cursor ?? null },
    countTotal: () => em.count(entity, scoped),
  };
}

/**
 * One page of rows computed whole (a report's groups, aggregated in SQL), in the order of a unique,
 * stable key: the cursor names the key of the last row seen, so a group appearing meanwhile never
 * shifts a page. Keys are compared as strings; build them so that string order is the order you want.
 */
export function paginateRows<T>(rows: T[], keyOf: (row: T) => string, args: { first: number; after?: string | null }): Page<T> {
  const keyed = rows.map((row) => ({ key: keyOf(row), row })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const after = args.after ? decodeKeyCursor(args.after) : null;
  const rest = after === null ? keyed : keyed.filter((k) => k.key > after);
  const taken = rest.slice(0, args.first);
  const edges = taken.map((k) => ({ cursor: encodeKeyCursor(k.key), node: k.row }));
  return {
    nodes: edges.map((e) => e.node),
    edges,
    pageInfo: { hasNextPage: rest.length > args.first, endCursor: edges.at(-1)?.cursor ?? null },
    countTotal: async () => rows.length,
  };
}

/** A cursor naming a report row by its key (`paginateRows`, or a keyset page computed in SQL). */
export function encodeKeyCursor(key: string): string {
  return Buffer.from(`key:${key}`).toString('base64url');
}

export function decodeKeyCursor(cursor: string): string {
  const text = Buffer.from(cursor, 'base64url').toString();
  if (!text.startsWith('key:')) throw AppError.badInput('after', 'not a cursor from this list');
  return text.slice(4);
}

/**
 * A page of report rows read in key order after the cursor in SQL (keyset), at most `first + 1` of them
 * (the extra one says there is more): for reports too large to compute whole for `paginateRows`.
 */
export function keysetPage<T>(rows: T[], keyOf: (row: T) => string, first: number, countTotal: () => Promise<number>): Page<T> {
  const nodes = rows.slice(0, first);
  const edges = nodes.map((node) => ({ cursor: encodeKeyCursor(keyOf(node)), node }));
  return { nodes, edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null }, countTotal };
}
