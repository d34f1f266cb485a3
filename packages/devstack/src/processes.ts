// Child services: spawn a TypeScript entry point as its own node process, wait for it over HTTP, stop it.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { formatLine } from './output';

export interface ServiceSpec {
  name: string;
  /** The TypeScript entry point, run with `node -r @swc-node/register`. */
  script: string;
  args?: string[];
  /** Added to this process's environment. */
  env?: Record<string, string>;
  cwd?: string;
  /** Where each output line goes; default: stdout, prefixed with the name. */
  print?: (line: string) => void;
}

export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface Service {
  name: string;
  child: ChildProcess;
  exited: Promise<ExitStatus>;
  running(): boolean;
  /** The last lines it wrote (for a post-mortem). */
  recentOutput(): string[];
  /** SIGTERM, then SIGKILL after graceMs; resolves once it has exited. */
  stop(graceMs?: number): Promise<ExitStatus>;
}

const DIE_WITH_PARENT = path.join(__dirname, 'die-with-parent.ts');

export function spawnService(spec: ServiceSpec): Service {
  const print = spec.print ?? ((line: string) => process.stdout.write(`${formatLine(spec.name, line)}\n`));
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', '-r', DIE_WITH_PARENT, spec.script, ...(spec.args ?? [])],
    {
      cwd: spec.cwd ?? process.cwd(),
      env: { ...process.env, ...spec.env },
      // Own process group: a terminal's Ctrl-C reaches only the launcher, which stops services in order.
      // The IPC channel is how a service notices that the launcher died (see die-with-parent.ts).
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    },
  );
  const recent: string[] = [];
  for (const stream of [child.stdout!, child.stderr!]) {
    createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
      recent.push(line);
      if (recent.length > 50) recent.shift();
      print(line);
    });
  }
  const exited = new Promise<ExitStatus>((resolve) => {
    child.once('error', (error) => {
      recent.push(String(error));
      resolve({ code: null, signal: null });
    });
    // `close`, not `exit`: its last output lines are read by then
    child.once('close', (code, signal) => resolve({ code, signal }));
  });
  let finished = false;
  void exited.then(() => (finished = true));

  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, name); // the whole group: whatever the service started goes too
    } catch {
      child.kill(name);
    }
  };

  return {
    name: spec.name,
    child,
    exited,
    running: () => !finished && child.exitCode === null && child.signalCode === null,
    recentOutput: () => [...recent],
    async stop(graceMs = 5_000) {
      if (child.pid === undefined || finished) return exited;
      signal('SIGTERM');
      const timer = setTimeout(() => signal('SIGKILL'), graceMs);
      const status = await exited;
      clearTimeout(timer);
      return status;
    },
  };
}

export class ServiceExitedError extends Error {
  constructor(readonly service: Service, readonly status: ExitStatus) {
    super(`${service.name} exited (${status.signal ?? `code ${status.code}`}) before it was ready`);
  }
}

/** Polls `url` until it answers 200. Fails when `deadline` (epoch ms) passes or `service` exits first. */
export async function waitForHttp(url: string, deadline: number, service?: Service, intervalMs = 150): Promise<void> {
  let gone: ExitStatus | undefined;
  void service?.exited.then((status) => (gone = status));
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (gone && service) throw new ServiceExitedError(service, gone);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(Math.max(100, Math.min(2_000, deadline - Date.now()))) });
      await response.body?.cancel();
      if (response.status === 200) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = (error as Error).cause ? String((error as { cause: Error }).cause.message) : (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  if (gone && service) throw new ServiceExitedError(service, gone);
  throw new Error(`${url} not ready in time (last: ${last})`);
}
