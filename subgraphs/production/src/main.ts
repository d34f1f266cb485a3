// Runs the production subgraph as a process (configuration from the environment).
import { runSubgraph } from '@cmgraph/platform';
import { production } from './index';

void runSubgraph(production);
