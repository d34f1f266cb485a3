// A tiny sidecar that stops a server process when its launcher dies without stopping it (even by SIGKILL).
import { spawn } from 'node:child_process';

/**
 * Starts a plain node process connected to this one by an IPC channel. The OS closes the channel when this
 * process goes away, however it goes; the sidecar then sends `signal` to `pid` and exits. Call the returned
 * function on an orderly stop, before stopping the server yourself, so the sidecar leaves without a word.
 */
export function stopWithParent(pid: number, signal: NodeJS.Signals = 'SIGINT'): () => void {
  const code = `process.on('disconnect', () => { try { process.kill(${pid}, '${signal}'); } catch {} process.exit(0); });`;
  const sidecar = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'ignore', 'ignore', 'ipc'], detached: true });
  sidecar.unref(); // neither the process nor its channel keeps this process alive
  (sidecar.channel as { unref?: () => void } | undefined)?.unref?.();
  sidecar.on('error', () => undefined);
  return () => {
    if (sidecar.exitCode === null && sidecar.signalCode === null) sidecar.kill('SIGKILL');
  };
}
