// The part of every record input that names a facility and a period, and the checks behind it: the
// facility must exist (asked of suppliers, which also says its supplier and country) and the period
// must not be empty.
import { Field, ID, InputType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import type { ReferenceChecker } from '@cmgraph/platform';
import { requirePeriod } from '../period';

@InputType()
export abstract class FacilityPeriodInput {
  @Field(() => ID) facilityId!: string;

  @Field(() => LocalDateResolver, { description: 'First day, inclusive.' })
  periodStart!: string;

  @Field(() => LocalDateResolver, { description: 'Day after the last day (exclusive).' })
  periodEnd!: string;
}

export interface FacilityFacts {
  facilityId: string;
  supplierId: string;
  country: string;
  periodStart: string;
  periodEnd: string;
}

/** Checks the period and asks suppliers for the facility; the facts go onto the record. */
export async function facilityFacts(references: ReferenceChecker, input: FacilityPeriodInput): Promise<FacilityFacts> {
  requirePeriod(input.periodStart, input.periodEnd);
  const [facility] = await references.fetchExisting<{ country: string; supplier: { id: string } }>(
    'Facility', [{ id: input.facilityId, field: 'facilityId' }], 'country supplier { id }',
  );
  return {
    facilityId: input.facilityId, supplierId: facility!.supplier.id, country: facility!.country,
    periodStart: input.periodStart, periodEnd: input.periodEnd,
  };
}
