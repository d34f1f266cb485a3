// Supplier classification: what a supplier does for the brand, where it stands, how risky it is.
import { registerEnumType } from 'type-graphql';

export enum SupplierType {
  CM = 'CM',
  COMPONENT = 'COMPONENT',
  LOGISTICS = 'LOGISTICS',
}

/** Lifecycle: PROSPECT → ONBOARDING → APPROVED ⇄ PROBATION → BLOCKED. */
export enum SupplierStatus {
  PROSPECT = 'PROSPECT',
  ONBOARDING = 'ONBOARDING',
  APPROVED = 'APPROVED',
  PROBATION = 'PROBATION',
  BLOCKED = 'BLOCKED',
}

export enum RiskTier {
  LOW = 'LOW',
  MEDIUM = 'MEDIUM',
  HIGH = 'HIGH',
  CRITICAL = 'CRITICAL',
}

registerEnumType(SupplierType, { name: 'SupplierType', description: 'CM = contract manufacturer.' });
registerEnumType(SupplierStatus, { name: 'SupplierStatus' });
registerEnumType(RiskTier, { name: 'RiskTier' });
