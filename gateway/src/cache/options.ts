// The knobs of the response cache and of subgraph fetch sharing, with their environment variables
// (gateway/src/main.ts reads them; createGateway takes them as options).
export interface ResponseCacheOptions {
  /** How long an answer may be served at most (default 30 s): answers also move with the clock. */
  ttlMs: number;
  /** Answers kept at most (default 10,000). */
  maxEntries: number;
  /** Bytes of answers (their JSON) kept at most (default 64 MiB); a larger single answer is not stored. */
  maxBytes: number;
  /** How often the event bus is read when nothing wakes the feed (default 1,000 ms). */
  busPollMs: number;
}

export const DEFAULT_RESPONSE_CACHE: ResponseCacheOptions = {
  ttlMs: 30_000,
  maxEntries: 10_000,
  maxBytes: 64 * 1024 * 1024,
  busPollMs: 1_000,
};

function positiveInteger(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const text = env[name];
  if (text === undefined || text === '') return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got ${text}`);
  return value;
}

/**
 * GATEWAY_RESPONSE_CACHE (1 on, the default; 0 off), GATEWAY_RESPONSE_CACHE_TTL_MS,
 * GATEWAY_RESPONSE_CACHE_MAX_ENTRIES, GATEWAY_RESPONSE_CACHE_MAX_BYTES. False: off.
 */
export function responseCacheFromEnv(env: NodeJS.ProcessEnv = process.env): Partial<ResponseCacheOptions> | false {
  const switchText = env.GATEWAY_RESPONSE_CACHE ?? '1';
  if (switchText !== '0' && switchText !== '1') throw new Error(`GATEWAY_RESPONSE_CACHE must be 0 or 1, got ${switchText}`);
  if (switchText === '0') return false;
  const options: Partial<ResponseCacheOptions> = {};
  const ttlMs = positiveInteger(env, 'GATEWAY_RESPONSE_CACHE_TTL_MS');
  const maxEntries = positiveInteger(env, 'GATEWAY_RESPONSE_CACHE_MAX_ENTRIES');
  const maxBytes = positiveInteger(env, 'GATEWAY_RESPONSE_CACHE_MAX_BYTES');
  if (ttlMs !== undefined) options.ttlMs = ttlMs;
  if (maxEntries !== undefined) options.maxEntries = maxEntries;
  if (maxBytes !== undefined) options.maxBytes = maxBytes;
  return options;
}

/** GATEWAY_SUBGRAPH_DEDUP (1 on, the default; 0 off): identical concurrent subgraph fetches share one request. */
export function subgraphDedupFromEnv(env: NodeJS.ProcessEnv = process.env): boolean {
  const text = env.GATEWAY_SUBGRAPH_DEDUP ?? '1';
  if (text !== '0' && text !== '1') throw new Error(`GATEWAY_SUBGRAPH_DEDUP must be 0 or 1, got ${text}`);
  return text === '1';
}
