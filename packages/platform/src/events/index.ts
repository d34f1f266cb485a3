// Events: the transactional outbox, the bus, the relay between them, and exactly-once consumers.
export * from './bus';
export * from './consumer';
export * from './consumer.entity';
export * from './loop';
export * from './nats-bus';
export * from './outbox.entity';
export * from './open-bus';
export * from './outbox-listener';
export * from './pg-bus';
export * from './record';
export * from './relay';
export * from './stream';
export * from './workers';
