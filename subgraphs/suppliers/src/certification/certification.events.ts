// The events a certificate's life writes to the outbox: added, renewed, and expiring (raised by the
// daily job). Each carries what a consumer needs without asking suppliers back.
import type { NewEvent } from '@cmgraph/platform';
import type { Certification } from './certification.entity';

/** The certificate as every certification event describes it. */
function certificationFacts(certification: Certification) {
  return {
    certificationId: certification.id,
    supplierId: certification.supplier.id,
    facilityId: certification.facility?.id ?? null,
    standard: certification.standard,
    number: certification.number,
  };
}

function certificationEvent(type: string, certification: Certification, payload: Record<string, unknown>): NewEvent {
  return {
    type,
    subject: { type: 'Certification', id: certification.id },
    supplierId: certification.supplier.id,
    payload: { ...certificationFacts(certification), ...payload },
  };
}

export function certificationAdded(certification: Certification): NewEvent {
  return certificationEvent('certification.added', certification, { validFrom: certification.validFrom, validUntil: certification.validUntil });
}

export function certificationRenewed(certification: Certification, previousValidUntil: string): NewEvent {
  return certificationEvent('certification.renewed', certification, {
    validFrom: certification.validFrom, validUntil: certification.validUntil, previousValidUntil,
  });
}

/** A certificate found by the job: its expiry date and the whole days left until then (0 on the last valid day). */
export interface ExpiringCertification {
  certificationId: string;
  supplierId: string;
  facilityId: string | null;
  standard: string;
  number: string;
  expiresOn: string;
  daysLeft: number;
}

export function certificationExpiring(found: ExpiringCertification): NewEvent {
  return {
    type: 'certification.expiring',
    subject: { type: 'Certification', id: found.certificationId },
    supplierId: found.supplierId,
    payload: { ...found },
  };
}
