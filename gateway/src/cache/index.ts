// The gateway's response cache (never stale after a committed mutation: generations bumped by mutations
// through this gateway and by every event on the bus) and the sharing of identical in-flight subgraph
// fetches. See gateway-cache.ts for how the parts meet.
export { GatewayCache, CACHE_HEADER, type GatewayCacheOptions, type ResponseCacheStats } from './gateway-cache';
export { DEFAULT_RESPONSE_CACHE, responseCacheFromEnv, subgraphDedupFromEnv, type ResponseCacheOptions } from './options';
export { SIDE_EFFECT_TYPES, sideEffectTypesOf } from './side-effects';
export { InflightRequests } from './inflight';
export { type BusFeedStats } from './bus-feed';
