// Who may do what in the suppliers subgraph. Two contract manufacturers A and B, each with a site, a
// certificate, an audit, an SLA and a sourcing assignment (and a data-room document shared with each):
// partner A, calling the subgraph directly as the gateway would, sees its own rows by list, by id, by
// `_entities` and through every relation — and no row of B, counted as leaks that must be 0. Every
// mutation refuses the roles it does not name (and writes nothing); a partner writes for itself only.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { addDays, newId, today, type Role } from '@cmgraph/platform';
import { dataOf, startEntitiesStub, startStack, type EntitiesStub, type GraphqlClient, type GraphqlResponse, type Stack } from '@cmgraph/testkit';

let stack: Stack;
let inventory: EntitiesStub;
const productId = newId();

interface Rows { supplier: string; facility: string; certification: string; document: string }
let A: Rows;
let B: Rows;
let asA: GraphqlClient;
const as = (roles: Role[], supplierId: string | null = null) => stack.subgraph('suppliers', { caller: { roles, supplierId, sub: `test-${roles.join('-')}` } });

async function supplierWithRows(code: string, share: number, role: 'PRIMARY' | 'SECONDARY'): Promise<Rows> {
  const admin = stack.gateway;
  const supplier = dataOf(await admin(`mutation { createSupplier(input: { code: "${code}", name: "CM ${code}", type: CM, country: "MX", riskTier: HIGH }) { id } }`)).createSupplier.id;
  const facility = dataOf(await admin(`mutation($input: AddFacilityInput!) { addFacility(input: $input) { id } }`, {
    input: { supplierId: supplier, name: `${code} Plant`, country: 'MX', region: 'North America', nearshore: true, capabilities: ['SMT'] },
  })).addFacility.id;
  const certification = dataOf(await admin(`mutation($input: AddCertificationInput!) { addCertification(input: $input) { id } }`, {
    input: { supplierId: supplier, facilityId: facility, standard: 'ISO_9001', number: `C-${code}`, issuer: 'DNV', validFrom: addDays(today(), -10), validUntil: addDays(today(), 300) },
  })).addCertification.id;
  dataOf(await admin(`mutation($input: RecordAuditInput!) { recordAudit(input: $input) { id } }`, {
    input: { supplierId: supplier, facilityId: facility, kind: 'ANNOUNCED', auditDate: today(), auditor: 'SQE', majorFindings: 0, minorFindings: 1, score: 90 },
  }));
  dataOf(await admin(`mutation($input: SetSlaInput!) { setSla(input: $input) { id } }`, {
    input: { supplierId: supplier, otifTarget: 0.95, ppmTarget: 300, maxChangeoverMinutes: 30, maxResponseHours: 24 },
  }));
  dataOf(await admin(`mutation($input: AssignSourcingInput!) { assignSourcing(input: $input) { id } }`, { input: { productId, supplierId: supplier, role, sharePercent: share } }));
  const document = dataOf(await admin(`mutation($input: UploadDataRoomDocumentInput!) { uploadDataRoomDocument(input: $input) { id } }`, {
    input: { title: `Spec ${code}`, kind: 'SPECIFICATION', classification: 'CONFIDENTIAL', fileName: 'spec.txt', contentType: 'text/plain', contentBase64: Buffer.from(`spec ${code}\n`).toString('base64') },
  })).uploadDataRoomDocument.id;
  dataOf(await admin(`mutation($input: ShareDataRoomDocumentInput!) { shareDataRoomDocument(input: $input) { id } }`, {
    input: { documentId: document, supplierId: supplier, expiresAt: new Date(Date.now() + 3_600_000).toISOString() },
  }));
  return { supplier, facility, certification, document };
}

beforeAll(async () => {
  inventory = await startEntitiesStub([productId]);
  stack = await startStack(['suppliers'], { peers: { inventory: inventory.url } });
  A = await supplierWithRows('CM-A', 60, 'PRIMARY');
  B = await supplierWithRows('CM-B', 40, 'SECONDARY');
  asA = as(['PARTNER'], A.supplier);
});
afterAll(async () => {
  await stack?.stop();
  await inventory?.close();
});

/** Supplier ids anywhere in an answer: `supplier { id }` objects and `supplierId` fields. */
function supplierIdsIn(value: unknown, into: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => supplierIdsIn(v, into));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'supplier' && v && typeof (v as { id?: unknown }).id === 'string') into.push((v as { id: string }).id);
      if (key === 'supplierId' && typeof v === 'string') into.push(v);
      supplierIdsIn(v, into);
    }
  }
  return into;
}
/** Ids of B's rows anywhere in an answer, and supplier ids other than A's: each is a leak. */
function leaks(response: GraphqlResponse<unknown>): number {
  const text = JSON.stringify(response.data ?? null);
  const bIds = Object.values(B).filter((id) => text.includes(id)).length;
  return bIds + supplierIdsIn(response.data).filter((id) => id !== A.supplier).length;
}
const codes = (response: GraphqlResponse<unknown>) => (response.errors ?? []).map((e) => e.extensions?.code);

const SUPPLIER_FIELDS = `id code riskTier status facilities { id supplier { id } } certifications { id supplier { id } facility { id } }
  audits { id score } sla { otifTarget }`;

describe('partner A sees its own rows and none of B\'s', () => {
  let leakCount = 0;
  let own = 0;
  const check = <T,>(response: GraphqlResponse<T>) => {
    leakCount += leaks(response);
    return response;
  };
  afterAll(() => {
    expect(leakCount).toBe(0);
    expect(own).toBeGreaterThanOrEqual(12);
  });

  it('lists: suppliers, facilities, certifications and data-room documents are A\'s only, whatever the filter names', async () => {
    const lists = check(await asA(`{
      suppliers { totalCount nodes { ${SUPPLIER_FIELDS} } }
      facilities { totalCount nodes { id supplier { id } } }
      certifications { totalCount nodes { id supplier { id } facility { id } } }
      dataRoomDocuments { totalCount nodes { id } }
    }`));
    expect(lists.errors).toBeUndefined();
    const data = lists.data as Record<string, { totalCount: number; nodes: { id: string }[] }>;
    expect(data.suppliers!.nodes.map((n) => n.id)).toEqual([A.supplier]);
    expect(data.facilities!.nodes.map((n) => n.id)).toEqual([A.facility]);
    expect(data.certifications!.nodes.map((n) => n.id)).toEqual([A.certification]);
    expect(data.dataRoomDocuments!.nodes.map((n) => n.id)).toEqual([A.document]);
    expect(Object.values(data).map((c) => c.totalCount)).toEqual([1, 1, 1, 1]);
    own += 4;
    // the partner's own standing: its risk tier, audits and SLA are visible to it
    expect(data.suppliers!.nodes[0]).toMatchObject({ riskTier: 'HIGH', audits: [{ score: 90 }], sla: { otifTarget: 0.95 } });
    own += 1;
    const filtered = check(await asA(`query($b: ID!) {
      facilities(filter: { supplierId: $b }) { totalCount nodes { id } }
      certifications(filter: { supplierId: $b }) { totalCount nodes { id } }
    }`, { b: B.supplier }));
    expect(dataOf(filtered)).toEqual({ facilities: { totalCount: 0, nodes: [] }, certifications: { totalCount: 0, nodes: [] } });
  });

  it('by id: B\'s supplier, facility and document are absent (null), A\'s are there', async () => {
    for (const rows of [A, B]) {
      const response = check(await asA(`query($s: ID!, $f: ID!) { supplier(id: $s) { ${SUPPLIER_FIELDS} } facility(id: $f) { id supplier { id } } }`, { s: rows.supplier, f: rows.facility }));
      const data = response.data as { supplier: { id: string } | null; facility: { id: string } | null };
      if (rows === A) {
        expect(data.supplier?.id).toBe(A.supplier);
        expect(data.facility?.id).toBe(A.facility);
        own += 2;
      } else {
        expect(data).toEqual({ supplier: null, facility: null });
      }
    }
    const theirs = check(await asA(`query($id: ID!) { dataRoomDocument(id: $id) { id } }`, { id: B.document }));
    expect(theirs.data).toEqual({ dataRoomDocument: null });
    expect(codes(theirs)).toEqual(['FORBIDDEN']);
    expect(dataOf(check(await asA(`query($id: ID!) { dataRoomDocument(id: $id) { id } }`, { id: A.document }))).dataRoomDocument.id).toBe(A.document);
    own += 1;
  });

  it('`_entities`: B\'s Supplier, Facility and DataRoomDocument are null with FORBIDDEN, A\'s resolve with A\'s relations', async () => {
    const entities = `query($r: [_Any!]!) { _entities(representations: $r) {
      ... on Supplier { ${SUPPLIER_FIELDS} }
      ... on Facility { id supplier { id } }
      ... on DataRoomDocument { id }
    } }`;
    for (const typename of ['Supplier', 'Facility', 'DataRoomDocument'] as const) {
      const key = typename === 'Supplier' ? 'supplier' : typename === 'Facility' ? 'facility' : 'document';
      const response = check(await asA(entities, { r: [{ __typename: typename, id: A[key] }, { __typename: typename, id: B[key] }, { __typename: typename, id: newId() }] }));
      const [mine, theirs, none] = (response.data as { _entities: ({ id: string } | null)[] })._entities;
      expect({ typename, mine: mine?.id, theirs, none }).toEqual({ typename, mine: A[key], theirs: null, none: null });
      expect({ typename, codes: codes(response) }).toEqual({ typename, codes: ['FORBIDDEN', 'FORBIDDEN'] });
      own += 1;
    }
  });

  it('relations of A\'s rows reach A\'s rows only; B\'s rows cannot be joined from', async () => {
    const response = check(await asA(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Supplier { id facilities { id } certifications { id } audits { id } sla { otifTarget } } } }`, {
      r: [{ __typename: 'Supplier', id: B.supplier }],
    }));
    expect((response.data as { _entities: unknown[] })._entities).toEqual([null]);
    const cert = check(await asA(`{ certifications { nodes { supplier { id code } facility { id supplier { id } } } } }`));
    expect(dataOf(cert).certifications.nodes).toEqual([{ supplier: { id: A.supplier, code: 'CM-A' }, facility: { id: A.facility, supplier: { id: A.supplier } } }]);
    own += 1;
  });

  it('Product.sourcing (who else makes a product) is null with FORBIDDEN for a partner; the brand sees every source', async () => {
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Product { id sourcing { singleSource assignments { supplier { id } sharePercent } } } } }`;
    const partner = check(await asA(query, { r: [{ __typename: 'Product', id: productId }] }));
    expect((partner.data as { _entities: unknown[] })._entities).toEqual([{ id: productId, sourcing: null }]);
    expect(codes(partner)).toEqual(['FORBIDDEN']);
    const analyst = dataOf(await as(['ANALYST'])(query, { r: [{ __typename: 'Product', id: productId }] }));
    expect(analyst._entities[0].sourcing.assignments.map((a: { supplier: { id: string } }) => a.supplier.id)).toEqual([A.supplier, B.supplier]);
  });
});

describe('mutation rules', () => {
  const tables = ['supplier', 'facility', 'certification', 'audit', 'sla', 'sourcing_assignment', 'outbox_event'];
  const snapshot = async () => {
    const em = stack.subgraphs.suppliers!.server.orm.em.fork();
    // whole rows, except the outbox's: the relay marks its rows relayed meanwhile, so its ids only
    const text = (t: string) => (t === 'outbox_event' ? 't.id::text' : 't::text');
    const rows = await em.execute<Record<string, string>[]>(`select ${tables.map((t) => `(select md5(coalesce(string_agg(${text(t)}, ',' order by ${text(t)}), '')) from "${t}" t) as "${t}"`).join(', ')}`);
    return rows[0];
  };
  const input = (extra: Record<string, unknown> = {}) => ({ ...extra });
  const mutations: Record<string, { allowed: Role[]; refused: Role[]; run: (client: GraphqlClient) => Promise<GraphqlResponse<unknown>> }> = {
    createSupplier: { allowed: ['BUYER'], refused: ['ANALYST', 'QUALITY', 'PARTNER'], run: (c) => c(`mutation { createSupplier(input: { code: "CM-${Math.floor(Math.random() * 1e6)}", name: "New", type: CM, country: "DE" }) { id } }`) },
    setSupplierStatus: { allowed: ['BUYER'], refused: ['ANALYST', 'PLANNER', 'PARTNER'], run: (c) => c(`mutation($id: ID!) { setSupplierStatus(input: { supplierId: $id, status: ONBOARDING }) { id } }`, { id: A.supplier }) },
    addFacility: { allowed: ['BUYER'], refused: ['ANALYST', 'QUALITY', 'PARTNER'], run: (c) => c(`mutation($input: AddFacilityInput!) { addFacility(input: $input) { id } }`, { input: input({ supplierId: A.supplier, name: 'Another', country: 'MX', region: 'North America', nearshore: true }) }) },
    setSla: { allowed: ['BUYER'], refused: ['ANALYST', 'QUALITY', 'PARTNER'], run: (c) => c(`mutation($input: SetSlaInput!) { setSla(input: $input) { id } }`, { input: { supplierId: A.supplier, otifTarget: 0.9, ppmTarget: 100, maxChangeoverMinutes: 10, maxResponseHours: 8 } }) },
    assignSourcing: { allowed: ['BUYER'], refused: ['ANALYST', 'PLANNER', 'PARTNER'], run: (c) => c(`mutation($input: AssignSourcingInput!) { assignSourcing(input: $input) { id } }`, { input: { productId, supplierId: A.supplier, role: 'PRIMARY', sharePercent: 55 } }) },
    recordAudit: { allowed: ['BUYER', 'QUALITY'], refused: ['ANALYST', 'PLANNER', 'PARTNER'], run: (c) => c(`mutation($input: RecordAuditInput!) { recordAudit(input: $input) { id } }`, { input: { supplierId: A.supplier, kind: 'UNANNOUNCED', auditDate: today(), auditor: 'QA', majorFindings: 0, minorFindings: 0, score: 95 } }) },
    addCertification: { allowed: ['BUYER', 'QUALITY', 'PARTNER'], refused: ['ANALYST', 'PLANNER', 'SUSTAINABILITY'], run: (c) => c(`mutation($input: AddCertificationInput!) { addCertification(input: $input) { id } }`, { input: { supplierId: A.supplier, standard: 'ISO_14001', number: `N-${newId()}`, issuer: 'BSI', validFrom: today(), validUntil: addDays(today(), 100) } }) },
  };

  for (const [name, rule] of Object.entries(mutations)) {
    it(`${name}: refused for ${rule.refused.join(', ')} (FORBIDDEN, nothing written); allowed for ${rule.allowed.join(', ')}`, async () => {
      for (const role of rule.refused) {
        const before = await snapshot();
        const response = await rule.run(as([role], role === 'PARTNER' ? A.supplier : null));
        expect({ role, codes: codes(response) }).toEqual({ role, codes: ['FORBIDDEN'] });
        expect(await snapshot()).toEqual(before);
      }
      for (const role of rule.allowed) {
        const response = await rule.run(as([role], role === 'PARTNER' ? A.supplier : null));
        expect({ role, errors: response.errors }).toEqual({ role, errors: undefined });
      }
    });
  }

  it('renewCertification: allowed for BUYER, QUALITY and the partner on its own certificate; refused for ANALYST and PLANNER', async () => {
    const renew = (client: GraphqlClient, id: string, days: number) =>
      client(`mutation($input: RenewCertificationInput!) { renewCertification(input: $input) { validUntil } }`, { input: { certificationId: id, validUntil: addDays(today(), days) } });
    for (const role of ['ANALYST', 'PLANNER'] as Role[]) {
      const before = await snapshot();
      expect(codes(await renew(as([role]), A.certification, 1000))).toEqual(['FORBIDDEN']);
      expect(await snapshot()).toEqual(before);
    }
    let days = 400;
    for (const [role, supplierId] of [['BUYER', null], ['QUALITY', null], ['PARTNER', A.supplier]] as [Role, string | null][]) {
      expect(dataOf(await renew(as([role], supplierId), A.certification, ++days)).renewCertification.validUntil).toBe(addDays(today(), days));
    }
  });

  it('a partner cannot act on B: naming B\'s supplier is FORBIDDEN, B\'s facility or certificate is NOT_FOUND, and nothing is written', async () => {
    const cert = (fields: Record<string, unknown>) =>
      asA(`mutation($input: AddCertificationInput!) { addCertification(input: $input) { id } }`, {
        input: { supplierId: A.supplier, standard: 'ISO_9001', number: 'X-1', issuer: 'BSI', validFrom: today(), validUntil: addDays(today(), 10), ...fields },
      });
    const before = await snapshot();
    expect((await cert({ supplierId: B.supplier })).errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN', field: 'supplierId' } });
    expect((await cert({ facilityId: B.facility })).errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND', field: 'facilityId' } });
    const renew = await asA(`mutation($input: RenewCertificationInput!) { renewCertification(input: $input) { id } }`, { input: { certificationId: B.certification, validUntil: addDays(today(), 2000) } });
    expect(renew.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND', field: 'certificationId' } });
    expect(await snapshot()).toEqual(before);
  });
});
