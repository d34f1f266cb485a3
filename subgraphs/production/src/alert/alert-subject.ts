// The `AlertSubject` union: the federated entity an alert concerns, as a stub of its type (own entities
// loaded here, other subgraphs' completed by the gateway from their owners).
import { createUnionType } from 'type-graphql';
import { Machine } from '../machine/machine.entity';
import { Line } from '../line/line.entity';
import { Facility, Lot, Product, PurchaseOrder, Shipment, stub, Supplier } from '../references/external.reference';
import { AlertSubjectType } from './alert.enums';
import type { Context } from '../context';

export const AlertSubject = createUnionType({
  name: 'AlertSubject',
  types: () => [Machine, Line, Facility, Supplier, Product, Lot, Shipment, PurchaseOrder] as const,
});

const STUBS = { Facility, Supplier, Product, Lot, Shipment, PurchaseOrder } as const;

export async function alertSubject(type: AlertSubjectType, id: string, ctx: Context): Promise<typeof AlertSubject | null> {
  if (type === AlertSubjectType.Machine) return ctx.loaders.machine.load(id);
  if (type === AlertSubjectType.Line) return ctx.loaders.line.load(id);
  return stub(STUBS[type], id);
}
