// The suppliers subgraph's DataLoaders, created per request.
import type { EntityManager } from '@mikro-orm/postgresql';
import { addDays, childrenLoader, rowLoader, today } from '@cmgraph/platform';
import { Supplier } from './supplier/supplier.entity';
import { Facility } from './facility/facility.entity';
import { Certification } from './certification/certification.entity';
import { certificationStandingLoader, EXPIRING_CERTIFICATIONS_DAYS } from './certification/certification-standing';
import { Audit } from './audit/audit.entity';
import { Sla } from './sla/sla.entity';
import { SourcingAssignment } from './sourcing/sourcing.entity';
import { DataRoomDocument } from './data-room/data-room-document.entity';
import { DataRoomShare } from './data-room/data-room-share.entity';

export function createLoaders(em: EntityManager) {
  const day = today();
  return {
    supplier: rowLoader(em, Supplier),
    facility: rowLoader(em, Facility),
    facilitiesBySupplier: childrenLoader(em, Facility, 'supplier'),
    certificationsBySupplier: childrenLoader(em, Certification, 'supplier'),
    /** By `standingKey(supplierId, day)`. */
    certificationStanding: certificationStandingLoader(em),
    /** Certificates in force today whose last day is within EXPIRING_CERTIFICATIONS_DAYS, soonest first. */
    expiringCertificationsBySupplier: childrenLoader(
      em, Certification, 'supplier',
      { validFrom: { $lte: day }, validUntil: { $gte: day, $lte: addDays(day, EXPIRING_CERTIFICATIONS_DAYS) } },
      { validUntil: 'asc', id: 'asc' },
    ),
    auditsBySupplier: childrenLoader(em, Audit, 'supplier', {}, { auditDate: 'desc', id: 'asc' }),
    slaBySupplier: rowLoader(em, Sla, 'supplier'),
    sourcingByProduct: childrenLoader(em, SourcingAssignment, 'productId', {}, { sharePercent: 'desc', id: 'asc' }),
    dataRoomDocument: rowLoader(em, DataRoomDocument),
    dataRoomSharesByDocument: childrenLoader(em, DataRoomShare, 'document'),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
