// What the cache remembers about one operation while it runs, keyed by its context object (the one
// object Apollo Server's plugins, @apollo/gateway's plan hook and the subgraph data sources all see).
export type CacheOutcome = 'hit' | 'miss' | 'bypass';

export interface RequestState {
  operation: 'query' | 'mutation' | 'subscription' | undefined;
  /** The generation tick when execution was about to start. */
  startedAt: number;
  /** The caller's answer scope (key.ts); null without an identity. */
  scope: string | null;
  /** Whether the operation selects a side-effect type (side-effects.ts). */
  sideEffects: boolean;
  /** The subgraphs its plan fetches from: undefined before planning, null for a plan not understood. */
  subgraphs?: string[] | null;
  outcome: CacheOutcome;
  /** The key to store the answer under (a miss that may be stored). */
  key?: string;
}

export class RequestStates {
  private readonly states = new WeakMap<object, RequestState>();

  get(context: object | undefined): RequestState | undefined {
    return context ? this.states.get(context) : undefined;
  }

  set(context: object, state: RequestState): void {
    this.states.set(context, state);
  }
}
