// Paging of this subgraph's reports: a keyset over a unique, stable key (a supplier code, a product id)
// done in SQL, with the kit's report cursors and page arguments.
import { decodeKeyCursor } from '@cmgraph/platform';

export { ReportPageArgs, encodeKeyCursor, keysetPage } from '@cmgraph/platform';

/** The key after which the next page starts (null: from the first row). */
export function keyAfter(args: { after?: string | null }): string | null {
  return args.after ? decodeKeyCursor(args.after) : null;
}
