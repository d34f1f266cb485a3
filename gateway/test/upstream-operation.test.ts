// The resumable upstream operation made from the planner's primary fetch: the cursor is always
// selected (under a private alias unless the client selected it), `after` comes from a private
// variable, and the client's own `after` (literal or variable) is where the stream starts.
import { parse } from 'graphql';
import { describe, expect, it } from '@jest/globals';
import { composeServices } from '@apollo/composition';
import { createLogger } from '@cmgraph/platform';
import { SubscriptionPlanner, type PreparedSubscription } from '../src/subscriptions/planner';
import { startCursor, takeCursor, upstreamVariables } from '../src/subscriptions/upstream-operation';
import { ITEMS_SDL, TICKS_SDL } from './fixtures/subgraphs';

const composed = composeServices([
  { name: 'ticks', url: 'http://127.0.0.1:1/graphql', typeDefs: parse(TICKS_SDL) },
  { name: 'items', url: 'http://127.0.0.1:2/graphql', typeDefs: parse(ITEMS_SDL) },
]);
const planner = new SubscriptionPlanner(composed.supergraphSdl!, createLogger('test'));

function prepare(source: string, variables: Record<string, unknown> = {}): PreparedSubscription {
  const parsed = planner.parse(source);
  if (Array.isArray(parsed)) throw new Error(JSON.stringify(parsed));
  const prepared = planner.prepare(parsed, variables);
  if (Array.isArray(prepared)) throw new Error(JSON.stringify(prepared));
  return prepared;
}

describe('upstream operation', () => {
  it('feeds `after` from a private variable and drops the client variable it replaced', () => {
    const prepared = prepare('subscription S($a: String, $t: String) { ticked(after: $a, topic: $t) { n item { name } } }', {
      a: 'tick:00000003',
      t: 'x',
    });
    const upstream = prepared.plan.upstream;
    expect(upstream.serviceName).toBe('ticks');
    expect(upstream.query).toContain('$__after: String');
    expect(upstream.query).toContain('after: $__after');
    expect(upstream.query).not.toContain('$a');
    expect(upstream.query).toContain('__cursor: cursor');
    expect(upstream.privateCursor).toBe(true);
    expect(startCursor(upstream, prepared.variables)).toBe('tick:00000003');
    expect(upstreamVariables(upstream, prepared.variables, null)).toEqual({ t: 'x' });
    expect(upstreamVariables(upstream, prepared.variables, 'tick:00000009')).toEqual({ t: 'x', __after: 'tick:00000009' });
  });

  it('takes a literal `after` as the start, and uses the cursor the client selected', () => {
    const upstream = prepare('subscription { ticked(after: "tick:00000001") { c: cursor n } }').plan.upstream;
    expect(startCursor(upstream, {})).toBe('tick:00000001');
    expect(upstream.cursorKey).toBe('c');
    expect(upstream.privateCursor).toBe(false);
    expect(upstream.query).not.toContain('__cursor');
    const data = { ticked: { c: 'tick:00000002', n: 2 } };
    expect(takeCursor(upstream, data)).toBe('tick:00000002');
    expect(data).toEqual({ ticked: { c: 'tick:00000002', n: 2 } });
  });

  it('takes the private cursor out of the event, and never collides with a client alias', () => {
    const upstream = prepare('subscription { ticked { __cursor: n } }').plan.upstream;
    expect(upstream.cursorKey).toBe('__cursor1');
    const data = { ticked: { __cursor: 5, __cursor1: 'tick:00000005' } };
    expect(takeCursor(upstream, data)).toBe('tick:00000005');
    expect(data).toEqual({ ticked: { __cursor: 5 } });
    expect(startCursor(upstream, {})).toBeNull();
  });
});
