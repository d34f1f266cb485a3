// Preloaded into every launched service: when the launcher dies (even by SIGKILL), the service stops too.
// The launcher spawns services with an IPC channel; the OS closes it when the launcher goes away, and the
// `disconnect` that follows becomes a SIGTERM to this process, so the service shuts down as it usually does.
if (process.send && process.channel) {
  process.on('disconnect', () => {
    setTimeout(() => process.exit(1), 10_000).unref(); // a service whose shutdown hangs still goes away
    process.kill(process.pid, 'SIGTERM');
  });
  process.channel.unref(); // the channel alone must not keep the service alive
}
