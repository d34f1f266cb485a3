// What a subgraph is, in one declaration, and how one is started: database, schema, server.
// Subgraphs declare; the kit does the rest, the same way for all six.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Constructor, MigrationObject } from '@mikro-orm/core';
import type { NonEmptyArray } from 'type-graphql';
import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema, type ReferenceResolver } from './schema';
import { openDatabase, databaseTargetFromEnv, databaseUrl } from './database';
import { createSubgraphServer, type SubgraphServer } from './server';
import { createLogger } from './logger';
import { referenceChecker } from './references';
import type { EventBus } from './events/bus';
import { listenOutbox } from './events/outbox-listener';
import { startEventWorkers, type ConsumerDefinition, type EventWorkers, type JobDefinition } from './events/workers';
import { openBus } from './events/open-bus';

export interface SubgraphDefinition<Loaders = unknown> {
  name: string;
  /** Default port when run as a process (PORT overrides). */
  port: number;
  entities: Function[];
  migrations: (MigrationObject | Constructor<any>)[];
  resolvers: NonEmptyArray<Function>;
  orphanedTypes?: Function[];
  references?: Record<string, ReferenceResolver>;
  createLoaders: (em: EntityManager) => Loaders;
  /** Other subgraphs' entity types this one stores references to: typename → owning subgraph. */
  referenceOwners?: Record<string, string>;
  /** Reactions to other subgraphs' events (see events/workers.ts). */
  consumers?: ConsumerDefinition[];
  /** Periodic work (e.g. raising events for certificates about to expire). */
  jobs?: JobDefinition[];
}

const schemas = new WeakMap<SubgraphDefinition<any>, Promise<GraphQLSchema>>();

/** The subgraph's federated schema, built once per process. */
export function subgraphSchema(definition: SubgraphDefinition<any>): Promise<GraphQLSchema> {
  let schema = schemas.get(definition);
  if (!schema) {
    schema = buildFederatedSchema(definition);
    schemas.set(definition, schema);
  }
  return schema;
}

export interface StartOptions {
  /** The subgraph's own database URL. */
  url: string;
  onStatement?: (sql: string) => void;
  /** Peer subgraph URLs by name, for reference checks; may be filled after start. */
  peers?: Record<string, string>;
  /** The event bus: with one, the subgraph relays its outbox and runs its consumers and jobs. */
  bus?: EventBus;
  /** Worker poll interval (ms); NOTIFY wakes them sooner. */
  pollMs?: number;
  /** Run jobs on their schedule (default true; tests run them explicitly). */
  scheduleJobs?: boolean;
}

export interface RunningSubgraphServer extends SubgraphServer {
  /** Present when started with a bus. */
  events?: EventWorkers;
}

export async function createSubgraph<L>(definition: SubgraphDefinition<L>, options: StartOptions): Promise<RunningSubgraphServer> {
  const orm = await openDatabase({
    url: options.url,
    entities: definition.entities,
    migrations: definition.migrations,
    onStatement: options.onStatement,
  });
  const outbox = await listenOutbox(options.url, createLogger(definition.name));
  const events = options.bus
    ? await startEventWorkers({
        producer: definition.name,
        orm,
        bus: options.bus,
        listener: outbox,
        consumers: definition.consumers,
        jobs: definition.jobs,
        scheduleJobs: options.scheduleJobs,
        pollMs: options.pollMs,
      })
    : undefined;
  const server = await createSubgraphServer({
    name: definition.name,
    schema: await subgraphSchema(definition),
    orm,
    createLoaders: definition.createLoaders,
    references: referenceChecker({ owners: definition.referenceOwners ?? {}, urls: options.peers ?? {} }),
    outbox,
    workers: events,
  });
  return Object.assign(server, { events });
}

/** Process entry point: reads DATABASE_URL / DATABASE_PREFIX / PORT / HOST / SUBGRAPH_URLS, serves until SIGINT/SIGTERM. */
export async function runSubgraph(definition: SubgraphDefinition<any>): Promise<void> {
  const log = createLogger(definition.name);
  try {
    const target = databaseTargetFromEnv();
    const url = databaseUrl(target, definition.name);
    const peers = process.env.SUBGRAPH_URLS ? (JSON.parse(process.env.SUBGRAPH_URLS) as Record<string, string>) : {};
    const bus = await openBus(target);
    const server = await createSubgraph(definition, { url, peers, bus });
    await server.listen(Number(process.env.PORT ?? definition.port), process.env.HOST ?? '127.0.0.1');
    const shutdown = async (signal: string) => {
      log.info({ signal }, 'shutting down');
      await server.stop();
      await bus.close();
      process.exit(0);
    };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  } catch (error) {
    log.fatal({ err: error }, 'subgraph failed to start');
    process.exit(1);
  }
}
