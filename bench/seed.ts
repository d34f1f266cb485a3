// Writes a benchmark world ahead of time, so that a later bench run finds it (a `large` world takes many
// minutes): `node -r @swc-node/register bench/seed.ts [--scale large] [--reseed] [subgraph…]`.
// Same databases as the benchmarks (bench/lib/postgres.ts), every subgraph unless named.
import { SCALES, type Scale } from '@cmgraph/seedkit';
import { SUBGRAPH_NAMES } from '@cmgraph/devstack/src/subgraphs';
import { benchDatabase } from './lib/postgres';
import { seedWorld } from './lib/world';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const scaleAt = args.indexOf('--scale');
  const scale = (scaleAt >= 0 ? args[scaleAt + 1] : (process.env.BENCH_SCALE ?? 'large')) as Scale;
  if (!(scale in SCALES)) throw new Error(`--scale must be one of ${Object.keys(SCALES).join(', ')}`);
  const named = args.filter((arg, i) => !arg.startsWith('--') && args[i - 1] !== '--scale');
  const database = await benchDatabase(scale);
  const started = Date.now();
  try {
    await seedWorld(database.target, named.length ? named : SUBGRAPH_NAMES, {
      scale,
      reseed: args.includes('--reseed'),
      say: (message) => process.stdout.write(`[bench:seed] ${message}\n`),
    });
  } finally {
    await database.stop();
  }
  process.stdout.write(`[bench:seed] ${scale} ready in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`[bench:seed] failed: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
