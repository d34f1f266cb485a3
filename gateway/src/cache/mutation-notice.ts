// A mutation answered by one gateway replica tells the others, through the event bus, which subgraphs it
// touched. Most mutations write a domain event of their own, which every replica's feed hears anyway; some
// (reference data: facilities, products, locations…) write none, and another replica would otherwise keep
// serving its cached answers until their TTL. The notice goes on the bus before the mutation's answer
// leaves; another replica drops what it cached from those subgraphs as soon as its feed reads it
// (woken by the bus's append signal: milliseconds). Subgraph consumers never see it: they read their own
// event types only. A replica skips its own notices (its generations are bumped already), and so do the
// workers of one gateway process (they share theirs).
import { randomUUID } from 'node:crypto';
import type { BusEvent, NewBusEvent } from '@cmgraph/platform/src/lean';

export const NOTICE_PRODUCER = 'gateway';
export const MUTATION_NOTICE = 'gateway.mutation-committed';

let sequence = 0;

/** The notice of a mutation that touched `subgraphs` (null: it could not tell which — all). */
export function mutationNotice(gateway: string, subgraphs: readonly string[] | null): NewBusEvent {
  const id = randomUUID();
  return {
    id,
    producer: NOTICE_PRODUCER,
    producerSeq: String(++sequence),
    type: MUTATION_NOTICE,
    subjectType: 'Gateway',
    subjectId: id,
    supplierId: null,
    occurredAt: new Date(),
    payload: { gateway, subgraphs },
  };
}

export type NoticeReading = { kind: 'own' } | { kind: 'subgraphs'; subgraphs: string[] } | { kind: 'all' };

/** What a notice on the bus asks of the replica `gateway` (null when the event is not a notice). */
export function readNotice(event: BusEvent, gateway: string, known: readonly string[]): NoticeReading | null {
  if (event.producer !== NOTICE_PRODUCER || event.type !== MUTATION_NOTICE) return null;
  const { gateway: from, subgraphs } = event.payload as { gateway?: unknown; subgraphs?: unknown };
  if (from === gateway) return { kind: 'own' };
  if (Array.isArray(subgraphs) && subgraphs.every((name) => typeof name === 'string' && known.includes(name))) {
    return { kind: 'subgraphs', subgraphs };
  }
  return { kind: 'all' };
}
