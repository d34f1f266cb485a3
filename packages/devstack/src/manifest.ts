// `npm run manifest`: writes schema/operations/manifest.json, the trusted (persisted) documents, from
// the codegen documents schema/operations/*.graphql — one entry per operation in Apollo's
// persisted-query-manifest format: `id` = sha256 hex of `body`, `body` = the operation followed by the
// fragments it uses (sorted by name), printed by graphql-js. Every operation must validate against
// schema/api.graphql and names must be unique. `npm run manifest:check`: fails when the committed
// manifest differs. The canonical form and hash are the gateway's own (limits/trusted-documents.ts).
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Kind, buildSchema, parse, validate, type FragmentDefinitionNode } from 'graphql';
import { canonicalOperation, sha256 } from '@cmgraph/gateway/src/limits/trusted-documents';

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
      // the gateway's own canonical form (operation + the fragments it uses, sorted, printed)
      const body = canonicalOperation({ kind: Kind.DOCUMENT, definitions: [operation, ...fragments.values()] }, name)!;
      const errors = validate(schema, parse(body));
      if (errors.length) throw new Error(`${file}: ${name} does not validate: ${errors.map((e) => e.message).join('; ')}`);
      entries.push({ id: sha256(body), name, type: operation.operation, body });
    }
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return `${JSON.stringify({ format: 'apollo-persisted-query-manifest', version: 1, operations: entries }, null, 2)}\n`;
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
