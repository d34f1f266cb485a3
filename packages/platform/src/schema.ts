// Builds a federated subgraph schema from type-graphql classes: type-graphql gives the types and
// resolvers, @apollo/subgraph adds the federation machinery (_service, _entities) around them.
import 'reflect-metadata';
import { buildSchema, createResolversMap, type NonEmptyArray } from 'type-graphql';
import { buildSubgraphSchema, type GraphQLResolverMap } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse, type GraphQLSchema } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import type { RequestContext } from './context';
import { requireMutationRoles, roleChecker, scopedReference } from './access';

const FEDERATION_IMPORTS = ['@key', '@shareable', '@external', '@requires', '@provides', '@inaccessible', '@tag'];

export type ReferenceResolver = (reference: Record<string, unknown>, context: RequestContext<any>) => unknown;

export interface FederatedSchemaOptions {
  /** Resolver classes (type-graphql types them as plain Functions). */
  resolvers: NonEmptyArray<Function>;
  /** Types not reachable from any root field (e.g. stubs of other subgraphs' entities). */
  orphanedTypes?: Function[];
  /**
   * `__resolveReference` per entity type name: how `_entities` finds a row from its key. For a PARTNER
   * caller, a reference resolving to nothing (outside its scope) becomes null with FORBIDDEN.
   */
  references?: Record<string, ReferenceResolver>;
}

export async function buildFederatedSchema(options: FederatedSchemaOptions): Promise<GraphQLSchema> {
  requireMutationRoles(options.resolvers);
  const typeSchema = await buildSchema({
    resolvers: options.resolvers,
    orphanedTypes: options.orphanedTypes,
    skipCheck: true,
    // `@Authorized(...roles)` on mutations and sensitive fields; a refusal is a coded FORBIDDEN error
    authChecker: roleChecker,
    authMode: 'error',
    validate: { forbidUnknownValues: false },
    scalarsMap: [{ type: Date, scalar: DateTimeResolver }],
    // type-graphql refuses any @Subscription without a PubSub; ours all bring their own `subscribe`
    // (the outbox stream, context.events.open), so topic-based subscriptions are refused instead.
    pubSub: {
      publish: () => {
        throw new Error('topic-based subscriptions are not supported: give @Subscription a subscribe function');
      },
      subscribe: () => {
        throw new Error('topic-based subscriptions are not supported: give @Subscription a subscribe function');
      },
    },
  });
  const sdl = [
    `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ${JSON.stringify(FEDERATION_IMPORTS)})`,
    printSchemaWithDirectives(typeSchema),
  ].join('\n');
  const resolvers = createResolversMap(typeSchema) as GraphQLResolverMap<RequestContext>;
  // Every entity type gets a reference resolver — ones without their own resolve to the representation
  // (what @apollo/subgraph does by default) — so that the partner rule wraps them all: a Supplier stub
  // contributed to here must not resolve for another supplier's id.
  const keyed = [...sdl.matchAll(/^type (\w+)\b[^{\n]*@key\(/gm)].map((m) => m[1]!);
  const references: Record<string, ReferenceResolver> = Object.fromEntries(keyed.map((name) => [name, (reference: Record<string, unknown>) => reference]));
  Object.assign(references, options.references);
  for (const [typeName, resolveReference] of Object.entries(references)) {
    const typeResolvers = (resolvers[typeName] ?? {}) as Record<string, unknown>;
    typeResolvers.__resolveReference = scopedReference(typeName, resolveReference);
    resolvers[typeName] = typeResolvers as never;
  }
  return buildSubgraphSchema([{ typeDefs: parse(sdl), resolvers }]);
}
