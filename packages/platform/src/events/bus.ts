// The event bus contract, whatever carries it: producers' relays append, consumers read through a named
// reader from a position they keep in their own database, and are woken when something new arrives.
// Two implementations: PostgreSQL (the default, pg-bus.ts) and NATS JetStream (nats-bus.ts).
export interface BusEvent {
  /** The bus's own order: a bigint as a string, strictly increasing per bus (a cursor for consumers). */
  position: string;
  id: string;
  producer: string;
  type: string;
  subjectType: string;
  subjectId: string;
  supplierId: string | null;
  occurredAt: Date;
  payload: Record<string, unknown>;
}

export type NewBusEvent = Omit<BusEvent, 'position'> & { producerSeq: string };

/**
 * One named consumer's view of the bus, restricted to some event types. The caller's own record of how far
 * it got (`after`) is authoritative: whatever the reader remembers, `read(after)` returns the events after
 * that position, so a batch whose processing rolled back is simply read again. Not for concurrent use.
 */
export interface BusReader {
  /** Up to `limit` events of the reader's types with a position greater than `after`, in order, none skipped. */
  read(after: string, limit: number): Promise<BusEvent[]>;
  close(): Promise<void>;
}

export interface ReaderOptions {
  transient?: boolean;
}

export interface EventBus {
  readonly kind: 'postgres' | 'nats';
  /** Appends events in the given order; an event already on the bus (same id) is ignored, so relays may retry. */
  append(events: NewBusEvent[]): Promise<void>;
  /**
   * A reader for one named consumer (durable on buses that have such a thing), of some event types (none: all).
   * A `transient` reader belongs to one process run (e.g. a gateway's cache feed): whatever the bus keeps
   * for it goes when it is closed, or soon after its process stopped reading.
   */
  reader(consumer: string, types: string[], options?: ReaderOptions): Promise<BusReader>;
  /** The position of the newest event on the bus ('0' when it holds none): where a reader of "from now on" starts. */
  head(): Promise<string>;
  /** Calls `listener` when events were appended (by any process); returns an unsubscribe. */
  onAppend(listener: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
  /** Removes everything this bus stored (tests). */
  drop(): Promise<void>;
}
