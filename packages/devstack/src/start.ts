// `npm start`: embedded PostgreSQL (unless DATABASE_URL is set), every subgraph, the gateway, demo data.
// Secrets: IDENTITY_SECRET (gateway ↔ subgraphs) and JWT_SECRET (development tokens) are generated per
// run unless set; the run's JWT secret is left in the data directory for `npm run token`.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startEmbeddedPostgres, type RunningPostgres } from './postgres';
import { spawnService, waitForHttp, ServiceExitedError, type Service } from './processes';
import { formatLine, paint, say } from './output';
import { printWelcome } from './welcome';
import { GATEWAY_PORT, REPO_ROOT, availableSubgraphs, gatewayEntryPoint, subgraphUrl } from './topology';
import { runSecretFile, signDevToken } from './dev-token';

const env = process.env;
const STARTUP_TIMEOUT_MS = Number(env.STARTUP_TIMEOUT_MS ?? 60_000);
const prefix = env.DATABASE_PREFIX ?? 'cmgraph';
const logLevel = env.LOG_LEVEL ?? 'info';
const gatewayPort = Number(env.GATEWAY_PORT ?? GATEWAY_PORT);
const seedScript = path.join(REPO_ROOT, 'packages', 'devstack', 'src', 'seed', 'main.ts');
const identitySecret = env.IDENTITY_SECRET || randomBytes(32).toString('base64url');
// with JWKS_URL the identity provider issues tokens: no development secret then
const jwtSecret = env.JWKS_URL ? undefined : env.JWT_SECRET || randomBytes(32).toString('base64url');
const secretFile = runSecretFile();
let wroteSecretFile = false;

let postgres: Promise<RunningPostgres | undefined> = Promise.resolve(undefined);
const subgraphs: Service[] = [];
let gateway: Service | undefined;
let seed: Service | undefined;
let stopping: Promise<never> | undefined;

/** Gateway first, then the subgraphs, then PostgreSQL; then exit. Runs once, whoever asks first. */
function shutdown(code: number, reason: string): Promise<never> {
  stopping ??= (async () => {
    say(`${reason}: stopping`);
    await seed?.stop();
    await gateway?.stop();
    await Promise.all(subgraphs.map((service) => service.stop()));
    if (wroteSecretFile) rmSync(secretFile, { force: true });
    const pg = await postgres.catch(() => undefined); // a start still under way is finished, then stopped
    if (pg) {
      await pg.stop();
      say('PostgreSQL stopped');
    }
    process.exit(code);
  })();
  return stopping;
}

function postMortem(service: Service, why: string): Promise<never> {
  const lines = service.recentOutput().slice(-30);
  process.stderr.write(`${paint(why, 31)}; its last output:\n${lines.map((l) => formatLine(service.name, l)).join('\n')}\n`);
  return shutdown(1, why);
}

/** A long-running service that exits on its own takes the whole stack down (as a supervisor would). */
function supervise(service: Service): Service {
  void service.exited.then((status) => {
    if (!stopping) void postMortem(service, `${service.name} exited (${status.signal ?? `code ${status.code}`})`);
  });
  return service;
}

async function waitReady(service: Service, url: string, deadline: number): Promise<void> {
  try {
    await waitForHttp(url, deadline, service);
  } catch (error) {
    if (!(error instanceof ServiceExitedError)) await postMortem(service, (error as Error).message);
    await stopping; // the supervisor is already shutting down
  }
}

async function main(): Promise<void> {
  const present = availableSubgraphs();
  if (!present.length) throw new Error('no subgraph has a src/main.ts yet: nothing to start');

  let serverUrl = env.DATABASE_URL;
  if (serverUrl) {
    say(`using DATABASE_URL ${serverUrl.replace(/:[^:@/]+@/, ':***@')}`);
  } else {
    const port = Number(env.EMBEDDED_PG_PORT ?? 54329);
    const dataDir = path.resolve(env.DATA_DIR ?? path.join(REPO_ROOT, '.data'), 'postgres');
    say(`starting embedded PostgreSQL on port ${port} (data in ${path.relative(REPO_ROOT, dataDir)})`);
    postgres = startEmbeddedPostgres({ dataDir, port });
    serverUrl = (await postgres)!.url;
    say(`PostgreSQL ready: ${serverUrl}`);
  }
  if (stopping) return;

  // Subgraphs get their peers' URLs too: mutations check references through the owner's `_entities`.
  const subgraphUrls = Object.fromEntries(present.map((s) => [s.name, subgraphUrl(s)]));
  const common = {
    DATABASE_URL: serverUrl,
    DATABASE_PREFIX: prefix,
    LOG_LEVEL: logLevel,
    HOST: '127.0.0.1',
    SUBGRAPH_URLS: JSON.stringify(subgraphUrls),
    IDENTITY_SECRET: identitySecret,
    ...(jwtSecret ? { JWT_SECRET: jwtSecret } : {}),
  };
  if (jwtSecret && !env.JWT_SECRET) {
    mkdirSync(path.dirname(secretFile), { recursive: true });
    writeFileSync(secretFile, `${jwtSecret}\n`, { mode: 0o600 });
    wroteSecretFile = true;
  }
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  for (const { name, port } of present) {
    const script = path.join('subgraphs', name, 'src', 'main.ts');
    subgraphs.push(supervise(spawnService({ name, script, cwd: REPO_ROOT, env: { ...common, PORT: String(port) } })));
  }
  say(`starting ${present.map((s) => `${s.name} (:${s.port})`).join(', ')}`);
  await Promise.all(present.map((s, i) => waitReady(subgraphs[i], `http://127.0.0.1:${s.port}/ready`, deadline)));
  if (stopping) return;

  const gatewayUrl = `http://127.0.0.1:${gatewayPort}/graphql`;
  if (existsSync(gatewayEntryPoint())) {
    const gatewayEnv = { ...common, PORT: String(gatewayPort) };
    gateway = supervise(spawnService({ name: 'gateway', script: 'gateway/src/main.ts', cwd: REPO_ROOT, env: gatewayEnv }));
    await waitReady(gateway, `http://127.0.0.1:${gatewayPort}/health`, deadline);
    if (stopping) return;
  } else {
    say('gateway/src/main.ts does not exist yet: no gateway started');
  }

  if (!existsSync(seedScript)) {
    say('packages/devstack/src/seed/main.ts does not exist yet: no demo data seeded');
  } else {
    const seedEnv = { ...common, GATEWAY_URL: gatewayUrl };
    const args = ['--scale', 'small', '--if-empty'];
    seed = spawnService({ name: 'seed', script: seedScript, args, cwd: REPO_ROOT, env: seedEnv });
    const status = await seed.exited;
    if (stopping) return;
    if (status.code !== 0) {
      const lines = seed.recentOutput().slice(-20).map((l) => formatLine('seed', l));
      say(paint(`seeding failed (${status.signal ?? `code ${status.code}`}); the stack runs without demo data`, 33));
      process.stderr.write(`${lines.join('\n')}\n`);
    }
  }

  const token = jwtSecret ? signDevToken({ sub: 'dev-admin', roles: ['ADMIN'] }, jwtSecret, 8 * 3600) : undefined;
  await printWelcome(gateway ? gatewayUrl : undefined, subgraphUrls, token);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => void shutdown(0, signal));
}
// Last resort if this process exits any other way: no service outlives it.
process.on('exit', () => {
  for (const service of [seed, gateway, ...subgraphs]) if (service?.running()) service.child.kill('SIGKILL');
});

main().catch((error: Error) => {
  process.stderr.write(`${paint('start failed', 31)}: ${error.message}\n`);
  void shutdown(1, 'start failed');
});
