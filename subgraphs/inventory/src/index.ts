// The inventory subgraph: products, stock locations, lots, the stock ledger and goods receipts, and its
// reactions to deliveries, failed inspections and production reports.
import { maybeLoad, type SubgraphDefinition } from '@cmgraph/platform';
import { createLoaders, type Loaders } from './loaders';
import { Product } from './product/product.entity';
import { ProductResolver } from './product/product.resolver';
import { Location } from './location/location.entity';
import { LocationResolver } from './location/location.resolver';
import { Facility } from './location/facility.reference';
import { Lot } from './lot/lot.entity';
import { LotResolver } from './lot/lot.resolver';
import { Supplier } from './lot/supplier.reference';
import { StockMovement } from './stock/stock-movement.entity';
import { StockMovementResolver } from './stock/stock-movement.resolver';
import { StockLevel } from './stock/stock-level.entity';
import { StockLevelResolver } from './stock/stock-level.resolver';
import { ProductStockResolver } from './stock/product-stock.resolver';
import { StockReportResolver } from './stock/stock-report.resolver';
import { Receipt, ReceiptLine } from './receipt/receipt.entity';
import { ReceiptLineResolver, ReceiptResolver, ShipmentReceiptResolver } from './receipt/receipt.resolver';
import { migrations } from './migrations';
import { consumers } from './reactions/consumers';
import type { Context } from './context';

export { seed } from './seed';

export const inventory: SubgraphDefinition<Loaders> = {
  name: 'inventory',
  port: 4003,
  entities: [Product, Location, Lot, StockMovement, StockLevel, Receipt, ReceiptLine],
  migrations,
  resolvers: [
    ProductResolver,
    ProductStockResolver,
    LocationResolver,
    LotResolver,
    StockMovementResolver,
    StockLevelResolver,
    StockReportResolver,
    ReceiptResolver,
    ReceiptLineResolver,
    ShipmentReceiptResolver,
  ],
  orphanedTypes: [Facility, Supplier],
  references: {
    Product: (ref, ctx: Context) => maybeLoad(ctx.loaders.product, String(ref.id)),
    Location: (ref, ctx: Context) => maybeLoad(ctx.loaders.location, String(ref.id)),
    Lot: (ref, ctx: Context) => maybeLoad(ctx.loaders.lot, String(ref.id)),
    Receipt: (ref, ctx: Context) => maybeLoad(ctx.loaders.receipt, String(ref.id)),
    // Orders owns Shipment; any id may carry our `receipt` field (null until received, and for a
    // partner null unless the receipt is of its own shipment: it loads through the scoped loader).
    Shipment: (ref) => ({ id: ref.id }),
  },
  referenceOwners: { Shipment: 'orders', Facility: 'suppliers', Supplier: 'suppliers' },
  createLoaders,
  consumers,
};
