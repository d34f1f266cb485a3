// Non-conformance vocabularies: how bad, where in its life, and what is done with the material.
import { registerEnumType } from 'type-graphql';

export enum NonConformanceSeverity {
  MINOR = 'MINOR',
  MAJOR = 'MAJOR',
  CRITICAL = 'CRITICAL',
}

/** OPEN → UNDER_REVIEW → DISPOSITIONED → CLOSED (see non-conformance.rules.ts). */
export enum NonConformanceStatus {
  OPEN = 'OPEN',
  UNDER_REVIEW = 'UNDER_REVIEW',
  DISPOSITIONED = 'DISPOSITIONED',
  CLOSED = 'CLOSED',
}

export enum NonConformanceDisposition {
  USE_AS_IS = 'USE_AS_IS',
  REWORK = 'REWORK',
  SCRAP = 'SCRAP',
  RETURN_TO_VENDOR = 'RETURN_TO_VENDOR',
}

registerEnumType(NonConformanceSeverity, { name: 'NonConformanceSeverity' });
registerEnumType(NonConformanceStatus, {
  name: 'NonConformanceStatus',
  description: 'OPEN → UNDER_REVIEW → DISPOSITIONED → CLOSED; OPEN may be dispositioned directly. Everything but CLOSED counts as open.',
});
registerEnumType(NonConformanceDisposition, {
  name: 'NonConformanceDisposition',
  description: 'What happens to the non-conforming material (material review board decision).',
});
