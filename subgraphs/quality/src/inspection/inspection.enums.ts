// The outcome of an inspection: computed from the readings and the rejected count, never entered.
import { registerEnumType } from 'type-graphql';

export enum InspectionResult {
  PASS = 'PASS',
  FAIL = 'FAIL',
}

registerEnumType(InspectionResult, {
  name: 'InspectionResult',
  description: 'FAIL when a reading lies outside its characteristic\'s limits or quantityRejected exceeds the acceptance number.',
});
