// Runs the suppliers subgraph as a process (configuration from the environment).
import { runSubgraph } from '@cmgraph/platform';
import { suppliers } from './index';

void runSubgraph(suppliers);
