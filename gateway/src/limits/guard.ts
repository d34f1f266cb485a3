// The checks every operation passes before any subgraph is called, independent of the transport: the
// Apollo Server plugin (HTTP, and queries over graphql-ws) and the graphql-ws subscription path both
// call `checkOperation`. Order: rate limit (a refused request costs nothing more), trusted documents
// for PARTNER callers, introspection in production, then depth, aliases, root fields and cost.
import { Kind, type DocumentNode, type FragmentDefinitionNode, type GraphQLError, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import type { Identity } from '@cmgraph/platform/src/lean';
import { introspectionDisabled, notTrusted, rateLimited, tooComplex } from './errors';
import { measureOperation } from './measure';
import { resolveLimits, type OperationLimits } from './options';
import { TokenBucketLimiter, type RateLimiter } from './rate-limit';
import { SharedTokenBucketLimiter } from './shared-rate-limit';
import type { TrustedDocuments } from './trusted-documents';

export interface OperationGuardOptions {
  limits?: Partial<OperationLimits>;
  /** The manifest PARTNER callers are confined to (TrustedDocuments.load()). */
  trustedDocuments: TrustedDocuments;
  /** Replaces the in-memory token bucket (e.g. a store shared by every gateway). */
  rateLimiter?: RateLimiter;
  /** The buckets live in this memory, shared with the gateway's other workers (`SharedTokenBucketLimiter.memory`). */
  rateLimitMemory?: SharedArrayBuffer;
}

export interface OperationToCheck {
  /** The API schema the document is validated against. */
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
  identity: Identity | null;
  /** Whether this operation takes a rate-limit token (default true; false for the later pages of one export). */
  rateLimit?: boolean;
}

export interface OperationGuard {
  readonly limits: OperationLimits;
  readonly trustedDocuments: TrustedDocuments;
  /** Errors to answer instead of executing (empty: run it). Takes a rate-limit token. */
  checkOperation(operation: OperationToCheck): GraphQLError[];
}

export function isPartner(identity: Identity | null): boolean {
  return !!identity && identity.roles.includes('PARTNER') && !identity.roles.includes('ADMIN');
}

export function createOperationGuard(options: OperationGuardOptions): OperationGuard {
  const limits = resolveLimits(options.limits);
  const limiter =
    options.rateLimiter ??
    (!limits.rateLimit
      ? undefined
      : options.rateLimitMemory
        ? new SharedTokenBucketLimiter(limits.rateLimit, options.rateLimitMemory)
        : new TokenBucketLimiter(limits.rateLimit));
  const trustedDocuments = options.trustedDocuments;

  return {
    limits,
    trustedDocuments,
    checkOperation({ schema, document, operationName, variables, identity, rateLimit = true }) {
      if (limiter && identity && rateLimit) {
        const decision = limiter.take(identity.subject);
        if (!decision.allowed) return [rateLimited(decision.retryAfterSeconds)];
      }
      if (isPartner(identity) && !trustedDocuments.trusts(document, operationName)) return [notTrusted()];
      const operation = selectedOperation(document, operationName);
      if (!operation) return []; // graphql-js reports it (OPERATION_RESOLUTION_FAILURE)
      const fragments = new Map<string, FragmentDefinitionNode>();
      for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
      const measure = measureOperation(schema, operation, fragments, variables ?? undefined, {
        defaultListSize: limits.defaultListSize,
        stopAboveCost: limits.maxCost,
      });
      if (limits.production && measure.introspection) return [introspectionDisabled()];
      const errors: GraphQLError[] = [];
      if (measure.depth > limits.maxDepth) errors.push(tooComplex('depth', limits.maxDepth, measure.depth));
      if (measure.aliases > limits.maxAliases) errors.push(tooComplex('aliases', limits.maxAliases, measure.aliases));
      if (measure.rootFields > limits.maxRootFields) errors.push(tooComplex('rootFields', limits.maxRootFields, measure.rootFields));
      if (measure.cost > limits.maxCost) errors.push(tooComplex('cost', limits.maxCost, measure.cost));
      return errors;
    },
  };
}

function selectedOperation(document: DocumentNode, operationName?: string | null): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (operationName) return operations.find((o) => o.name?.value === operationName);
  return operations.length === 1 ? operations[0] : undefined;
}
