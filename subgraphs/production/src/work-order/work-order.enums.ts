// Work-order lifecycle vocabulary (transitions in work-order.rules.ts).
import { registerEnumType } from 'type-graphql';

export enum WorkOrderStatus {
  PLANNED = 'PLANNED',
  RELEASED = 'RELEASED',
  RUNNING = 'RUNNING',
  HELD = 'HELD',
  COMPLETED = 'COMPLETED',
  CLOSED = 'CLOSED',
  ABORTED = 'ABORTED',
}

registerEnumType(WorkOrderStatus, {
  name: 'WorkOrderStatus',
  description: 'PLANNED → RELEASED → RUNNING ⇄ HELD; RUNNING → COMPLETED → CLOSED; any open status → ABORTED.',
});
