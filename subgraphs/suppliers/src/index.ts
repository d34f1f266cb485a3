// The suppliers subgraph: suppliers, their sites, certificates, audits, SLAs and sourcing; the daily
// job that raises `certification.expiring`.
import { maybeLoad, type SubgraphDefinition } from '@cmgraph/platform';
import { createLoaders, type Loaders } from './loaders';
import { Supplier } from './supplier/supplier.entity';
import { SupplierResolver } from './supplier/supplier.resolver';
import { Facility } from './facility/facility.entity';
import { FacilityResolver } from './facility/facility.resolver';
import { Certification } from './certification/certification.entity';
import { CertificationResolver } from './certification/certification.resolver';
import { expiringCertificationsJob } from './certification/expiring-certifications.job';
import { Audit } from './audit/audit.entity';
import { AuditResolver } from './audit/audit.resolver';
import { Sla } from './sla/sla.entity';
import { SlaResolver } from './sla/sla.resolver';
import { SourcingAssignment } from './sourcing/sourcing.entity';
import { ProductSourcingResolver, SourcingAssignmentResolver } from './sourcing/sourcing.resolver';
import { migrations } from './migrations';
export { seed } from './seed';
import type { Context } from './context';

export const suppliers: SubgraphDefinition<Loaders> = {
  name: 'suppliers',
  port: 4001,
  entities: [Supplier, Facility, Certification, Audit, Sla, SourcingAssignment],
  migrations,
  resolvers: [
    SupplierResolver,
    FacilityResolver,
    CertificationResolver,
    AuditResolver,
    SlaResolver,
    SourcingAssignmentResolver,
    ProductSourcingResolver,
  ],
  references: {
    Supplier: (ref, ctx: Context) => maybeLoad(ctx.loaders.supplier, String(ref.id)),
    Facility: (ref, ctx: Context) => maybeLoad(ctx.loaders.facility, String(ref.id)),
    Product: (ref) => ({ id: ref.id }),
  },
  createLoaders,
  jobs: [expiringCertificationsJob],
};
