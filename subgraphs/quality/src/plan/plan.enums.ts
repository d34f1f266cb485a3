// Inspection-plan vocabularies: when an inspection happens and how its sample is drawn.
import { registerEnumType } from 'type-graphql';

export enum InspectionTrigger {
  INCOMING = 'INCOMING',
  IN_PROCESS = 'IN_PROCESS',
  FINAL = 'FINAL',
}

export enum SamplingMethod {
  AQL = 'AQL',
  PERCENT = 'PERCENT',
}

registerEnumType(InspectionTrigger, {
  name: 'InspectionTrigger',
  description: 'INCOMING = goods received from a supplier (against a receipt or shipment); IN_PROCESS and FINAL = at a work order.',
});
registerEnumType(SamplingMethod, {
  name: 'SamplingMethod',
  description: 'AQL = ISO 2859-1 single sampling, normal inspection, general inspection level II; PERCENT = a fixed share of the lot, acceptance number 0.',
});
