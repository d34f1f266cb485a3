// Prints how many first INCOMING inspections the quality seed writes at a scale (argument, default
// `large`). Run in its own process by seed.test.ts: walking the large universe is several times slower
// inside jest's module sandbox than in plain Node.
import { universe, type Scale } from '@cmgraph/seedkit';
import { incomingDrafts } from '../src/seed';
import { incomingPlan } from '../src/seed.world';

const world = universe((process.argv[2] ?? 'large') as Scale);
const plan = incomingPlan(world.products[0]!.id, 0);
let inspections = 0;
for (const _draft of incomingDrafts(world, () => plan)) inspections++;
process.stdout.write(`${inspections}\n`);
