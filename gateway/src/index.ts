export * from './gateway';
export { subscriptionScope, upstreamConnectionParams, type ScopeSource } from './subscriptions/scope';
export type { SubscriptionStats } from './subscriptions/hub';
