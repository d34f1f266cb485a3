// Runs the sustainability subgraph as a process (configuration from the environment).
import { runSubgraph } from '@cmgraph/platform';
import { sustainability } from './index';

void runSubgraph(sustainability);
