// The gateway's operation limits: what a single request may cost before any subgraph is called. Every
// number has a default sized with margin over the committed operations in schema/operations (the test
// "every committed operation passes the default limits" keeps that true); deployments override some.
export interface RateLimitOptions {
  /** Sustained requests per minute per identity subject (token refill rate). */
  requestsPerMinute: number;
  /** Requests a subject may send at once after being idle (bucket size); defaults to requestsPerMinute. */
  burst?: number;
}

export interface OperationLimits {
  /** Deepest field nesting (a root field is depth 1). */
  maxDepth: number;
  /** Aliased fields, counted per occurrence in the operation with its fragments expanded. */
  maxAliases: number;
  /** Fields selected on the root type (aliases of one field count each). */
  maxRootFields: number;
  /** Estimated cost: every field costs 1 × the list sizes above it (`first`/`last`/`limit`, or defaultListSize). */
  maxCost: number;
  /** Assumed size of a list field that has no `first`/`last`/`limit` argument. */
  defaultListSize: number;
  /** Largest HTTP request body, in bytes. */
  maxBodyBytes: number;
  /** Per-identity token bucket; false turns it off. */
  rateLimit: RateLimitOptions | false;
  /** Production mode: introspection (`__schema`, `__type`) rejected, "Did you mean …" suggestions removed. */
  production: boolean;
}

export const DEFAULT_LIMITS: Readonly<OperationLimits> = Object.freeze({
  maxDepth: 12,
  maxAliases: 30,
  maxRootFields: 20,
  maxCost: 100_000,
  defaultListSize: 10,
  maxBodyBytes: 256 * 1024,
  rateLimit: { requestsPerMinute: 600 },
  production: false,
});

/** The defaults with `overrides` applied (production from NODE_ENV unless given), checked for sanity. */
export function resolveLimits(overrides: Partial<OperationLimits> = {}, env: NodeJS.ProcessEnv = process.env): OperationLimits {
  const limits: OperationLimits = { ...DEFAULT_LIMITS, production: env.NODE_ENV === 'production', ...overrides };
  for (const key of ['maxDepth', 'maxAliases', 'maxRootFields', 'maxCost', 'defaultListSize', 'maxBodyBytes'] as const) {
    const value = limits[key];
    if (!(value >= 0)) throw new Error(`operation limit ${key} must be a number ≥ 0, got ${value}`);
  }
  if (limits.rateLimit) {
    const { requestsPerMinute, burst } = limits.rateLimit;
    if (!(requestsPerMinute > 0)) throw new Error(`rateLimit.requestsPerMinute must be > 0, got ${requestsPerMinute}`);
    if (burst !== undefined && !(burst >= 1)) throw new Error(`rateLimit.burst must be ≥ 1, got ${burst}`);
  }
  return limits;
}
