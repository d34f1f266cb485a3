// The event bus contract, whatever carries it: producers' relays append, consumers read from a
// position and are woken when something new arrives. The default implementation is PostgreSQL.
export interface BusEvent {
  /** The bus's own order (a cursor for consumers). */
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

export interface EventBus {
  /** Appends events; an event already on the bus (same id) is ignored, so relays may retry. */
  append(events: NewBusEvent[]): Promise<void>;
  /** Up to `limit` events after `position`, in order, optionally only of some types. */
  read(after: string, limit: number, types?: string[]): Promise<BusEvent[]>;
  /** Calls `listener` when events were appended (by any process); returns an unsubscribe. */
  onAppend(listener: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}
