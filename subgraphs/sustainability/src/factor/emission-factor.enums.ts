// The vocabularies of emission factors: what activity a factor applies to, and which IPCC GWP set
// turned its gases into CO2e.
import { registerEnumType } from 'type-graphql';

export enum ActivityType {
  ELECTRICITY_GRID = 'ELECTRICITY_GRID',
  NATURAL_GAS = 'NATURAL_GAS',
  DIESEL = 'DIESEL',
  LPG = 'LPG',
  FREIGHT_ROAD = 'FREIGHT_ROAD',
  FREIGHT_RAIL = 'FREIGHT_RAIL',
  FREIGHT_SEA = 'FREIGHT_SEA',
  FREIGHT_AIR = 'FREIGHT_AIR',
  PURCHASED_STEEL = 'PURCHASED_STEEL',
  PURCHASED_ALUMINIUM = 'PURCHASED_ALUMINIUM',
  PURCHASED_PLASTIC = 'PURCHASED_PLASTIC',
  PURCHASED_COPPER = 'PURCHASED_COPPER',
  WASTE_REUSE = 'WASTE_REUSE',
  WASTE_RECYCLE = 'WASTE_RECYCLE',
  WASTE_RECOVERY = 'WASTE_RECOVERY',
  WASTE_INCINERATION = 'WASTE_INCINERATION',
  WASTE_LANDFILL = 'WASTE_LANDFILL',
  WATER_SUPPLY = 'WATER_SUPPLY',
}

export enum GwpSet {
  AR5 = 'AR5',
  AR6 = 'AR6',
}

registerEnumType(ActivityType, { name: 'ActivityType', description: 'What an emission factor (and an activity record) measures.' });
registerEnumType(GwpSet, { name: 'GwpSet', description: 'IPCC assessment report whose 100-year GWPs convert gases to CO2e.' });
