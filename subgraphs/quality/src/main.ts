// Runs the quality subgraph as a process (configuration from the environment).
import { runSubgraph } from '@cmgraph/platform';
import { quality } from './index';

void runSubgraph(quality);
