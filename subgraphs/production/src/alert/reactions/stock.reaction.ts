// inventory's `stock.below_reorder_point` → a STOCK alert about the product: CRITICAL when nothing is
// left on hand, otherwise WARNING. One open alert per product, whichever location crossed (the message
// names the latest location).
import type { BusEvent } from '@cmgraph/platform';
import { AlertCategory, AlertSeverity, AlertSubjectType } from '../alert.enums';
import type { AlertRaise } from '../alert.upsert';
import { idIn, numberIn, shown, textIn } from './payload';

export function lowStockAlert(event: BusEvent): AlertRaise | null {
  const productId = idIn(event.payload, 'productId');
  const onHand = numberIn(event.payload, 'onHand');
  if (!productId || onHand === null) return null;
  const reorderPoint = numberIn(event.payload, 'reorderPoint');
  const sku = textIn(event.payload, 'sku') ?? productId;
  const location = textIn(event.payload, 'locationCode') ?? idIn(event.payload, 'locationId');
  return {
    category: AlertCategory.STOCK,
    severity: onHand <= 0 ? AlertSeverity.CRITICAL : AlertSeverity.WARNING,
    subjectType: AlertSubjectType.Product,
    subjectId: productId,
    facilityId: idIn(event.payload, 'facilityId'),
    supplierId: idIn(event.payload, 'supplierId') ?? event.supplierId,
    message: `${sku}: ${shown(onHand)} on hand` + (reorderPoint !== null ? `, below the reorder point of ${shown(reorderPoint)}` : ', below its reorder point')
      + (location ? ` at location ${location}` : ''),
    metric: 'on_hand',
    value: onHand,
    threshold: reorderPoint,
    unit: textIn(event.payload, 'uom'),
    occurrences: 1,
  };
}
