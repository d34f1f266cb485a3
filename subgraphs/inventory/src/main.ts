// Runs the inventory subgraph as a process (configuration from the environment).
import { runSubgraph } from '@cmgraph/platform';
import { inventory } from './index';

void runSubgraph(inventory);
