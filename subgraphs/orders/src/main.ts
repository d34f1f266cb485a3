// Runs the orders subgraph as a process (configuration from the environment).
import { runSubgraph } from '@cmgraph/platform';
import { orders } from './index';

void runSubgraph(orders);
