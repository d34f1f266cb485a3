// Why a machine stopped, in categories: FAILURE drives MTBF/MTTR, and PLANNED stops leave OEE's clock.
import { registerEnumType } from 'type-graphql';

export enum DowntimeCategory {
  FAILURE = 'FAILURE',
  CHANGEOVER = 'CHANGEOVER',
  MATERIAL = 'MATERIAL',
  QUALITY = 'QUALITY',
  PLANNED_MAINTENANCE = 'PLANNED_MAINTENANCE',
  OTHER = 'OTHER',
}

registerEnumType(DowntimeCategory, { name: 'DowntimeCategory' });
