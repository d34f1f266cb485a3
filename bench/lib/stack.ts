// The processes a benchmark runs: each subgraph and each gateway in its own process (as `npm start` runs
// them), on ports of their own so that a benchmark can run beside a developer's `npm start`. Every
// service started here is stopped by stopAll(), last started first.
import { randomBytes } from 'node:crypto';
import { appendFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { DatabaseTarget } from '@cmgraph/platform';
import { spawnService, waitForHttp, type Service } from '@cmgraph/devstack/src/processes';
import { REPO_ROOT } from '@cmgraph/devstack/src/topology';
import type { Scale } from '@cmgraph/seedkit';
import { benchDatabase, type BenchDatabase } from './postgres';
import { seedWorld } from './world';

export interface StackOptions {
  /** Prefix of every line this module prints, e.g. `bench:gateway`. */
  label: string;
  /** Lines of a service's output worth showing (default: errors and fatal log lines). */
  show?: (service: string, line: string) => boolean;
  /** A file receiving every line the gateways write (BENCH_GATEWAY_LOG). */
  gatewayLog?: string;
  /** LOG_LEVEL of every process (default `info`; `warn` keeps per-request logging out of what is measured). */
  logLevel?: string;
}

/** Secrets of one run, shared by the gateways and the subgraphs, generated afresh each time. */
export interface Secrets {
  identitySecret: string;
  jwtSecret: string;
}

const ERROR_LINE = /"level":[56]0/;

export interface BenchWorld {
  database: BenchDatabase;
  /** Subgraph name → its bench URL. */
  urls: Record<string, string>;
  /** The committed supergraph with the bench's subgraph URLs (a file in the stack's scratch folder). */
  supergraphPath: string;
  /** The environment every process of the world shares (database, identity secrets, subgraph URLs…). */
  env: Record<string, string>;
}

export class Stack {
  readonly secrets: Secrets = {
    identitySecret: randomBytes(32).toString('base64url'),
    jwtSecret: randomBytes(32).toString('base64url'),
  };
  /** A scratch directory (the supergraph with bench URLs, an export's file…), removed by stopAll(). */
  readonly work = path.join(os.tmpdir(), `cmgraph-bench-${process.pid}`);
  private readonly services: Service[] = [];

  constructor(private readonly options: StackOptions) {
    mkdirSync(this.work, { recursive: true });
  }

  say(message: string): void {
    process.stdout.write(`[${this.options.label}] ${message}\n`);
  }

  /** Environment every process of the stack gets. */
  commonEnv(target: DatabaseTarget, subgraphUrls: Record<string, string>): Record<string, string> {
    return {
      DATABASE_URL: target.serverUrl,
      DATABASE_PREFIX: target.prefix,
      IDENTITY_SECRET: this.secrets.identitySecret,
      JWT_SECRET: this.secrets.jwtSecret,
      LOG_LEVEL: this.options.logLevel ?? 'info',
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      SUBGRAPH_URLS: JSON.stringify(subgraphUrls),
    };
  }

  /** Starts a TypeScript entry point (path from the repository root) as its own process. */
  start(name: string, script: string, env: Record<string, string>): Service {
    const show = this.options.show ?? ((_service: string, line: string) => ERROR_LINE.test(line));
    const service = spawnService({
      name,
      script,
      cwd: REPO_ROOT,
      env,
      print: (line) => {
        if (this.options.gatewayLog && !name.startsWith('subgraph:')) appendFileSync(this.options.gatewayLog, `${name}: ${line}\n`);
        if (show(name, line)) this.say(`${name}: ${line}`);
      },
    });
    this.services.push(service);
    return service;
  }

  /**
   * Fails unless nothing listens on the port yet: another benchmark (or a stray process) there would
   * answer the readiness probe, and the bench would measure the wrong process.
   */
  async assertPortFree(port: number): Promise<void> {
    const taken = await new Promise<boolean>((resolve) => {
      const socket = net.connect({ port, host: '127.0.0.1' });
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (taken) throw new Error(`port ${port} is already in use (another benchmark running?)`);
  }

  /** Waits until `url` answers 200; if the service dies or never answers, shows its last lines. */
  async ready(url: string, service: Service, timeoutMs = 180_000): Promise<void> {
    try {
      await waitForHttp(url, Date.now() + timeoutMs, service);
    } catch (error) {
      process.stderr.write(`${service.recentOutput().slice(-20).join('\n')}\n`);
      throw error;
    }
  }

  /**
   * The common opening of a benchmark: the bench database of `scale` (seeded once, `--reseed` writes it
   * again), the named subgraphs on it from `basePort` + 1, and the committed supergraph pointed at them.
   */
  async startWorld(scale: Scale, names: readonly string[], basePort: number): Promise<BenchWorld> {
    const database = await benchDatabase(scale);
    try {
      await seedWorld(database.target, names, { scale, reseed: process.argv.includes('--reseed'), say: (m) => this.say(m) });
      const urls = await this.startSubgraphs(database.target, names, basePort);
      return { database, urls, supergraphPath: this.benchSupergraph(urls), env: this.commonEnv(database.target, urls) };
    } catch (error) {
      await this.stopAll();
      await database.stop();
      throw error;
    }
  }

  /**
   * Starts the named subgraphs one after the other (each ready before the next), ports from `basePort` + 1.
   * BENCH_SUBGRAPH_NODE_OPTIONS gives every subgraph process those Node options (e.g. `--cpu-prof
   * --cpu-prof-dir=<absolute dir>`, one profile per subgraph, read with bench/lib/profile.ts).
   */
  async startSubgraphs(target: DatabaseTarget, names: readonly string[], basePort: number): Promise<Record<string, string>> {
    const urls = Object.fromEntries(names.map((name, i) => [name, `http://127.0.0.1:${basePort + 1 + i}/graphql`]));
    const nodeOptions = process.env.BENCH_SUBGRAPH_NODE_OPTIONS;
    const env = { ...this.commonEnv(target, urls), ...(nodeOptions ? { NODE_OPTIONS: nodeOptions } : {}) };
    for (const url of Object.values(urls)) await this.assertPortFree(Number(new URL(url).port));
    for (const name of names) {
      const port = new URL(urls[name]!).port;
      const service = this.start(`subgraph:${name}`, path.join('subgraphs', name, 'src', 'main.ts'), { ...env, PORT: port });
      await this.ready(urls[name]!.replace(/graphql$/, 'ready'), service);
      if (nodeOptions) this.say(`subgraph ${name} ready on port ${port} (pid ${service.child.pid})`);
    }
    return urls;
  }

  /**
   * The committed schema/supergraph.graphql with each subgraph's URL replaced by the bench's: every gateway
   * (ours, Hive, stock) reads the very same composed schema.
   */
  benchSupergraph(urls: Record<string, string>): string {
    let sdl = readFileSync(path.join(REPO_ROOT, 'schema', 'supergraph.graphql'), 'utf8');
    for (const [name, url] of Object.entries(urls)) {
      const graph = new RegExp(`(@join__graph\\(name: "${name}", url: ")[^"]*(")`);
      if (!graph.test(sdl)) throw new Error(`schema/supergraph.graphql has no subgraph "${name}"`);
      sdl = sdl.replace(graph, `$1${url}$2`);
    }
    const file = path.join(this.work, 'supergraph.graphql');
    writeFileSync(file, sdl);
    return file;
  }

  /** Our gateway, as `npm start` runs it (gateway/src/main.ts), in its own process. */
  async startOurGateway(name: string, port: number, env: Record<string, string>): Promise<Service> {
    await this.assertPortFree(port);
    const service = this.start(name, path.join('gateway', 'src', 'main.ts'), { ...env, PORT: String(port) });
    await this.ready(`http://127.0.0.1:${port}/health`, service);
    return service;
  }

  /** Stops one service before the others (e.g. a gateway started per run); `graceMs` as in stopAll. */
  async stop(service: Service, graceMs?: number): Promise<void> {
    const at = this.services.indexOf(service);
    if (at >= 0) this.services.splice(at, 1);
    await service.stop(graceMs);
  }

  /**
   * `graceMs`: how long a service may take to exit after SIGTERM before it is killed; longer than the
   * default for one that closes thousands of sockets or writes a --cpu-prof profile on the way out.
   */
  async stopAll(graceMs?: number): Promise<void> {
    for (const service of this.services.splice(0).reverse()) await service.stop(graceMs);
    rmSync(this.work, { recursive: true, force: true });
  }
}
