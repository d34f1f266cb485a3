// Composition without an external binary: each subgraph's SDL from its own schema, composed with
// @apollo/composition into the supergraph the gateway serves, plus the API schema codegen reads.
import { printSubgraphSchema } from '@apollo/subgraph';
import { composeServices } from '@apollo/composition';
import { parse, printSchema } from 'graphql';
import { subgraphSchema, type SubgraphDefinition } from '@cmgraph/platform';
import { withoutUnownedExternals } from './subset';

export interface Composed {
  subgraphSdl: Record<string, string>;
  supergraphSdl: string;
  apiSchemaSdl: string;
}

export async function composeSupergraph(
  definitions: SubgraphDefinition<any>[],
  urlOf: (definition: SubgraphDefinition<any>) => string = (d) => `http://127.0.0.1:${d.port}/graphql`,
): Promise<Composed> {
  const subgraphSdl: Record<string, string> = {};
  for (const definition of definitions) {
    subgraphSdl[definition.name] = printSubgraphSchema(await subgraphSchema(definition));
  }
  // a subset (most test stacks) composes without the @external fields whose owners are absent
  const result = composeServices(
    withoutUnownedExternals(definitions.map((d) => ({ name: d.name, typeDefs: parse(subgraphSdl[d.name]!) }))).map((s, i) => ({
      ...s,
      url: urlOf(definitions[i]!),
    })),
  );
  if (result.errors) {
    throw new Error(`composition failed:\n${result.errors.map((e) => `- ${e.message}`).join('\n')}`);
  }
  return {
    subgraphSdl,
    supergraphSdl: result.supergraphSdl,
    apiSchemaSdl: printSchema(result.schema.toAPISchema().toGraphQLJSSchema()),
  };
}
