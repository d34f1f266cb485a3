// SupplierScorecard is owned by suppliers (one per supplier and period); this subgraph contributes the
// delivery and acknowledgement figures to it (supplier-scorecard.resolver.ts).
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { parsePeriod } from '@cmgraph/platform';

@Directive('@key(fields: "supplierId period")')
@ObjectType({ description: "A supplier's figures over one period (YYYY, YYYY-Qn or YYYY-MM)." })
export class SupplierScorecard {
  @Field(() => ID)
  supplierId!: string;

  @Field({ description: 'The period, canonical: "2026", "2026-Q3", "2026-10".' })
  period!: string;
}

/** Resolves a representation: any supplier resolves (one without orders has no figures); a malformed period is BAD_USER_INPUT. */
export function scorecardReference(reference: Record<string, unknown>): SupplierScorecard {
  return { supplierId: String(reference.supplierId), period: parsePeriod(String(reference.period)).label };
}
