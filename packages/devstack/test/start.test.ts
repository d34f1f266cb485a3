// `npm start` as a user runs it: no environment (embedded PostgreSQL), every subgraph and the gateway,
// demo data; Ctrl-C leaves no process behind, and starting again keeps the data.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';

const root = path.resolve(__dirname, '../../..');
const mark = `cmgraph-start-test-${randomUUID()}`;
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cmgraph-start-'));
chmodSync(dataDir, 0o755); // as root, the embedded server runs as user postgres
const offset = 20_000 + Math.floor(Math.random() * 20_000);
const gatewayUrl = `http://127.0.0.1:${4000 + offset}/graphql`;

interface Launch {
  child: ChildProcess;
  output: () => string;
  ready: Promise<void>;
  exited: Promise<number | null>;
}

function launch(): Launch {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT_OFFSET: String(offset), EMBEDDED_PG_PORT: String(offset + 100), CMGRAPH_TEST_MARK: mark, LOG_LEVEL: 'info', STARTUP_TIMEOUT_MS: '150000' };
  delete env.DATABASE_URL;
  delete env.TEST_DATABASE_URL;
  // as a user runs it: no secrets set, `npm start` generates them and prints a development token
  delete env.IDENTITY_SECRET;
  delete env.JWT_SECRET;
  // detached: its own process group, which receives SIGINT as a terminal's Ctrl-C would deliver it
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'packages/devstack/src/start.ts'], { cwd: root, env, detached: true });
  let text = '';
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes('Ctrl-C stops everything')) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`npm start exited (${code}) before it was ready:\n${text}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => text, ready, exited };
}

/** Processes (on Linux) that inherited this test's mark: the launcher's whole tree, PostgreSQL included. */
function markedProcesses(): string[] {
  if (!existsSync('/proc')) return [];
  return readdirSync('/proc').filter((pid) => {
    if (!/^\d+$/.test(pid)) return false;
    try {
      return readFileSync(`/proc/${pid}/environ`, 'utf8').includes(mark);
    } catch {
      return false; // gone meanwhile, or not ours to read
    }
  });
}

/** The development ADMIN token the welcome message's curl line carries. */
function welcomeToken(run: Launch): string {
  const token = /authorization: Bearer (\S+)'/.exec(run.output())?.[1];
  expect(token).toBeDefined();
  return token!;
}

async function supplierCount(run: Launch): Promise<number> {
  const unauthenticated = await fetch(gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
  expect(unauthenticated.status).toBe(401);
  const response = await fetch(gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${welcomeToken(run)}` },
    body: JSON.stringify({ query: '{ suppliers { totalCount nodes { purchaseOrders(first: 1) { totalCount } } } }' }),
  });
  const body = (await response.json()) as { data: { suppliers: { totalCount: number; nodes: { purchaseOrders: { totalCount: number } }[] } } };
  expect(body.data.suppliers.nodes.some((s) => s.purchaseOrders.totalCount > 0)).toBe(true);
  return body.data.suppliers.totalCount;
}

async function stopWithCtrlC(run: Launch): Promise<void> {
  process.kill(-run.child.pid!, 'SIGINT');
  expect(await run.exited).toBe(0);
}

afterAll(() => {
  for (const pid of markedProcesses()) process.kill(Number(pid), 'SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('npm start', () => {
  it('starts everything with demo data, stops cleanly on Ctrl-C, and keeps the data for the next start', async () => {
    const first = launch();
    await first.ready;
    expect(first.output()).toMatch(/seeded suppliers, orders, inventory, production, quality, sustainability/);
    const suppliers = await supplierCount(first);
    expect(suppliers).toBeGreaterThan(0);
    await stopWithCtrlC(first);
    expect(markedProcesses()).toEqual([]);

    const second = launch();
    await second.ready;
    expect(second.output()).toMatch(/not empty, left as they are/);
    expect(await supplierCount(second)).toBe(suppliers);
    await stopWithCtrlC(second);
    expect(markedProcesses()).toEqual([]);
  }, 240_000); // two cold starts of seven processes on two cores, while other test files run
});
