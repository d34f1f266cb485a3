// The default downtime reason list a new installation (and the demo seed) starts with.
import { DowntimeCategory as C } from './downtime.enums';

export const DEFAULT_DOWNTIME_REASONS = [
  { code: 'BREAKDOWN', description: 'Machine breakdown', category: C.FAILURE, planned: false },
  { code: 'TOOL_FAILURE', description: 'Tool or fixture failure', category: C.FAILURE, planned: false },
  { code: 'CHANGEOVER', description: 'Product changeover and setup', category: C.CHANGEOVER, planned: false },
  { code: 'NO_MATERIAL', description: 'Waiting for material', category: C.MATERIAL, planned: false },
  { code: 'QUALITY_HOLD', description: 'Stopped for a quality check', category: C.QUALITY, planned: false },
  { code: 'PLANNED_MAINTENANCE', description: 'Preventive maintenance window', category: C.PLANNED_MAINTENANCE, planned: true },
  { code: 'NO_DEMAND', description: 'No work scheduled (break, no orders)', category: C.OTHER, planned: true },
] as const;
