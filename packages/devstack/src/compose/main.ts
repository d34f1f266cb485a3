// `npm run compose`: writes schema/<subgraph>.graphql, schema/supergraph.graphql and schema/api.graphql.
// `npm run compose:check`: fails when the committed files differ from what the code produces.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { composeSupergraph } from './compose';
import { loadSubgraphs } from '../subgraphs';

const schemaDir = path.resolve(__dirname, '../../../../schema');

export async function schemaFiles(): Promise<Record<string, string>> {
  const composed = await composeSupergraph((await loadSubgraphs()).map((m) => m.definition));
  const files: Record<string, string> = {};
  for (const [name, sdl] of Object.entries(composed.subgraphSdl)) files[`${name}.graphql`] = `${sdl.trim()}\n`;
  files['supergraph.graphql'] = `${composed.supergraphSdl.trim()}\n`;
  files['api.graphql'] = `${composed.apiSchemaSdl.trim()}\n`;
  return files;
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const files = await schemaFiles();
  const drifted: string[] = [];
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(schemaDir, name);
    const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
    if (current === content) continue;
    if (check) drifted.push(name);
    else writeFileSync(file, content);
  }
  if (check && drifted.length) {
    console.error(`schema drift in: ${drifted.join(', ')} — run \`npm run compose\` and commit`);
    process.exit(1);
  }
  console.log(check ? 'schema up to date' : `schema written to ${path.relative(process.cwd(), schemaDir)}/`);
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
