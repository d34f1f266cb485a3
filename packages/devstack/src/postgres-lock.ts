// Leftovers of a crashed run in a PostgreSQL data directory: a stale postmaster.pid, or an orphaned server.
import { readFileSync, readlinkSync, rmSync } from 'node:fs';
import path from 'node:path';

function isAlive(pid: number): boolean {
  const stat = readProc(pid, 'stat');
  if (stat && stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')) return false; // exited, not yet reaped
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readProc(pid: number, file: string): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return undefined;
  }
}

/** Whether the process was started by a node process (a launcher) that is still running. */
function hasNodeParent(pid: number): boolean {
  const stat = readProc(pid, 'stat');
  const ppid = Number(stat?.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  if (!ppid || ppid === 1) return false;
  try {
    return path.basename(readlinkSync(`/proc/${ppid}/exe`)) === 'node';
  } catch {
    return false;
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return !isAlive(pid);
}

/**
 * Makes the data directory startable after a crash. A postmaster.pid whose process is gone (or is now some
 * other program) is removed. A server of this directory that outlived its launcher (a node parent that was
 * killed) is shut down. A server still owned by a running launcher is left alone: that is an error.
 */
export async function clearStaleLock(dataDir: string, log: (message: string) => void = console.warn): Promise<void> {
  const lockFile = path.join(dataDir, 'postmaster.pid');
  let pid: number;
  try {
    pid = Number(readFileSync(lockFile, 'utf8').split('\n')[0]);
  } catch {
    return; // no lock file: nothing to do
  }
  const cmdline = readProc(pid, 'cmdline')?.split('\0') ?? [];
  const ours = cmdline.some((arg) => path.basename(arg) === 'postgres') && cmdline.includes(dataDir);
  if (!pid || !isAlive(pid) || (!ours && process.platform === 'linux')) {
    log(`removing stale ${lockFile} (pid ${pid} is not a running server of this directory)`);
    rmSync(lockFile, { force: true });
    return;
  }
  if (process.platform !== 'linux' || hasNodeParent(pid)) {
    throw new Error(`PostgreSQL (pid ${pid}) is already running on ${dataDir}: is another launcher running?`);
  }
  log(`stopping orphaned PostgreSQL (pid ${pid}) left by a previous run on ${dataDir}`);
  process.kill(pid, 'SIGINT'); // fast shutdown: rolls back open transactions, removes postmaster.pid
  if (!(await waitForExit(pid, 15_000))) {
    throw new Error(`orphaned PostgreSQL (pid ${pid}) did not stop within 15 s`);
  }
}
