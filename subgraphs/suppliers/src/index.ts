// The suppliers subgraph: suppliers, their sites, certificates, audits, SLAs and sourcing; supplier scorecards
// and single-source risk; the data room of documents shared with suppliers (with its access log); the daily
// job that raises `certification.expiring`.
import { isId, maybeLoad, type SubgraphDefinition } from '@cmgraph/platform';
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
import { SingleSourceRiskResolver } from './sourcing/single-source-risk.resolver';
import { SupplierScorecardFieldResolver, SupplierScorecardResolver } from './scorecard/scorecard.resolver';
import { resolveScorecardReference } from './scorecard/scorecard.reference';
import { DataRoomDocument } from './data-room/data-room-document.entity';
import { DataRoomShare } from './data-room/data-room-share.entity';
import { DataRoomAccess } from './data-room/data-room-access.entity';
import { DataRoomDocumentPageResolver, DataRoomDocumentResolver } from './data-room/data-room-document.resolver';
import { DataRoomShareResolver } from './data-room/data-room-share.resolver';
import { DataRoomDownloadResolver } from './data-room/data-room-download.resolver';
import { DataRoomAccessResolver } from './data-room/data-room-access.resolver';
import { readDocument } from './data-room/data-room-document.read';
import { migrations } from './migrations';
export { seed } from './seed';
import type { Context } from './context';

export const suppliers: SubgraphDefinition<Loaders> = {
  name: 'suppliers',
  port: 4001,
  entities: [Supplier, Facility, Certification, Audit, Sla, SourcingAssignment, DataRoomDocument, DataRoomShare, DataRoomAccess],
  migrations,
  resolvers: [
    SupplierResolver,
    FacilityResolver,
    CertificationResolver,
    AuditResolver,
    SlaResolver,
    SourcingAssignmentResolver,
    ProductSourcingResolver,
    SingleSourceRiskResolver,
    SupplierScorecardResolver,
    SupplierScorecardFieldResolver,
    DataRoomDocumentResolver,
    DataRoomDocumentPageResolver,
    DataRoomShareResolver,
    DataRoomDownloadResolver,
    DataRoomAccessResolver,
  ],
  references: {
    Supplier: (ref, ctx: Context) => maybeLoad(ctx.loaders.supplier, String(ref.id)),
    Facility: (ref, ctx: Context) => maybeLoad(ctx.loaders.facility, String(ref.id)),
    Product: (ref) => ({ id: ref.id }),
    // a value keyed by supplier and period: resolves when the supplier exists (the kit refuses a partner another supplier's)
    SupplierScorecard: (ref, ctx: Context) => resolveScorecardReference(ref, ctx),
    // logged READ; a partner's reference to a document not shared with it is logged DENIED (the kit answers FORBIDDEN)
    DataRoomDocument: (ref, ctx: Context) => (isId(String(ref.id)) ? readDocument(ctx, String(ref.id)) : null),
  },
  referenceOwners: { Product: 'inventory' },
  createLoaders,
  jobs: [expiringCertificationsJob],
};
