// Recall status: INITIATED → IN_PROGRESS → COMPLETED.
import { registerEnumType } from 'type-graphql';

export enum RecallStatus {
  INITIATED = 'INITIATED',
  IN_PROGRESS = 'IN_PROGRESS',
  COMPLETED = 'COMPLETED',
}

registerEnumType(RecallStatus, { name: 'RecallStatus', description: 'INITIATED → IN_PROGRESS → COMPLETED; COMPLETED is final.' });
