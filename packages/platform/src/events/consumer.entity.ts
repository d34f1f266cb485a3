// A consumer's memory, kept in the consuming subgraph's own database: how far it has read each
// producer's log (durable offset), and which events it has already applied (idempotency by event id).
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

@Entity({ tableName: 'consumer_offset' })
export class ConsumerOffset {
  /** `<consumer>:<producer>`. */
  @PrimaryKey({ type: 'text' })
  stream!: string;

  @Property({ type: 'bigint' })
  position: string = '0';

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}

/** One row per (consumer, event): each consumer applies each event once, whatever the others do. */
@Entity({ tableName: 'processed_event' })
export class ProcessedEvent {
  @PrimaryKey({ type: 'text' })
  consumer!: string;

  @PrimaryKey({ type: 'uuid' })
  eventId!: string;

  @Property({ type: 'timestamptz' })
  processedAt: Date = new Date();
}
