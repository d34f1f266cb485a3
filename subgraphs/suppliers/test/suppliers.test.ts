// The suppliers subgraph through the real gateway: suppliers and their lifecycle, sites, certificates
// (expiring-within), audits, SLAs, and sourcing with the single-source flag on Product.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { addDays, today } from '@cmgraph/platform';
import { dataOf, startStack, type Stack } from '@cmgraph/testkit';

let stack: Stack;
let supplierId: string;
let facilityId: string;
beforeAll(async () => {
  stack = await startStack(['suppliers']);
  const created = dataOf(await stack.gateway(
    `mutation { createSupplier(input: { code: "CM-0001", name: "Acme Assembly", type: CM, country: "mx" }) { id code country status riskTier } }`,
  ));
  supplierId = created.createSupplier.id;
  const facility = dataOf(await stack.gateway(`mutation($input: AddFacilityInput!) { addFacility(input: $input) { id } }`, {
    input: { supplierId, name: 'Monterrey', country: 'MX', region: 'North America', nearshore: true, capabilities: ['SMT', 'final-assembly'] },
  }));
  facilityId = facility.addFacility.id;
});
afterAll(async () => stack?.stop());

const createSupplier = (code: string, extra = '') =>
  stack.gateway(`mutation { createSupplier(input: { code: "${code}", name: "S ${code}", type: COMPONENT, country: "DE" ${extra} }) { id status } }`);

describe('suppliers', () => {
  it('creates a supplier as a PROSPECT with an upper-cased country and lists it', async () => {
    const listed = dataOf(await stack.gateway(`{ suppliers(filter: { search: "acme" }) { totalCount nodes { code country status riskTier } } }`));
    expect(listed.suppliers).toEqual({ totalCount: 1, nodes: [{ code: 'CM-0001', country: 'MX', status: 'PROSPECT', riskTier: 'MEDIUM' }] });
  });

  it('refuses a malformed country, naming the field, and writes nothing', async () => {
    const result = await stack.gateway(
      `mutation { createSupplier(input: { code: "CM-0003", name: "X", type: CM, country: "Mexico" }) { id } }`,
    );
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'country' } });
    const none = dataOf(await stack.gateway(`{ suppliers(filter: { search: "CM-0003" }) { totalCount } }`));
    expect(none.suppliers.totalCount).toBe(0);
  });

  it('refuses a duplicate supplier code', async () => {
    const result = await stack.gateway(`mutation { createSupplier(input: { code: "CM-0001", name: "Again", type: CM, country: "MX" }) { id } }`);
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'code' } });
  });

  it('moves a supplier through onboarding to approval and refuses a jump the lifecycle does not allow', async () => {
    const { createSupplier: s } = dataOf(await createSupplier('CP-0100'));
    const skip = await stack.gateway(`mutation($id: ID!) { setSupplierStatus(input: { supplierId: $id, status: APPROVED }) { status } }`, { id: s.id });
    expect(skip.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT', field: 'status' } });
    for (const status of ['ONBOARDING', 'APPROVED', 'PROBATION']) {
      const moved = dataOf(await stack.gateway(`mutation($id: ID!, $s: SupplierStatus!) { setSupplierStatus(input: { supplierId: $id, status: $s }) { status } }`, { id: s.id, s: status }));
      expect(moved.setSupplierStatus.status).toBe(status);
    }
  });

  it('answers NOT_FOUND naming the field for an unknown supplier, and BAD_USER_INPUT for a malformed id', async () => {
    const unknown = await stack.gateway(`mutation { setSupplierStatus(input: { supplierId: "01900000-0000-7000-8000-000000000000", status: BLOCKED }) { status } }`);
    expect(unknown.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND', field: 'supplierId' } });
    const malformed = await stack.gateway(`mutation { setSupplierStatus(input: { supplierId: "42", status: BLOCKED }) { status } }`);
    expect(malformed.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'supplierId' } });
  });
});

describe('facilities, certifications, audits and SLAs', () => {
  it('filters facilities by capability and nearshore flag, each with its supplier', async () => {
    const result = dataOf(await stack.gateway(`{ facilities(filter: { capability: "SMT", nearshore: true }) { nodes { name supplier { code } } } }`));
    expect(result.facilities.nodes).toEqual([{ name: 'Monterrey', supplier: { code: 'CM-0001' } }]);
  });

  it('lists only certificates that expire within the given days, and refuses a validity that ends before it starts', async () => {
    const add = (number: string, validUntil: string) => stack.gateway(`mutation($input: AddCertificationInput!) { addCertification(input: $input) { number isValid } }`, {
      input: { supplierId, facilityId, standard: 'ISO_9001', number, issuer: 'TÜV SÜD', validFrom: addDays(today(), -300), validUntil },
    });
    dataOf(await add('SOON', addDays(today(), 20)));
    dataOf(await add('LATER', addDays(today(), 400)));
    dataOf(await add('GONE', addDays(today(), -1)));
    const soon = dataOf(await stack.gateway(`{ certifications(filter: { expiringWithinDays: 30 }) { nodes { number isValid } } }`));
    expect(soon.certifications.nodes).toEqual([{ number: 'SOON', isValid: true }]);
    const backwards = await add('BACKWARDS', addDays(today(), -400));
    expect(backwards.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'validUntil' } });
  });

  it('records an audit and sets the SLA, shown on the supplier', async () => {
    dataOf(await stack.gateway(`mutation($input: RecordAuditInput!) { recordAudit(input: $input) { score } }`, {
      input: { supplierId, facilityId, kind: 'UNANNOUNCED', auditDate: '2026-10-01', auditor: 'SQE', majorFindings: 0, minorFindings: 2, score: 88 },
    }));
    dataOf(await stack.gateway(`mutation($input: SetSlaInput!) { setSla(input: $input) { otifTarget } }`, {
      input: { supplierId, otifTarget: 0.95, ppmTarget: 500, maxChangeoverMinutes: 45, maxResponseHours: 24 },
    }));
    const result = dataOf(await stack.gateway(`query($id: ID!) { supplier(id: $id) { audits { kind score minorFindings } sla { otifTarget ppmTarget } } }`, { id: supplierId }));
    expect(result.supplier).toEqual({ audits: [{ kind: 'UNANNOUNCED', score: 88, minorFindings: 2 }], sla: { otifTarget: 0.95, ppmTarget: 500 } });
  });
});

describe('sourcing', () => {
  const productId = '01900000-0000-7000-8000-0000000000aa';
  const sourcing = async () =>
    dataOf(await stack.subgraph('suppliers')(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Product { sourcing { singleSource primarySupplier { code } assignments { role sharePercent } } } } }`,
      { r: [{ __typename: 'Product', id: productId }] },
    ))._entities[0].sourcing;

  it('flags a product with one source as single-sourced, and clears the flag once a second source is assigned', async () => {
    const assign = (id: string, role: string, sharePercent: number) =>
      stack.gateway(`mutation($input: AssignSourcingInput!) { assignSourcing(input: $input) { role } }`, { input: { productId, supplierId: id, role, sharePercent } });
    dataOf(await assign(supplierId, 'PRIMARY', 70));
    expect(await sourcing()).toEqual({ singleSource: true, primarySupplier: { code: 'CM-0001' }, assignments: [{ role: 'PRIMARY', sharePercent: 70 }] });
    const { createSupplier: second } = dataOf(await createSupplier('CP-0200'));
    const tooMuch = await assign(second.id, 'SECONDARY', 40);
    expect(tooMuch.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'sharePercent' } });
    const twoPrimaries = await assign(second.id, 'PRIMARY', 30);
    expect(twoPrimaries.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'role' } });
    dataOf(await assign(second.id, 'SECONDARY', 30));
    expect(await sourcing()).toMatchObject({ singleSource: false, assignments: [{ role: 'PRIMARY', sharePercent: 70 }, { role: 'SECONDARY', sharePercent: 30 }] });
  });
});
