// Shipment lifecycle rules: which status a milestone moves a shipment to. Pure, for tests and the seed.
import { MilestoneType as M, ShipmentStatus as S } from './shipment.enums';

/**
 * The status after a milestone, or null when the milestone is refused (nothing follows DELIVERED).
 * Any movement milestone means the goods travel again, so it also lifts an EXCEPTION.
 */
export function statusAfterMilestone(current: S, milestone: M): S | null {
  if (current === S.DELIVERED) return null;
  switch (milestone) {
    case M.BOOKED:
      return current;
    case M.DELIVERED:
      return S.DELIVERED;
    case M.EXCEPTION:
      return S.EXCEPTION;
    default:
      return S.IN_TRANSIT;
  }
}
