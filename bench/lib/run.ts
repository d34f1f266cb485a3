// How a benchmark's entry point runs: its main, then its clean-up whether main succeeded or not (stopping
// every process it started, so none outlives a failed run), and an exit code for the shell.
export function runBenchmark(label: string, main: () => Promise<void>, cleanUp: () => Promise<void>): void {
  const finish = async (code: number) => {
    await cleanUp();
    process.exit(code);
  };
  main().then(
    () => finish(0),
    (error: Error) => {
      process.stderr.write(`[${label}] failed: ${error.stack ?? error.message}\n`);
      return finish(1);
    },
  );
}
