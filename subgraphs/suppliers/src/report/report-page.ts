// Paging of this subgraph's reports: a keyset over a unique, stable key (a supplier code, a product id)
// done in SQL, so a row appearing meanwhile never shifts a page. Cursors are the kit's report cursors
// (`paginateRows`): base64url of `key:<key>`.
import { ArgsType, Field, Int } from 'type-graphql';
import { Max, Min } from 'class-validator';
import { AppError, type Page } from '@cmgraph/platform';

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

export function encodeKeyCursor(key: string): string {
  return Buffer.from(`key:${key}`).toString('base64url');
}

/** The key after which the next page starts (null: from the first row). */
export function keyAfter(args: { after?: string | null }): string | null {
  if (!args.after) return null;
  const text = Buffer.from(args.after, 'base64url').toString();
  if (!text.startsWith('key:') || text.length < 5) throw AppError.badInput('after', 'not a cursor from this list');
  return text.slice(4);
}

/** A page from rows read in key order after the cursor, at most `first + 1` of them (the extra one says there is more). */
export function keysetPage<T>(rows: T[], keyOf: (row: T) => string, first: number, countTotal: () => Promise<number>): Page<T> {
  const nodes = rows.slice(0, first);
  const edges = nodes.map((node) => ({ cursor: encodeKeyCursor(keyOf(node)), node }));
  return { nodes, edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null }, countTotal };
}
