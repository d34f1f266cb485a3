// Plain HTTP helpers of the benchmarks: one GraphQL POST, waiting for a gateway that has no /health, and
// where two answers first differ (the comparison harness aborts with that path).
import { ServiceExitedError, type Service } from '@cmgraph/devstack/src/processes';

export interface GraphqlAnswer {
  status: number;
  text: string;
  json: unknown;
}

export async function postGraphql(url: string, body: string, headers: Record<string, string>): Promise<GraphqlAnswer> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, text, json };
}

/** Polls with `{ __typename }` until the gateway answers 200 (Hive's and Apollo's standalone servers have no /health of ours). */
export async function waitForGraphql(url: string, headers: Record<string, string>, service: Service, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let gone = false;
  void service.exited.then(() => (gone = true));
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (gone) throw new ServiceExitedError(service, await service.exited);
    try {
      const answer = await postGraphql(url, JSON.stringify({ query: '{ __typename }' }), headers);
      if (answer.status === 200) return;
      last = `HTTP ${answer.status}: ${answer.text.slice(0, 200)}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  process.stderr.write(`${service.recentOutput().slice(-20).join('\n')}\n`);
  throw new Error(`${service.name} at ${url} not ready in time (last: ${last})`);
}

/** The JSON path where two values first differ, with both values there (shortened). */
export function firstDifference(a: unknown, b: unknown, at = '$'): string {
  if (typeof a !== typeof b || Array.isArray(a) !== Array.isArray(b) || a === null || b === null || typeof a !== 'object') {
    return `${at}: ${JSON.stringify(a)?.slice(0, 120)} vs ${JSON.stringify(b)?.slice(0, 120)}`;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(x), ...Object.keys(y)])];
  for (const key of keys) {
    if (JSON.stringify(x[key]) !== JSON.stringify(y[key])) return firstDifference(x[key], y[key], `${at}.${key}`);
  }
  return `${at}: key order only`;
}
