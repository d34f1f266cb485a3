// Where a facility's energy comes from, and which sources are renewable or electricity.
import { registerEnumType } from 'type-graphql';

export enum EnergySource {
  GRID = 'GRID',
  SOLAR = 'SOLAR',
  WIND = 'WIND',
  HYDRO = 'HYDRO',
  NATURAL_GAS = 'NATURAL_GAS',
  DIESEL = 'DIESEL',
}

export const RENEWABLE: ReadonlySet<EnergySource> = new Set([EnergySource.SOLAR, EnergySource.WIND, EnergySource.HYDRO]);

/** Electricity is scope 2; fuels burnt on site are scope 1 and are recorded as activity. */
export const ELECTRICITY: ReadonlySet<EnergySource> = new Set([EnergySource.GRID, ...RENEWABLE]);

registerEnumType(EnergySource, {
  name: 'EnergySource',
  description: 'SOLAR, WIND and HYDRO are renewable; GRID, SOLAR, WIND and HYDRO are (scope 2) electricity.',
});
