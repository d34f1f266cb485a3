// Trusted (persisted) documents: the manifest that `npm run manifest` generates from
// schema/operations/*.graphql, in Apollo's persisted-query-manifest format (one entry per operation:
// `id` = sha256 hex of `body`, `body` = the operation and the fragments it uses, printed). A request is
// trusted when it names a manifest id in `extensions.persistedQuery.sha256Hash`, or when its selected
// operation, printed the same way, hashes to a manifest id.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Kind, parse, print, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';

export const MANIFEST_FORMAT = 'apollo-persisted-query-manifest';

export interface ManifestOperation {
  id: string;
  name: string;
  type: 'query' | 'mutation' | 'subscription';
  body: string;
}

export interface PersistedQueryManifest {
  format: typeof MANIFEST_FORMAT;
  version: 1;
  operations: ManifestOperation[];
}

export const DEFAULT_MANIFEST_PATH = path.resolve(__dirname, '../../../schema/operations/manifest.json');

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The operation (by name, or the only one) of a document with the fragments it uses, sorted by name, printed. */
export function canonicalOperation(document: DocumentNode, operationName?: string | null): string | null {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
  if (!operation) return null;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const used = new Map<string, FragmentDefinitionNode>();
  const collect = (selectionSet: SelectionSetNode): void => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        if (fragment && !used.has(fragment.name.value)) {
          used.set(fragment.name.value, fragment);
          collect(fragment.selectionSet);
        }
      } else if (selection.selectionSet) {
        collect(selection.selectionSet);
      }
    }
  };
  collect(operation.selectionSet);
  const sorted = [...used.values()].sort((a, b) => (a.name.value < b.name.value ? -1 : a.name.value > b.name.value ? 1 : 0));
  return print({ kind: Kind.DOCUMENT, definitions: [operation, ...sorted] });
}

export class TrustedDocuments {
  private readonly byId = new Map<string, ManifestOperation>();

  constructor(manifest: PersistedQueryManifest) {
    if (manifest.format !== MANIFEST_FORMAT || manifest.version !== 1) {
      throw new Error(`trusted documents: expected ${MANIFEST_FORMAT} version 1`);
    }
    for (const operation of manifest.operations) {
      // the manifest must be what this code would produce: a stale or hand-edited entry fails loudly
      if (sha256(operation.body) !== operation.id || canonicalOperation(parse(operation.body)) !== operation.body) {
        throw new Error(`trusted documents: entry ${operation.name} is not canonical (run \`npm run manifest\`)`);
      }
      this.byId.set(operation.id, operation);
    }
  }

  static load(file: string = DEFAULT_MANIFEST_PATH): TrustedDocuments {
    return new TrustedDocuments(JSON.parse(readFileSync(file, 'utf8')) as PersistedQueryManifest);
  }

  get size(): number {
    return this.byId.size;
  }

  /** The document of a manifest id (sha256 hex), if any. */
  documentOf(id: string): string | undefined {
    return this.byId.get(id)?.body;
  }

  /** The document of the manifest operation named `name`, if any (named exports refer to their document so). */
  documentNamed(name: string): string | undefined {
    for (const operation of this.byId.values()) if (operation.name === name) return operation.body;
    return undefined;
  }

  /** Whether the selected operation of `document` is one of the manifest's. */
  trusts(document: DocumentNode, operationName?: string | null): boolean {
    const canonical = canonicalOperation(document, operationName);
    return canonical !== null && this.byId.has(sha256(canonical));
  }
}
