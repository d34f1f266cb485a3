// Plans client subscriptions against the supergraph: validates the document (and its variables) on
// the API schema, asks @apollo/query-planner for the plan (`SubscriptionNode { primary, rest }`), and
// turns the primary fetch into a resumable upstream operation. Validation and plans are cached per
// document text.
import {
  GraphQLError,
  getOperationAST,
  getVariableValues,
  parse,
  print,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { Supergraph, operationFromDocument, type Schema } from '@apollo/federation-internals';
import { QueryPlanner, type FetchNode, type PlanNode } from '@apollo/query-planner';
import { buildOperationContext } from '@apollo/gateway';
import type { Logger } from '@cmgraph/platform/src/lean';
import { subscriptionError } from './errors';
import { upstreamOperation, type UpstreamOperation } from './upstream-operation';

export type OperationContext = ReturnType<typeof buildOperationContext>;

export interface SubscriptionPlan {
  primary: FetchNode;
  rest?: PlanNode;
  upstream: UpstreamOperation;
  /** The client's document as graphql-js prints it: equal for equal selections, whatever the spacing. */
  canonical: string;
}

export interface ParsedOperation {
  source: string;
  document: DocumentNode;
  operationName?: string;
  operation: OperationDefinitionNode;
}

export interface PreparedSubscription extends ParsedOperation {
  variables: Record<string, unknown>;
  operationContext: OperationContext;
  plan: SubscriptionPlan;
}

/** What a valid document's text always yields, cached per text. */
interface Planned {
  document: DocumentNode;
  operation: OperationDefinitionNode;
  operationContext: OperationContext;
  plan: SubscriptionPlan;
}

interface Compiled {
  apiSchema: GraphQLSchema;
  federationApiSchema: Schema;
  supergraphSchema: GraphQLSchema;
  planner: QueryPlanner;
}

export class SubscriptionPlanner {
  private compiled: Compiled | undefined;
  private readonly plans = new Map<string, Planned>();

  /**
   * Nothing is built until the first operation arrives over graphql-ws (≈ 0.4 s for the six-subgraph
   * supergraph): a gateway, or a test stack, that only serves HTTP does not pay for a second planner.
   */
  constructor(
    private readonly supergraphSdl: string,
    private readonly log: Logger,
    private readonly cacheSize = 500,
  ) {}

  /** The API schema clients see (graphql-js). */
  get apiSchema(): GraphQLSchema {
    return this.compile().apiSchema;
  }

  /** The API schema as the federation libraries want it (for executeQueryPlan). */
  get federationApiSchema(): Schema {
    return this.compile().federationApiSchema;
  }

  /** The supergraph schema with its join__ metadata (for executeQueryPlan). */
  get supergraphSchema(): GraphQLSchema {
    return this.compile().supergraphSchema;
  }

  private compile(): Compiled {
    if (!this.compiled) {
      const supergraph = Supergraph.build(this.supergraphSdl);
      const federationApiSchema = supergraph.apiSchema();
      this.compiled = {
        apiSchema: federationApiSchema.toGraphQLJSSchema(),
        federationApiSchema,
        supergraphSchema: supergraph.schema.toGraphQLJSSchema(),
        planner: new QueryPlanner(supergraph),
      };
    }
    return this.compiled;
  }

  /** Parses a client document and picks its operation. */
  parse(source: unknown, operationName?: string | null): ParsedOperation | GraphQLError[] {
    if (typeof source !== 'string' || !source.trim()) {
      return [subscriptionError('GRAPHQL_PARSE_FAILED', 'The request has no query document.')];
    }
    let document: DocumentNode;
    try {
      document = parse(source);
    } catch (error) {
      const syntax = error as GraphQLError;
      return [
        new GraphQLError(syntax.message, {
          source: syntax.source,
          positions: syntax.positions,
          extensions: { code: 'GRAPHQL_PARSE_FAILED' },
        }),
      ];
    }
    const operation = getOperationAST(document, operationName ?? undefined);
    if (!operation) {
      return [
        subscriptionError(
          'OPERATION_RESOLUTION_FAILURE',
          operationName ? `Unknown operation named "${operationName}".` : 'Must provide exactly one operation, or an operation name.',
        ),
      ];
    }
    return { source, document, operationName: operationName ?? undefined, operation };
  }

  /**
   * Validates a parsed subscription and its variables, and plans it. A document already validated and
   * planned is only checked for its variables: thousands of subscribers sending the same portal
   * document pay for its validation once.
   */
  prepare(parsed: ParsedOperation, variables: Record<string, unknown> | null | undefined): PreparedSubscription | GraphQLError[] {
    const key = `${parsed.operationName ?? ''}\n${parsed.source}`;
    let planned = this.plans.get(key);
    if (!planned) {
      const invalid = validate(this.apiSchema, parsed.document);
      if (invalid.length) {
        return invalid.map(
          (e) =>
            new GraphQLError(e.message, {
              nodes: e.nodes,
              source: e.source,
              positions: e.positions,
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
            }),
        );
      }
    }
    const values = variables ?? {};
    const coerced = getVariableValues(this.apiSchema, parsed.operation.variableDefinitions ?? [], values, { maxErrors: 20 });
    if (coerced.errors) {
      return coerced.errors.map(
        (e) => new GraphQLError(e.message, { nodes: e.nodes, extensions: { code: 'BAD_USER_INPUT' } }),
      );
    }
    if (!planned) {
      try {
        planned = this.plan(key, parsed);
      } catch (error) {
        this.log.error({ err: error }, 'subscription planning failed');
        return [new GraphQLError('The subscription could not be planned.', { extensions: { code: 'INTERNAL_SERVER_ERROR' } })];
      }
    }
    // the cached document and operation, so that every subscriber of this text shares one copy
    const { document, operation, operationContext, plan } = planned;
    return { ...parsed, document, operation, variables: values, operationContext, plan };
  }

  private plan(key: string, parsed: ParsedOperation): Planned {
    const operation = operationFromDocument(this.federationApiSchema, parsed.document, {
      operationName: parsed.operationName,
    });
    const node = this.compile().planner.buildQueryPlan(operation).node;
    if (node?.kind !== 'Subscription') throw new Error(`expected a Subscription plan node, got ${node?.kind}`);
    const planned: Planned = {
      document: parsed.document,
      operation: parsed.operation,
      operationContext: buildOperationContext({
        schema: this.apiSchema,
        operationDocument: parsed.document,
        operationName: parsed.operationName,
      }),
      plan: {
        primary: node.primary,
        rest: node.rest,
        upstream: upstreamOperation(node.primary, this.supergraphSchema),
        canonical: print(parsed.document),
      },
    };
    if (this.plans.size >= this.cacheSize) this.plans.delete(this.plans.keys().next().value!);
    this.plans.set(key, planned);
    return planned;
  }
}
