// Where a production report's stock is: the inventory location it names, or else — production may
// know only its plant — the stock location at that facility (a PLANT location first, never a quarantine
// area, then by code, so the choice is the same every time the event is applied).
import type { EntityManager } from '@mikro-orm/postgresql';
import { Location } from '../location/location.entity';
import { LocationType } from '../location/location.enums';
import { optionalId, UnusableEvent } from './payload';

export async function stockPlaceOf(em: EntityManager, payload: Record<string, unknown>): Promise<Location> {
  const locationId = optionalId(payload, 'locationId');
  if (locationId) {
    const location = await em.findOne(Location, { id: locationId });
    if (!location) throw new UnusableEvent(`unknown location ${locationId}`);
    return location;
  }
  const facilityId = optionalId(payload, 'facilityId');
  if (facilityId) {
    const candidates = await em.find(Location, { facilityId, type: { $ne: LocationType.QUARANTINE_AREA } }, { orderBy: { code: 'asc' } });
    const place = candidates.find((location) => location.type === LocationType.PLANT) ?? candidates[0];
    if (place) return place;
  }
  throw new UnusableEvent('the event names no stock location (locationId), nor a facility with one (facilityId)');
}
