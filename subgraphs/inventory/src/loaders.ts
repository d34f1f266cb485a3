// The inventory subgraph's DataLoaders, created per request.
import type { EntityManager } from '@mikro-orm/postgresql';
import { childrenLoader, rowLoader } from '@cmgraph/platform';
import { Product } from './product/product.entity';
import { Location } from './location/location.entity';
import { Lot } from './lot/lot.entity';
import { StockLevel } from './stock/stock-level.entity';
import { productDemandLoader, recentDemandLoader } from './stock/demand.loader';
import { Receipt, ReceiptLine } from './receipt/receipt.entity';

export function createLoaders(em: EntityManager) {
  return {
    product: rowLoader(em, Product),
    productBySku: rowLoader(em, Product, 'sku'),
    location: rowLoader(em, Location),
    lot: rowLoader(em, Lot),
    stockLevelsByProduct: childrenLoader(em, StockLevel, 'product'),
    recentDemand: recentDemandLoader(em),
    productDemand: productDemandLoader(em),
    receipt: rowLoader(em, Receipt),
    receiptByShipment: rowLoader(em, Receipt, 'shipmentId'),
    receiptLinesByReceipt: childrenLoader(em, ReceiptLine, 'receipt'),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
