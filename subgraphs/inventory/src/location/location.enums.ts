// What kind of place a stock location is.
import { registerEnumType } from 'type-graphql';

export enum LocationType {
  WAREHOUSE = 'WAREHOUSE',
  PLANT = 'PLANT',
  DISTRIBUTION_CENTER = 'DISTRIBUTION_CENTER',
  QUARANTINE_AREA = 'QUARANTINE_AREA',
}

registerEnumType(LocationType, {
  name: 'LocationType',
  description: 'QUARANTINE_AREA holds stock that may not be issued until quality releases it.',
});
