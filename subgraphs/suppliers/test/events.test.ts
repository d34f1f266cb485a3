// Suppliers' events, read straight from its outbox: the expiring-certifications job (once per
// certificate and expiry date, again after a renewal), and the events of status changes, added
// certificates and recorded audits — none for refused input.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { addDays, newId, today } from '@cmgraph/platform';
import { dataOf, outboxOf, startStack, type Stack } from '@cmgraph/testkit';
import { certExpiryWindowDays, EXPIRING_CERTIFICATIONS_JOB } from '../src/certification/expiring-certifications.job';

let stack: Stack;
let supplierId: string;
let facilityId: string;
const savedWindow = process.env.CERT_EXPIRY_WINDOW_DAYS;
beforeAll(async () => {
  process.env.CERT_EXPIRY_WINDOW_DAYS = '30';
  stack = await startStack(['suppliers']);
  supplierId = dataOf(await stack.gateway(`mutation { createSupplier(input: { code: "CM-0700", name: "Certified Works", type: CM, country: "PL" }) { id } }`)).createSupplier.id;
  facilityId = dataOf(await stack.gateway(`mutation($input: AddFacilityInput!) { addFacility(input: $input) { id } }`, {
    input: { supplierId, name: 'Wrocław', country: 'PL', region: 'EU', nearshore: true, capabilities: ['SMT'] },
  })).addFacility.id;
});
afterAll(async () => {
  if (savedWindow === undefined) delete process.env.CERT_EXPIRY_WINDOW_DAYS;
  else process.env.CERT_EXPIRY_WINDOW_DAYS = savedWindow;
  await stack?.stop();
});

const outbox = (type: string) => outboxOf(stack, 'suppliers', { types: [type] });

async function addCertification(number: string, validUntil: string, extra: Record<string, unknown> = {}) {
  return stack.gateway(`mutation($input: AddCertificationInput!) { addCertification(input: $input) { id } }`, {
    input: { supplierId, standard: 'ISO_9001', number, issuer: 'DNV', validFrom: addDays(today(), -1000), validUntil, ...extra },
  });
}

const runJob = () => stack.subgraphs.suppliers!.server.events!.runJob(EXPIRING_CERTIFICATIONS_JOB);

describe('suppliers.expiring-certifications', () => {
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    for (const [number, days] of [['SOON-1', 5], ['SOON-2', 30], ['FAR', 31], ['LATER', 400], ['EXPIRED', -1]] as const) {
      ids[number] = dataOf(await addCertification(number, addDays(today(), days), number === 'SOON-1' ? { facilityId } : {})).addCertification.id;
    }
  });

  it('raises one event per certificate expiring within the window, none for later or expired ones', async () => {
    await runJob();
    const raised = await outbox('certification.expiring');
    expect(raised.map((e) => e.payload.number)).toEqual(['SOON-1', 'SOON-2']);
    expect(raised[0]).toMatchObject({
      type: 'certification.expiring', subjectId: ids['SOON-1'], supplierId: supplierId,
      payload: { certificationId: ids['SOON-1'], supplierId, facilityId, standard: 'ISO_9001', number: 'SOON-1', expiresOn: addDays(today(), 5), daysLeft: 5 },
    });
    expect(raised[1]!.payload).toMatchObject({ facilityId: null, expiresOn: addDays(today(), 30), daysLeft: 30 });
  });

  it('raises nothing new when the job runs again', async () => {
    await runJob();
    await runJob();
    expect(await outbox('certification.expiring')).toHaveLength(2);
  });

  it('raises again for a renewal whose new expiry still falls inside the window, and not for one renewed beyond it', async () => {
    const RENEW = `mutation($input: RenewCertificationInput!) { renewCertification(input: $input) { validUntil number } }`;
    const renewed = dataOf(await stack.gateway(RENEW, { input: { certificationId: ids['SOON-1'], validUntil: addDays(today(), 20), number: 'SOON-1b' } }));
    expect(renewed.renewCertification).toEqual({ validUntil: addDays(today(), 20), number: 'SOON-1b' });
    dataOf(await stack.gateway(RENEW, { input: { certificationId: ids['SOON-2'], validUntil: addDays(today(), 1095) } }));
    expect((await outbox('certification.renewed')).map((e) => e.payload)).toEqual([
      expect.objectContaining({ certificationId: ids['SOON-1'], previousValidUntil: addDays(today(), 5), validUntil: addDays(today(), 20) }),
      expect.objectContaining({ certificationId: ids['SOON-2'], previousValidUntil: addDays(today(), 30), validUntil: addDays(today(), 1095) }),
    ]);
    await runJob();
    const raised = await outbox('certification.expiring');
    expect(raised.map((e) => [e.payload.number, e.payload.daysLeft])).toEqual([['SOON-1', 5], ['SOON-2', 30], ['SOON-1b', 20]]);
    await runJob();
    expect(await outbox('certification.expiring')).toHaveLength(3);
  });

  it('refuses a renewal that does not extend the validity, writing no event', async () => {
    const before = (await outbox('certification.renewed')).length;
    const result = await stack.gateway(`mutation($input: RenewCertificationInput!) { renewCertification(input: $input) { id } }`, {
      input: { certificationId: ids['LATER'], validUntil: addDays(today(), 100) },
    });
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'validUntil' } });
    expect(await outbox('certification.renewed')).toHaveLength(before);
  });

  it('reads its window from CERT_EXPIRY_WINDOW_DAYS, refusing a malformed one', () => {
    expect(certExpiryWindowDays({})).toBe(30);
    expect(certExpiryWindowDays({ CERT_EXPIRY_WINDOW_DAYS: '60' })).toBe(60);
    expect(() => certExpiryWindowDays({ CERT_EXPIRY_WINDOW_DAYS: 'soon' })).toThrow(/CERT_EXPIRY_WINDOW_DAYS/);
  });
});

describe('supplier, certification and audit events', () => {
  it('writes supplier.status_changed for each move, and nothing for a refused one', async () => {
    const { createSupplier } = dataOf(await stack.gateway(`mutation { createSupplier(input: { code: "CP-0701", name: "Mover", type: COMPONENT, country: "DE" }) { id } }`));
    const move = (status: string) => stack.gateway(`mutation($id: ID!, $s: SupplierStatus!) { setSupplierStatus(input: { supplierId: $id, status: $s }) { status } }`, { id: createSupplier.id, s: status });
    dataOf(await move('ONBOARDING'));
    expect((await move('PROBATION')).errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' } });
    dataOf(await move('APPROVED'));
    const events = (await outbox('supplier.status_changed')).filter((e) => e.subjectId === createSupplier.id);
    expect(events.map((e) => [e.supplierId, e.payload.from, e.payload.status])).toEqual([
      [createSupplier.id, 'PROSPECT', 'ONBOARDING'], [createSupplier.id, 'ONBOARDING', 'APPROVED'],
    ]);
    expect(events[0]!.payload).toMatchObject({ supplierId: createSupplier.id, code: 'CP-0701', to: 'ONBOARDING' });
    expect((await stack.gateway(`mutation { setSupplierStatus(input: { supplierId: "${newId()}", status: BLOCKED }) { status } }`)).errors?.[0])
      .toMatchObject({ extensions: { code: 'NOT_FOUND', field: 'supplierId' } });
    expect(await outbox('supplier.status_changed')).toHaveLength(2);
  });

  it('writes certification.added with the certificate, and nothing for a refused one', async () => {
    const before = (await outbox('certification.added')).length;
    const { addCertification: added } = dataOf(await addCertification('ENV-1', addDays(today(), 700), { standard: 'ISO_14001', facilityId }));
    expect((await addCertification('BACKWARDS', addDays(today(), -2000))).errors?.[0]).toMatchObject({ extensions: { field: 'validUntil' } });
    const events = await outbox('certification.added');
    expect(events).toHaveLength(before + 1);
    expect(events.at(-1)).toMatchObject({
      subjectId: added.id, supplierId: supplierId,
      payload: { certificationId: added.id, supplierId, facilityId, standard: 'ISO_14001', number: 'ENV-1', validUntil: addDays(today(), 700) },
    });
  });

  it('writes audit.recorded with score and findings, and nothing for a refused audit', async () => {
    const RECORD = `mutation($input: RecordAuditInput!) { recordAudit(input: $input) { id } }`;
    const input = { supplierId, facilityId, kind: 'ANNOUNCED', auditDate: '2026-09-15', auditor: 'SQE', majorFindings: 1, minorFindings: 3, score: 71 };
    const { recordAudit } = dataOf(await stack.gateway(RECORD, { input }));
    expect((await stack.gateway(RECORD, { input: { ...input, facilityId: newId() } })).errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND', field: 'facilityId' } });
    expect(await outbox('audit.recorded')).toMatchObject([{
      type: 'audit.recorded', subjectId: recordAudit.id, supplierId: supplierId,
      payload: { auditId: recordAudit.id, supplierId, facilityId, kind: 'ANNOUNCED', auditDate: '2026-09-15', auditor: 'SQE', score: 71, majorFindings: 1, minorFindings: 3 },
    }]);
  });
});
