// Kinds of stock movement in the ledger.
import { registerEnumType } from 'type-graphql';

export enum StockMovementType {
  RECEIPT = 'RECEIPT',
  ISSUE = 'ISSUE',
  TRANSFER = 'TRANSFER',
  ADJUST = 'ADJUST',
  CONSUME = 'CONSUME',
  PRODUCE = 'PRODUCE',
}

/** The kinds a user records by hand; receipts, consumption and production come from their own flows. */
export enum ManualMovementType {
  ISSUE = 'ISSUE',
  TRANSFER = 'TRANSFER',
  ADJUST = 'ADJUST',
}

registerEnumType(StockMovementType, {
  name: 'StockMovementType',
  description:
    'RECEIPT, PRODUCE: into toLocation. ISSUE, CONSUME: out of fromLocation. TRANSFER: from one to the other. ' +
    'ADJUST: a count correction, into toLocation (gain) or out of fromLocation (loss).',
});
registerEnumType(ManualMovementType, { name: 'ManualMovementType' });
