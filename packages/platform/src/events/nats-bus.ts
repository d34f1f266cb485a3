// The bus on NATS JetStream (chosen by NATS_URL): one file-backed stream per namespace, `CMGRAPH_<NS>`,
// capturing `<ns>.events.>`; each event is a message on `<ns>.events.<type>` whose JSON body carries every
// field, and its position is the stream sequence.
// - append publishes in order, one acknowledged publish after the other (a failed publish stops the batch,
//   so a producer's events never land out of order), with the event id as `Nats-Msg-Id`: JetStream drops a
//   repeat inside the stream's duplicate window (10 minutes), which makes relay retries harmless. A repeat
//   after the window would be stored twice; consumers still apply it once (their processed_event row).
// - reader(consumer, types) is a durable pull consumer named after the consumer, filtered to the types,
//   explicit ack. The consumer's own database offset is authoritative: read(after) acknowledges the
//   messages that `after` proves committed, and when the durable consumer is not exactly at `after`
//   (a batch rolled back, a restart, another process) it is recreated to start at after+1, so no event is
//   skipped. Several types need server 2.10 (filter_subjects); older servers get the namespace wildcard
//   and the reader drops (and acknowledges) other types itself.
// - onAppend is a core subscription on the events (plus a notice each append sends after its acks, as a
//   subscriber may hear a message before the stream has stored it).
import { connect, nanos, type NatsConnection } from '@nats-io/transport-node';
import {
  AckPolicy, DeliverPolicy, DiscardPolicy, JetStreamApiError, ReplayPolicy, RetentionPolicy, StorageType, jetstream, jetstreamManager,
  type ConsumerConfig, type ConsumerInfo, type JetStreamManager, type JsMsg,
} from '@nats-io/jetstream';
import type { BusEvent, BusReader, EventBus, NewBusEvent, ReaderOptions } from './bus';

export interface NatsBusOptions {
  /** Names the stream and the subjects (e.g. the database prefix). */
  namespace: string;
}

/** How long JetStream remembers an event id to drop a repeated append. */
const DUPLICATE_WINDOW_MS = 10 * 60_000;
/** A handed-out batch is not redelivered before this (our reads decide what is read again anyway). */
const ACK_WAIT_MS = 5 * 60_000;
/** Unacknowledged messages a consumer may hold: also the largest batch one read returns. */
const MAX_ACK_PENDING = 10_000;
/** A fetch asks only for messages the consumer reported pending; this only bounds an anomaly. */
const FETCH_EXPIRES_MS = 2_000;
/** How long the server keeps a transient reader's consumer after its last read. */
const TRANSIENT_INACTIVE_MS = 5 * 60_000;
const STREAM_NOT_FOUND = 10059;
const CONSUMER_NOT_FOUND = 10014;

/** What each message's body carries: every BusEvent field but the position (the stream sequence). */
type Body = Omit<NewBusEvent, 'occurredAt'> & { occurredAt: string };

const hex = (text: string) => [...Buffer.from(text)].map((byte) => byte.toString(16).padStart(2, '0'));

/** A subject token (or stream name part) from a namespace: letters, digits, `_` and `-` only. */
function namespaceToken(namespace: string): string {
  const token = namespace.replace(/[^A-Za-z0-9_-]/g, '_');
  if (!token) throw new Error('the NATS bus needs a namespace');
  return token;
}

/** `<ns>.events.<type>`; the type's dots stay subject levels, anything unsafe is %-escaped (one-to-one). */
export function eventSubject(namespace: string, type: string): string {
  const levels = type.split('.').map((level) => level.replace(/[^A-Za-z0-9_-]/gu, (c) => hex(c).map((h) => `%${h}`).join('')) || '%');
  return `${namespaceToken(namespace)}.events.${levels.join('.')}`;
}

/** A durable consumer name (no dots, wildcards or spaces), one-to-one with the consumer's name. */
export function durableName(consumer: string): string {
  return consumer.replace(/[^A-Za-z0-9-]/gu, (c) => hex(c).map((h) => `_${h}`).join('')) || '_';
}

export function streamName(namespace: string): string {
  return `CMGRAPH_${namespaceToken(namespace).toUpperCase()}`;
}

const isApiError = (error: unknown, code: number) => error instanceof JetStreamApiError && error.code === code;

function atLeast(version: string | undefined, major: number, minor: number): boolean {
  const [a = 0, b = 0] = (version ?? '').split('.').map((part) => Number.parseInt(part, 10) || 0);
  return a > major || (a === major && b >= minor);
}

function parsePosition(after: string): number {
  if (!/^\d{1,16}$/.test(after)) throw new Error(`not a bus position: ${after}`);
  return Number(after);
}

function decode(msg: JsMsg): BusEvent | null {
  try {
    const body = msg.json<Body>();
    if (typeof body?.id !== 'string' || typeof body.type !== 'string') return null;
    return {
      position: String(msg.seq), id: body.id, producer: body.producer, type: body.type, subjectType: body.subjectType,
      subjectId: body.subjectId, supplierId: body.supplierId ?? null, occurredAt: new Date(body.occurredAt), payload: body.payload ?? {},
    };
  } catch {
    return null; // not one of ours: skipped like an event of another type
  }
}

async function ensureStream(jsm: JetStreamManager, name: string, subjects: string[]): Promise<void> {
  try {
    await jsm.streams.info(name);
    return;
  } catch (error) {
    if (!isApiError(error, STREAM_NOT_FOUND)) throw error;
  }
  try {
    await jsm.streams.add({
      name, subjects, description: 'cmgraph event bus', storage: StorageType.File, retention: RetentionPolicy.Limits,
      discard: DiscardPolicy.Old, duplicate_window: nanos(DUPLICATE_WINDOW_MS),
    });
  } catch (error) {
    await jsm.streams.info(name).catch(() => Promise.reject(error)); // created concurrently is fine
  }
}

export async function openNatsBus(natsUrl: string, options: NatsBusOptions): Promise<EventBus> {
  const ns = namespaceToken(options.namespace);
  const stream = streamName(ns);
  const allEvents = `${ns}.events.>`;
  const appended = `${ns}.appended`;
  const nc: NatsConnection = await connect({ servers: natsUrl.split(','), name: `cmgraph-bus-${ns}`, maxReconnectAttempts: -1 });
  let jsm: JetStreamManager;
  try {
    jsm = await jetstreamManager(nc);
    await ensureStream(jsm, stream, [allEvents]);
  } catch (error) {
    await nc.close();
    throw error;
  }
  const js = jetstream(nc);
  const multipleFilters = atLeast(nc.info?.version, 2, 10);

  const append = async (events: NewBusEvent[]) => {
    for (const event of events) {
      const body: Body = { ...event, occurredAt: new Date(event.occurredAt).toISOString() };
      await js.publish(eventSubject(ns, event.type), JSON.stringify(body), { msgID: event.id, expect: { streamName: stream } });
    }
    if (events.length) nc.publish(appended);
  };

  const reader = async (consumer: string, types: string[], options: ReaderOptions = {}): Promise<BusReader> => {
    const durable = durableName(consumer);
    const wanted = new Set(types);
    const subjects = [...new Set(types.map((type) => eventSubject(ns, type)))].sort();
    // one type, or several on a server that filters by several subjects; else the reader filters itself
    const filter = !subjects.length || (subjects.length > 1 && !multipleFilters) ? [allEvents] : subjects;
    const config = (after: number): ConsumerConfig => ({
      durable_name: durable,
      description: `cmgraph consumer ${consumer}`,
      ack_policy: AckPolicy.Explicit,
      ack_wait: nanos(ACK_WAIT_MS),
      max_ack_pending: MAX_ACK_PENDING,
      max_deliver: -1,
      deliver_policy: DeliverPolicy.StartSequence,
      opt_start_seq: after + 1,
      replay_policy: ReplayPolicy.Instant,
      // a transient reader's consumer is removed by the server once its process stopped reading
      ...(options.transient ? { inactive_threshold: nanos(TRANSIENT_INACTIVE_MS) } : {}),
      ...(filter.length === 1 ? { filter_subject: filter[0] } : { filter_subjects: filter }),
    });
    const sameFilter = (info: ConsumerInfo) => {
      const current = info.config.filter_subjects?.length ? [...info.config.filter_subjects] : [info.config.filter_subject ?? ''];
      return current.sort().join(' ') === filter.join(' ');
    };
    const consumerInfo = () =>
      jsm.consumers.info(stream, durable).catch((error: unknown) => {
        if (isApiError(error, CONSUMER_NOT_FOUND)) return null;
        throw error;
      });
    /** Recreates the durable consumer so that its next message is the first one after `after`. */
    const reset = async (after: number): Promise<ConsumerInfo> => {
      for (let attempt = 1; ; attempt++) {
        await jsm.consumers.delete(stream, durable).catch((error: unknown) => {
          if (!isApiError(error, CONSUMER_NOT_FOUND)) throw error;
        });
        try {
          return await jsm.consumers.add(stream, config(after));
        } catch (error) {
          if (attempt >= 3) throw error; // another process recreated it in between: try again
        }
      }
    };
    const ack = (messages: JsMsg[]) => Promise.all(messages.map((msg) => msg.ackAck().then((ok) => ok, () => false)));

    if (!(await consumerInfo())) await reset(0); // durable from now on; the first read puts it where the consumer is

    // What the last read handed out: its messages await the proof that they were applied, and the
    // `after` of the next read that proves the whole batch, with the consumer's position it left.
    let held: JsMsg[] = [];
    let proof: { after: number; delivered: number } | null = null;

    const read = async (afterText: string, limit: number): Promise<BusEvent[]> => {
      const after = parsePosition(afterText);
      const acked = await ack(held.filter((msg) => msg.seq <= after));
      const proven = proof?.after === after;
      const expectedPosition = proven ? proof!.delivered : after;
      held = [];
      proof = null;
      let info = await consumerInfo();
      const inStep = info !== null && acked.every(Boolean) && sameFilter(info) && info.config.ack_policy === AckPolicy.Explicit
        && info.num_ack_pending === 0 && info.delivered.stream_seq === expectedPosition;
      if (!inStep) info = await reset(after);
      const source = js.consumers.getConsumerFromInfo(info!);
      const events: BusEvent[] = [];
      const skipped: JsMsg[] = [];
      const max = Math.min(limit, MAX_ACK_PENDING);
      let pending = info!.num_pending;
      let delivered = info!.delivered.stream_seq;
      try {
        while (events.length < max && pending > 0) {
          // only what is pending: a fetch for more than exists would wait for its expiry
          const messages = await source.fetch({ max_messages: Math.min(max - events.length, pending), expires: FETCH_EXPIRES_MS });
          let got = 0;
          for await (const msg of messages) {
            got++;
            const event = msg.seq > delivered ? decode(msg) : null;
            if (!event || (wanted.size && !wanted.has(event.type))) {
              skipped.push(msg); // not this reader's business (or already behind it): acknowledged now
            } else {
              events.push(event);
              held.push(msg);
            }
            delivered = Math.max(delivered, msg.seq);
          }
          if (!got) break;
          pending -= got;
        }
        const skippedAcks = await ack(skipped);
        if (skippedAcks.every(Boolean)) proof = { after: events.length ? Number(events.at(-1)!.position) : after, delivered };
        return events;
      } catch (error) {
        held = []; // unacknowledged, so the next read finds the consumer out of step and resets it
        throw error;
      }
    };

    return {
      read,
      async close() {
        held = [];
        proof = null;
        if (options.transient) {
          await jsm.consumers.delete(stream, durable).catch((error: unknown) => {
            if (!isApiError(error, CONSUMER_NOT_FOUND)) throw error;
          });
        }
      },
    };
  };

  const onAppend = async (listener: () => void) => {
    let scheduled = false;
    const wake = () => {
      if (scheduled) return;
      scheduled = true; // a burst of messages wakes the listener once
      setImmediate(() => {
        scheduled = false;
        listener();
      });
    };
    const subscriptions = [nc.subscribe(allEvents, { callback: wake }), nc.subscribe(appended, { callback: wake })];
    await nc.flush(); // registered with the server before the caller relies on it
    return async () => {
      for (const subscription of subscriptions) subscription.unsubscribe();
    };
  };

  return {
    kind: 'nats',
    append,
    reader,
    async head() {
      return String((await jsm.streams.info(stream)).state.last_seq);
    },
    onAppend,
    async close() {
      if (nc.isClosed()) return;
      await nc.drain().catch(() => nc.close());
    },
    async drop() {
      await jsm.streams.delete(stream).catch((error: unknown) => {
        if (!isApiError(error, STREAM_NOT_FOUND)) throw error;
      });
    },
  };
}
