// How good a number is: measured, taken from a supplier or database, or estimated.
import { registerEnumType } from 'type-graphql';

export enum DataQuality {
  PRIMARY = 'PRIMARY',
  SECONDARY = 'SECONDARY',
  ESTIMATED = 'ESTIMATED',
}

registerEnumType(DataQuality, {
  name: 'ActivityDataQuality',
  description: 'PRIMARY = metered or invoiced at the site; SECONDARY = industry averages or databases; ESTIMATED = modelled.',
});
