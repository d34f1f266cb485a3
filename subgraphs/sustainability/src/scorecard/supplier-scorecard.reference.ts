// SupplierScorecard is owned by suppliers (keyed by supplier and period); this subgraph contributes its
// carbon intensity and renewable share. Any key resolves: a supplier without records in the period
// simply has none (null figures). The kit refuses a partner another supplier's scorecard.
import { Directive, Field, ID, ObjectType } from 'type-graphql';

@Directive('@key(fields: "supplierId period")')
@ObjectType()
export class SupplierScorecard {
  @Field(() => ID)
  supplierId!: string;

  @Field({ description: 'The canonical period label (parsePeriod): "2026", "2026-Q3", "2026-10".' })
  period!: string;
}

export const scorecardByKey = (ref: Record<string, unknown>): SupplierScorecard => ({ supplierId: String(ref.supplierId), period: String(ref.period) });
