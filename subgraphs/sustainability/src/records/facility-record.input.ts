// The part of every record input that names a facility and a period, and the checks behind it: the
// facility must exist (asked of suppliers, which also says its supplier and country), a partner may
// record only for its own supplier's facilities, and the period must not be empty.
import { Field, ID, InputType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { requireOwnSupplier, type Identity, type ReferenceChecker } from '@cmgraph/platform';
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

/**
 * Checks the period and asks suppliers for the facility (on behalf of the caller, so suppliers' own scope
 * applies too); a partner naming another supplier's facility is FORBIDDEN. The facts go onto the record.
 */
export async function facilityFacts(
  caller: { references: ReferenceChecker; identity: Identity },
  input: FacilityPeriodInput,
): Promise<FacilityFacts> {
  requirePeriod(input.periodStart, input.periodEnd);
  const [facility] = await caller.references.fetchExisting<{ country: string; supplier: { id: string } }>(
    'Facility', [{ id: input.facilityId, field: 'facilityId' }], 'country supplier { id }',
  );
  requireOwnSupplier(caller.identity, facility!.supplier.id, 'facilityId');
  return {
    facilityId: input.facilityId, supplierId: facility!.supplier.id, country: facility!.country,
    periodStart: input.periodStart, periodEnd: input.periodEnd,
  };
}
