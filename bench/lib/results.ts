// Where a benchmark's result goes: bench/results/<name>.json, or <name>-<variant>-<BENCH_LABEL>.json for a
// variant (another scale…) or a labelled trial run, so that neither overwrites the committed result.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '@cmgraph/devstack/src/topology';

export const RESULTS_DIR = path.join(REPO_ROOT, 'bench', 'results');

/** Writes the result file and returns its label ('' for the committed, unlabelled result). */
export function writeResult(name: string, summary: unknown, variant: string[] = [], env = process.env): string {
  const label = [...variant, env.BENCH_LABEL ?? ''].filter(Boolean).join('-');
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(path.join(RESULTS_DIR, `${name}${label ? `-${label}` : ''}.json`), `${JSON.stringify(summary, null, 2)}\n`);
  return label;
}
