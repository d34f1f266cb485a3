// A published product footprint is Active until a newer version deprecates it (PACT status).
import { registerEnumType } from 'type-graphql';

export enum FootprintStatus {
  ACTIVE = 'ACTIVE',
  DEPRECATED = 'DEPRECATED',
}

/** PACT's wire spelling of each status. */
export const PACT_STATUS: Record<FootprintStatus, 'Active' | 'Deprecated'> = {
  [FootprintStatus.ACTIVE]: 'Active',
  [FootprintStatus.DEPRECATED]: 'Deprecated',
};

registerEnumType(FootprintStatus, { name: 'FootprintStatus', description: 'PACT status: Active, or Deprecated by a newer version.' });
