// SupplierScorecard is owned by suppliers (keyed by supplier and period); quality contributes its PPM,
// first-pass yield, open corrective actions and inspection count. Any key resolves: a supplier with no
// inspections in the period simply has none. The kit refuses a partner another supplier's scorecard.
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { parsePeriod } from '@cmgraph/platform';

@Directive('@key(fields: "supplierId period")')
@ObjectType()
export class SupplierScorecard {
  @Field(() => ID)
  supplierId!: string;

  @Field()
  period!: string;
}

/** Resolves a representation, its period made canonical; a malformed period is BAD_USER_INPUT naming `period`. */
export function scorecardByKey(ref: Record<string, unknown>): SupplierScorecard {
  return { supplierId: String(ref.supplierId), period: parsePeriod(String(ref.period), 'period').label };
}
