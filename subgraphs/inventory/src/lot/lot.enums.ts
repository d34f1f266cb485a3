// Where a lot stands: usable, held back by quality, recalled, or used up.
import { registerEnumType } from 'type-graphql';

export enum LotStatus {
  AVAILABLE = 'AVAILABLE',
  QUARANTINE = 'QUARANTINE',
  HOLD = 'HOLD',
  RECALLED = 'RECALLED',
  CONSUMED = 'CONSUMED',
}

registerEnumType(LotStatus, {
  name: 'LotStatus',
  description: 'Only AVAILABLE stock may be issued or consumed. RECALLED and CONSUMED are final.',
});
