// PurchaseOrderLine is owned by orders; this subgraph adds the progress of the work orders made for it
// and its delivery risk. The risk needs three fields orders owns (@requires): the gateway fetches them
// from orders first and hands them over in the representation, so no table of orders is read here.
import { Directive, Field, Float, ID, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { DeliveryRisk, RISK_RULES, WorkOrderProgress } from './delivery-risk.type';

@Directive('@key(fields: "id")')
@ObjectType()
export class PurchaseOrderLine {
  @Field(() => ID)
  id!: string;

  @Directive('@external')
  @Field(() => LocalDateResolver, { nullable: true })
  currentPromisedDate?: string | null;

  @Directive('@external')
  @Field(() => Float)
  openQuantity?: number;

  @Directive('@external')
  @Field(() => LocalDateResolver, { nullable: true })
  latestEta?: string | null;

  @Field(() => WorkOrderProgress, {
    nullable: true,
    description: 'The work orders made for this line (production; ABORTED ones left out): how far they have got.',
  })
  workOrderProgress?: WorkOrderProgress;

  @Directive('@requires(fields: "currentPromisedDate openQuantity latestEta")')
  @Field(() => DeliveryRisk, { nullable: true, description: `Will the open quantity arrive by the promised date? ${RISK_RULES}` })
  deliveryRisk?: DeliveryRisk;
}
