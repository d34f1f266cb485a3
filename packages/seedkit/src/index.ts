// The seed kit: the demo universe (pure functions of the scale), deterministic ids, bulk inserts.
export * from './bulk';
export * from './contract';
export * from './random';
export * from './universe';
export * from './manufacturing';
