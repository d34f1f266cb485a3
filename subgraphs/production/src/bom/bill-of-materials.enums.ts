// Bill-of-materials vocabularies: a version's status and the units quantities are expressed in.
import { registerEnumType } from 'type-graphql';

/** One ACTIVE version per product; creating a new version turns the previous one SUPERSEDED. */
export enum BillOfMaterialsStatus {
  ACTIVE = 'ACTIVE',
  SUPERSEDED = 'SUPERSEDED',
}

registerEnumType(BillOfMaterialsStatus, { name: 'BillOfMaterialsStatus' });
