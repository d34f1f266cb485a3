// Shipment vocabularies: status, transport mode, the milestones a carrier reports, and the kinds of
// change a shipment's event log records.
import { registerEnumType } from 'type-graphql';

/** BOOKED → IN_TRANSIT → DELIVERED; EXCEPTION from any open status, and back to IN_TRANSIT. */
export enum ShipmentStatus {
  BOOKED = 'BOOKED',
  IN_TRANSIT = 'IN_TRANSIT',
  DELIVERED = 'DELIVERED',
  EXCEPTION = 'EXCEPTION',
}

export enum TransportMode {
  ROAD = 'ROAD',
  RAIL = 'RAIL',
  SEA = 'SEA',
  AIR = 'AIR',
  PARCEL = 'PARCEL',
}

export enum MilestoneType {
  BOOKED = 'BOOKED',
  PICKED_UP = 'PICKED_UP',
  DEPARTED = 'DEPARTED',
  ARRIVED_AT_PORT = 'ARRIVED_AT_PORT',
  CUSTOMS_CLEARED = 'CUSTOMS_CLEARED',
  OUT_FOR_DELIVERY = 'OUT_FOR_DELIVERY',
  DELIVERED = 'DELIVERED',
  EXCEPTION = 'EXCEPTION',
}

/** What a `shipment.updated` event reports; one mutation may write several (a milestone that moves the status). */
export enum ShipmentChange {
  CREATED = 'CREATED',
  MILESTONE = 'MILESTONE',
  STATUS = 'STATUS',
  ETA = 'ETA',
}

registerEnumType(ShipmentStatus, { name: 'ShipmentStatus' });
registerEnumType(TransportMode, { name: 'TransportMode' });
registerEnumType(MilestoneType, { name: 'MilestoneType', description: 'Shipment milestones reported by the carrier or the supplier.' });
registerEnumType(ShipmentChange, {
  name: 'ShipmentChange',
  description: 'CREATED: the ASN was booked. MILESTONE: a milestone was recorded. STATUS: the status moved. ETA: the expected arrival day moved.',
});
