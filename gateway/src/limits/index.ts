// Operation limits and trusted documents at the gateway: depth, aliases, root fields, estimated cost,
// body size, per-identity rate limit, PARTNER callers confined to the persisted-query manifest, and
// production mode (no introspection, no suggestions). See guard.ts for the order of the checks.
export { DEFAULT_LIMITS, resolveLimits, type OperationLimits, type RateLimitOptions } from './options';
export { withoutSuggestions, type LimitErrorCode, type LimitRule } from './errors';
export { measureOperation, type OperationMeasure } from './measure';
export { TokenBucketLimiter, type RateLimiter, type RateDecision } from './rate-limit';
export { SharedTokenBucketLimiter } from './shared-rate-limit';
export {
  TrustedDocuments,
  canonicalOperation,
  sha256,
  DEFAULT_MANIFEST_PATH,
  MANIFEST_FORMAT,
  type ManifestOperation,
  type PersistedQueryManifest,
} from './trusted-documents';
export { createOperationGuard, isPartner, type OperationGuard, type OperationGuardOptions, type OperationToCheck } from './guard';
export { operationLimitsPlugin, type OperationLimitsPluginOptions } from './plugin';
export { jsonBodyLimit } from './body-limit';
