// Generated artifacts are committed and must match what the code produces: the subgraph SDL, the
// supergraph, the API schema and the codegen output.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { generate, loadCodegenConfig } from '@graphql-codegen/cli';
import { schemaFiles } from '@cmgraph/devstack/src/compose/main';

const root = path.resolve(__dirname, '..');

describe('generated artifacts', () => {
  it('the committed schema/*.graphql equal what the subgraphs compose to, with no composition errors', async () => {
    const files = await schemaFiles();
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['supergraph.graphql', 'api.graphql', 'suppliers.graphql']));
    for (const [name, content] of Object.entries(files)) {
      expect({ name, content: readFileSync(path.join(root, 'schema', name), 'utf8') }).toEqual({ name, content });
    }
  });

  it('the committed codegen output equals what codegen.yml generates from schema/operations', async () => {
    const { config } = await loadCodegenConfig({ configFilePath: path.join(root, 'codegen.yml') });
    const outputs = await generate({ ...config, cwd: root, silent: true }, false);
    expect(outputs.length).toBeGreaterThan(0);
    for (const output of outputs) {
      const committed = readFileSync(path.resolve(root, output.filename), 'utf8');
      expect({ file: output.filename, content: committed }).toEqual({ file: output.filename, content: output.content });
    }
  });
});
