// `npm run manifest`: writes schema/operations/manifest.json, the trusted (persisted) documents, from
// the codegen documents schema/operations/*.graphql — one entry per operation in Apollo's
// persisted-query-manifest format: `id` = sha256 hex of `body`, `body` = the operation followed by the
// fragments it uses (sorted by name), printed by graphql-js. Every operation must validate against
// schema/api.graphql and names must be unique. `npm run manifest:check`: fails when the committed
// manifest differs. The gateway re-derives each entry the same way when it loads the manifest.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  Kind,
  buildSchema,
  parse,
  print,
  validate,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

const schemaDir = path.resolve(__dirname, '../../../schema');
const operationsDir = path.join(schemaDir, 'operations');
export const MANIFEST_FILE = path.join(operationsDir, 'manifest.json');

interface Entry {
  id: string;
  name: string;
  type: 'query' | 'mutation' | 'subscription';
  body: string;
}

/** The manifest's text as the code produces it now. */
export function manifestText(): string {
  const schema = buildSchema(readFileSync(path.join(schemaDir, 'api.graphql'), 'utf8'));
  const files = readdirSync(operationsDir).filter((f) => f.endsWith('.graphql')).sort();
  const documents = files.map((file) => ({ file, document: parse(readFileSync(path.join(operationsDir, file), 'utf8')) }));
  // fragments may live in any operations file, as codegen sees them all as one set
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const { document } of documents) {
    for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  }
  const entries: Entry[] = [];
  const seen = new Map<string, string>();
  for (const { file, document } of documents) {
    for (const operation of document.definitions) {
      if (operation.kind !== Kind.OPERATION_DEFINITION) continue;
      const name = operation.name?.value;
      if (!name) throw new Error(`${file}: every trusted operation needs a name`);
      if (seen.has(name)) throw new Error(`${file}: operation ${name} is also defined in ${seen.get(name)}`);
      seen.set(name, file);
      const single = withFragments(operation, fragments);
      const errors = validate(schema, single);
      if (errors.length) throw new Error(`${file}: ${name} does not validate: ${errors.map((e) => e.message).join('; ')}`);
      const body = print(single);
      entries.push({ id: createHash('sha256').update(body).digest('hex'), name, type: operation.operation, body });
    }
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return `${JSON.stringify({ format: 'apollo-persisted-query-manifest', version: 1, operations: entries }, null, 2)}\n`;
}

function withFragments(operation: OperationDefinitionNode, fragments: Map<string, FragmentDefinitionNode>): DocumentNode {
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
  return { kind: Kind.DOCUMENT, definitions: [operation, ...sorted] };
}

function main(): void {
  const check = process.argv.includes('--check');
  const text = manifestText();
  const current = existsSync(MANIFEST_FILE) ? readFileSync(MANIFEST_FILE, 'utf8') : '';
  if (check) {
    if (current !== text) {
      console.error('trusted documents drift: schema/operations/manifest.json — run `npm run manifest` and commit');
      process.exit(1);
    }
    console.log('trusted documents up to date');
    return;
  }
  if (current !== text) writeFileSync(MANIFEST_FILE, text);
  console.log(`trusted documents written to ${path.relative(process.cwd(), MANIFEST_FILE)}`);
}

if (require.main === module) {
  try {
    main();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
