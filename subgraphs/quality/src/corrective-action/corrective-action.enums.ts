// Corrective-action (8D) vocabulary: its status and the names of the eight disciplines.
import { registerEnumType } from 'type-graphql';

/** OPEN → IN_PROGRESS → VERIFIED → CLOSED (see corrective-action.rules.ts). */
export enum CorrectiveActionStatus {
  OPEN = 'OPEN',
  IN_PROGRESS = 'IN_PROGRESS',
  VERIFIED = 'VERIFIED',
  CLOSED = 'CLOSED',
}

registerEnumType(CorrectiveActionStatus, {
  name: 'CorrectiveActionStatus',
  description: 'OPEN until D1 is done; IN_PROGRESS; VERIFIED once D6 (corrective actions implemented and validated) is done; CLOSED after D8.',
});

/** The eight disciplines, D1 to D8. */
export const EIGHT_D_STEPS = [
  'Form the team',
  'Describe the problem',
  'Contain the problem',
  'Find the root cause',
  'Choose permanent corrective actions',
  'Implement and validate the corrective actions',
  'Prevent recurrence',
  'Recognise the team and close',
] as const;
