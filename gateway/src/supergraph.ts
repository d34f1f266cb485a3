// What the gateway reads off the composed supergraph SDL itself (the rest is @apollo/gateway's job).
import { Kind, parse, type EnumTypeDefinitionNode } from 'graphql';

/**
 * The supergraph's subgraph names (its `join__Graph` values' `@join__graph(name:)`), sorted: every worker
 * derives the same list from the same SDL.
 */
export function subgraphNamesOf(supergraphSdl: string): string[] {
  const graphs = parse(supergraphSdl).definitions.find(
    (definition): definition is EnumTypeDefinitionNode => definition.kind === Kind.ENUM_TYPE_DEFINITION && definition.name.value === 'join__Graph',
  );
  if (!graphs) throw new Error('not a supergraph: no join__Graph enum');
  const names = (graphs.values ?? []).map((value) => {
    const argument = value.directives?.find((d) => d.name.value === 'join__graph')?.arguments?.find((a) => a.name.value === 'name');
    if (argument?.value.kind !== Kind.STRING) throw new Error(`join__Graph.${value.name.value} names no subgraph`);
    return argument.value.value;
  });
  return names.sort();
}
