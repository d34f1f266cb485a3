// Purchase-order vocabularies: lifecycle status, Incoterms 2020, and the supplier's answer per line.
import { registerEnumType } from 'type-graphql';

/** Lifecycle: DRAFT → SENT → ACKNOWLEDGED → PARTIALLY_SHIPPED → CLOSED, or CANCELLED (see purchase-order.rules.ts). */
export enum PurchaseOrderStatus {
  DRAFT = 'DRAFT',
  SENT = 'SENT',
  ACKNOWLEDGED = 'ACKNOWLEDGED',
  PARTIALLY_SHIPPED = 'PARTIALLY_SHIPPED',
  CLOSED = 'CLOSED',
  CANCELLED = 'CANCELLED',
}

/** Incoterms 2020: who pays for and bears the risk of which leg of the transport. */
export enum Incoterms {
  EXW = 'EXW',
  FCA = 'FCA',
  FAS = 'FAS',
  FOB = 'FOB',
  CFR = 'CFR',
  CIF = 'CIF',
  CPT = 'CPT',
  CIP = 'CIP',
  DAP = 'DAP',
  DPU = 'DPU',
  DDP = 'DDP',
}

/** The supplier's answer to one PO line (X12 855 style). */
export enum LineAckStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  REJECTED = 'REJECTED',
  BACKORDERED = 'BACKORDERED',
  DATE_CHANGED = 'DATE_CHANGED',
}

registerEnumType(PurchaseOrderStatus, { name: 'PurchaseOrderStatus' });
registerEnumType(Incoterms, { name: 'Incoterms', description: 'Incoterms 2020 trade terms.' });
registerEnumType(LineAckStatus, {
  name: 'LineAckStatus',
  description: 'PENDING until the supplier answers; REJECTED lines are excluded from open quantity and KPIs.',
});
