// A whole supergraph in the test process: chosen subgraphs on port 0, each on its own fresh database,
// composed from their live URLs, and the real gateway in front. Counts SQL statements per subgraph.
// Clients authenticate as ADMIN unless told otherwise (`as`, credentials of `subgraph`).
import { createSubgraph, databaseUrl, openBus, type DatabaseTarget, type EventBus, type Identity, type RunningServer, type RunningSubgraphServer } from '@cmgraph/platform';
import { createGateway, type Gateway, type GatewayOptions } from '@cmgraph/gateway';
import { composeSupergraph } from '@cmgraph/devstack/src/compose/compose';
import { loadSubgraphs, SUBGRAPH_NAMES } from '@cmgraph/devstack/src/subgraphs';
import { Client } from 'pg';
import { universe, type Scale } from '@cmgraph/seedkit';
import { isolatedTarget } from './database';
import { createSubgraphDatabase } from './templates';
import { graphqlClient, type Credentials, type GraphqlClient } from './client';
import type { CallerSpec } from './auth';

export interface RunningSubgraph {
  server: RunningSubgraphServer;
  http: RunningServer;
  /** SQL statements sent by this subgraph since start (or the last reset). */
  statements: number;
}

export interface Stack {
  gatewayUrl: string;
  /** A client of the gateway with an ADMIN token. */
  gateway: GraphqlClient;
  /** A client of the gateway with a token for another caller. */
  as(caller: CallerSpec | Identity): GraphqlClient;
  subgraphs: Record<string, RunningSubgraph>;
  /**
   * A client straight to one subgraph (as the gateway would call it): signs an ADMIN identity unless
   * `credentials` say otherwise (another caller, a raw header, or `{ caller: null }` for none).
   */
  subgraph(name: string, credentials?: Credentials): GraphqlClient;
  resetStatementCounts(): void;
  /** The gateway currently running (a new one after `restartGateway`). */
  gatewayServer(): Gateway;
  /** Stops the gateway and starts a fresh one (no state kept) on the same port. */
  restartGateway(): Promise<void>;
  /** Stops a subgraph (server, workers, connections) and starts it again on the same port and database. */
  restartSubgraph(name: string): Promise<void>;
  /** Where its databases live (`<prefix>_<subgraph>`, the bus's too): for processes a test starts itself. */
  target: DatabaseTarget;
  /** The stack's event bus (PostgreSQL by default, NATS JetStream when NATS_URL is set). */
  bus: EventBus;
  /**
   * Waits until every event written so far has been relayed and every reaction applied, including the
   * events those reactions wrote (chains), so a test can assert on the effects.
   */
  settle(): Promise<void>;
  /** Writes the demo universe at `scale` into every running subgraph's database (as `npm run seed`). */
  seed(scale: Scale): Promise<void>;
  stop(): Promise<void>;
}

export interface StackOptions {
  /** URLs of peers not started here (e.g. a stub owner of referenced entities), by subgraph name. */
  peers?: Record<string, string>;
  /** Subgraphs started without relay, consumers and jobs (a test runs those elsewhere, e.g. in a process it kills). */
  withoutWorkers?: string[];
  /** Extra gateway options (e.g. subscription buffer size). */
  gateway?: Partial<GatewayOptions>;
}

export async function startStack(names: string[] = SUBGRAPH_NAMES, options: StackOptions = {}): Promise<Stack> {
  const definitions = (await loadSubgraphs(names)).map((m) => m.definition);
  const target = isolatedTarget();
  const running: Record<string, RunningSubgraph> = {};
  const peers: Record<string, string> = { ...options.peers };
  let gateway: Gateway | undefined;
  let gatewayHttp: RunningServer | undefined;
  let bus: EventBus | undefined;
  const stop = async () => {
    await gateway?.stop(); // closes its sockets and HTTP server
    for (const sub of Object.values(running)) await sub.server.stop();
    await bus?.drop();
    await bus?.close();
    await target.drop();
  };
  const startSubgraph = async (definition: (typeof definitions)[number], port = 0) => {
    const entry = running[definition.name] ?? ({ statements: 0 } as RunningSubgraph);
    entry.server = await createSubgraph(definition, {
      url: databaseUrl(target, definition.name),
      onStatement: () => void entry.statements++,
      peers,
      bus: options.withoutWorkers?.includes(definition.name) ? undefined : bus,
      pollMs: 250,
      scheduleJobs: false, // tests run jobs themselves (server.events.runJob)
    });
    entry.http = await entry.server.listen(port);
    peers[definition.name] = entry.http.url;
    running[definition.name] = entry;
  };
  let supergraphSdl = '';
  const startGateway = async (port = 0) => {
    // tests send hundreds of requests as one ADMIN: the rate limit has its own tests (gateway/test/limits.test.ts)
    gateway = await createGateway({ supergraphSdl, limits: { rateLimit: false }, ...options.gateway });
    gatewayHttp = await gateway.listen(port);
  };
  try {
    // the databases side by side (copies of the run's migrated templates; each mostly waits for the
    // server's disk), then the subgraphs in turn
    await Promise.all(definitions.map((definition) => createSubgraphDatabase(databaseUrl(target, definition.name), definition)));
    bus = await openBus(target);
    for (const definition of definitions) await startSubgraph(definition);
    ({ supergraphSdl } = await composeSupergraph(definitions, (d) => running[d.name]!.http.url));
    await startGateway();
  } catch (error) {
    await stop();
    throw error;
  }
  const gatewayUrl = gatewayHttp!.url;
  return {
    gatewayServer: () => gateway!,
    target: { serverUrl: target.serverUrl, prefix: target.prefix },
    async restartGateway() {
      const port = gatewayHttp!.port;
      await gateway!.stop();
      await startGateway(port);
    },
    async restartSubgraph(name) {
      const entry = running[name]!;
      const port = entry.http.port;
      await entry.server.stop();
      await startSubgraph(definitions.find((d) => d.name === name)!, port);
    },
    gatewayUrl,
    gateway: graphqlClient(gatewayUrl),
    as: (caller) => graphqlClient(gatewayUrl, { caller }),
    subgraphs: running,
    bus: bus!,
    async settle() {
      const subs = Object.values(running);
      const idle = async () => {
        for (const sub of subs) await sub.server.events?.idle();
      };
      const pending = async () => {
        let total = 0;
        for (const sub of subs) {
          const [row] = await sub.server.orm.em
            .fork()
            .execute<{ n: number }[]>('select count(*)::int as n from outbox_event where relayed_at is null');
          total += row!.n;
        }
        return total;
      };
      // all relayed, then every consumer caught up, and those reactions wrote nothing new: settled
      for (let round = 0; round < 20; round++) {
        await idle();
        if ((await pending()) > 0) continue;
        await idle();
        if ((await pending()) === 0) return;
      }
      throw new Error('events did not settle after 20 rounds');
    },
    subgraph: (name, credentials) => graphqlClient(running[name]!.http.url, credentials),
    resetStatementCounts() {
      for (const sub of Object.values(running)) sub.statements = 0;
    },
    async seed(scale) {
      const world = universe(scale);
      for (const { definition, seed } of await loadSubgraphs(Object.keys(running))) {
        if (!seed) continue;
        const db = new Client({ connectionString: databaseUrl(target, definition.name) });
        await db.connect();
        try {
          await seed({ db, world, progress: () => undefined });
        } finally {
          await db.end();
        }
      }
    },
    stop,
  };
}
