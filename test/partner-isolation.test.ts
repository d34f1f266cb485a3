// The adversarial partner suite (issue 5): two contract manufacturers A and B on the seeded world, A
// trying every way it has to see B's rows — through the gateway with the partner portal's trusted
// documents (every list, every by-id query with B's ids, the federated joins from A's own supplier and
// from B's), by `_entities` representations of every entity type sent to every subgraph with A's signed
// identity (what a gateway — or anyone holding the secret of one — could ask), and by the alert
// subscription. A leak is a row of another supplier in A's answers; the suite counts them and wants 0,
// and wants A to see exactly its own rows (so the suite fails when scoping breaks in either direction).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, print, type OperationDefinitionNode } from 'graphql';
import { dataOf, startStack, subscriber, type GraphqlClient, type GraphqlResponse, type Stack } from '@cmgraph/testkit';

const documents = new Map(
  parse(readFileSync(path.resolve(__dirname, '../schema/operations/partner-portal.graphql'), 'utf8')).definitions.map((d) => {
    const operation = d as OperationDefinitionNode;
    return [operation.name!.value, print(operation)] as const;
  }),
);
const doc = (name: string): string => documents.get(name) ?? fail(`no portal document ${name}`);
function fail(message: string): never {
  throw new Error(message);
}

/** List document → its root field and the by-id document for the same type. */
const LISTS: [list: string, field: string, byId?: string][] = [
  ['PortalPurchaseOrders', 'purchaseOrders', 'PortalPurchaseOrder'],
  ['PortalShipments', 'shipments', 'PortalShipment'],
  ['PortalLots', 'lots', 'PortalLot'],
  ['PortalReceipts', 'receipts', 'PortalReceipt'],
  ['PortalLines', 'lines', 'PortalLine'],
  ['PortalMachines', 'machines', 'PortalMachine'],
  ['PortalWorkOrders', 'workOrders', 'PortalWorkOrder'],
  ['PortalAlerts', 'alerts', 'PortalAlert'],
  ['PortalInspections', 'inspections', 'PortalInspection'],
  ['PortalNonConformances', 'nonConformances', 'PortalNonConformance'],
  ['PortalCorrectiveActions', 'correctiveActions', 'PortalCorrectiveAction'],
  ['PortalCertifications', 'certifications'],
  ['PortalFacilities', 'facilities', 'PortalFacility'],
  ['PortalActivityRecords', 'activityRecords'],
  ['PortalProductFootprints', 'productFootprints'],
  ['PortalEmissionsBudgets', 'emissionsBudgets'],
];

/** Every supplier id anywhere in a value (objects under a `supplier` key). */
function supplierIds(value: unknown, into: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => supplierIds(v, into));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'supplier' && v && typeof v === 'object' && typeof (v as { id?: unknown }).id === 'string') into.push((v as { id: string }).id);
      supplierIds(v, into);
    }
  }
  return into;
}

/** The supplier a row belongs to: the first supplier id found in it, breadth-first (its own before its children's). */
function ownerOf(row: Record<string, unknown>): string | null {
  const queue: unknown[] = [row];
  while (queue.length) {
    const value = queue.shift();
    if (!value || typeof value !== 'object') continue;
    const supplier = (value as { supplier?: { id?: string } }).supplier;
    if (supplier?.id) return supplier.id;
    queue.push(...Object.values(value).filter((v) => v && typeof v === 'object' && !Array.isArray(v)));
  }
  return null;
}

type Node = Record<string, unknown> & { id: string };

/** Every node of a list, page by page (50 at a time, as a portal would). */
async function everyNode(client: GraphqlClient, list: string, field: string): Promise<{ nodes: Node[]; responses: GraphqlResponse<any>[] }> {
  const nodes: Node[] = [];
  const responses: GraphqlResponse<any>[] = [];
  let after: string | null = null;
  for (let page = 0; page < 200; page++) {
    const response: GraphqlResponse<any> = await client(doc(list), { first: 50, after });
    responses.push(response);
    const connection = response.data?.[field];
    if (!connection) break;
    nodes.push(...connection.edges.map((e: { node: Node }) => e.node));
    if (!connection.pageInfo.hasNextPage) break;
    after = connection.pageInfo.endCursor;
  }
  return { nodes, responses };
}

let stack: Stack;
let A: string;
let B: string;
let asA: GraphqlClient;
beforeAll(async () => {
  stack = await startStack();
  await stack.seed('small');
  // the two CMs with the most purchase orders: rows of theirs exist in every subgraph
  const rows = await stack.subgraphs.orders!.server.orm.em.fork().execute<{ supplier_id: string }[]>(
    'select supplier_id from purchase_order group by supplier_id order by count(*) desc, supplier_id limit 2',
  );
  [A, B] = rows.map((r) => r.supplier_id) as [string, string];
  asA = stack.as({ roles: ['PARTNER'], supplierId: A, sub: 'cm-a' });
}, 240_000);
afterAll(async () => {
  await stack?.stop();
});

describe('partner A against partner B, through the gateway', () => {
  it('every list gives each partner exactly its own rows and no row of anyone else, page after page', async () => {
    const report: Record<string, { own: number; seen: number; leaks: number; errors: string[] }> = {};
    const byOwner = new Map<string, Map<string, string[]>>();
    const partners = [
      { id: A, client: asA },
      { id: B, client: stack.as({ roles: ['PARTNER'], supplierId: B, sub: 'cm-b' }) },
    ];
    for (const [list, field] of LISTS) {
      const all = await everyNode(stack.gateway, list, field);
      for (const r of all.responses) expect(r.errors ?? []).toEqual([]);
      const owners = new Map<string, string[]>();
      for (const node of all.nodes) {
        const owner = ownerOf(node) ?? 'none';
        owners.set(owner, [...(owners.get(owner) ?? []), node.id]);
      }
      byOwner.set(list, owners);
      for (const [n, partner] of partners.entries()) {
        const seen = await everyNode(partner.client, list, field);
        const leaks = supplierIds(seen.nodes).filter((id) => id !== partner.id).length;
        const errors = seen.responses.flatMap((r) => (r.errors ?? []).map((e) => String(e.extensions?.code)));
        report[`${list} as ${'AB'[n]}`] = { own: owners.get(partner.id)?.length ?? 0, seen: seen.nodes.length, leaks, errors: [...new Set(errors)] };
        expect({ list, ids: seen.nodes.map((node) => node.id).sort() }).toEqual({ list, ids: [...(owners.get(partner.id) ?? [])].sort() });
      }
    }
    if (process.env.ISOLATION_REPORT) process.stdout.write(`lists ${JSON.stringify(report)}\n`);
    const leaks = Object.values(report).reduce((sum, r) => sum + r.leaks, 0);
    expect({ leaks, report }).toEqual({ leaks: 0, report });
    // the suite can fail: the seed gives A or B rows in nearly every list
    const covered = LISTS.filter(([list]) => report[`${list} as A`]!.own > 0 || report[`${list} as B`]!.own > 0);
    expect(covered.length).toBeGreaterThanOrEqual(14);
    (globalThis as { byOwner?: typeof byOwner }).byOwner = byOwner;
  });

  it("by id, B's rows are absent for A (null), A's own are there", async () => {
    const byOwner = (globalThis as { byOwner?: Map<string, Map<string, string[]>> }).byOwner!;
    let leaks = 0;
    let own = 0;
    for (const [list, field, byId] of LISTS) {
      if (!byId) continue;
      const root = field.replace(/s$/, '').replace(/ie$/, 'y');
      for (const id of (byOwner.get(list)?.get(B) ?? []).slice(0, 5)) {
        const response = await asA(doc(byId), { id });
        const row = (response.data as Record<string, unknown> | null)?.[root];
        if (row) leaks++;
        leaks += supplierIds(response.data).filter((s) => s !== A).length;
      }
      for (const id of (byOwner.get(list)?.get(A) ?? []).slice(0, 2)) {
        const response = await asA(doc(byId), { id });
        if ((response.data as Record<string, unknown> | null)?.[root]) own++;
      }
    }
    expect(leaks).toBe(0);
    expect(own).toBeGreaterThanOrEqual(10);
  });

  it("federated joins: A's supplier joins to A's rows only; B's supplier is null with FORBIDDEN", async () => {
    const mine = await asA(doc('PortalSupplier'), { id: A });
    expect(mine.data?.supplier?.id).toBe(A);
    expect(supplierIds(mine.data).filter((id) => id !== A)).toEqual([]);
    expect(mine.data.supplier.purchaseOrders.edges.length).toBeGreaterThan(0);
    const theirs = await asA(doc('PortalSupplier'), { id: B });
    expect(theirs.data?.supplier ?? null).toBeNull();
    expect(supplierIds(theirs.data).filter((id) => id !== A)).toEqual([]);
    const suppliers = await everyNode(asA, 'PortalSuppliers', 'suppliers');
    expect(suppliers.nodes.map((n) => n.id)).toEqual([A]);
  });

  it('the gateway offers no `_entities` to anyone, partner or not', async () => {
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { __typename } }`;
    const variables = { r: [{ __typename: 'Supplier', id: B }] };
    const partner = await asA(query, variables);
    expect(partner.data ?? null).toBeNull();
    expect(['OPERATION_NOT_TRUSTED', 'GRAPHQL_VALIDATION_FAILED']).toContain(partner.errors?.[0]?.extensions?.code);
    const admin = await stack.gateway(query, variables);
    expect(admin.data ?? null).toBeNull();
    expect(admin.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

/** Entity types every partner may see: the catalogue and reference data the brand publishes to its CMs. */
const SHARED = new Set(['Product', 'DefectCode', 'EmissionFactor', 'DowntimeReason', 'InspectionPlan', 'Location']);

describe('partner A against partner B, by `_entities` at every subgraph', () => {
  it('no entity type of any subgraph resolves one row for both partners; what A may not see is null with FORBIDDEN', async () => {
    const asB = { roles: ['PARTNER' as const], supplierId: B, sub: 'cm-b' };
    const partnerA = { roles: ['PARTNER' as const], supplierId: A, sub: 'cm-a' };
    const supplierRows = await stack.subgraphs.suppliers!.server.orm.em.fork().execute<{ id: string }[]>('select id from supplier');
    const report: Record<string, { rows: number; a: number; b: number; both: number; unflagged: number }> = {};
    for (const [name, running] of Object.entries(stack.subgraphs)) {
      const sdl = readFileSync(path.resolve(__dirname, `../schema/${name}.graphql`), 'utf8');
      const keyed = new Set([...sdl.matchAll(/^type (\w+)[^{\n]*@key\(fields: "id"/gm)].map((m) => m[1]!));
      const orm = running.server.orm;
      const tables = [...orm.getMetadata().getAll().values()].filter((meta) => keyed.has(meta.className) && !SHARED.has(meta.className));
      const targets: [string, string[]][] = tables.map((meta) => [meta.className, []]);
      for (const [i, meta] of tables.entries()) {
        targets[i]![1] = (await orm.em.fork().execute<{ id: string }[]>(`select id from "${meta.tableName}" order by id limit 2000`)).map((r) => r.id);
      }
      if (keyed.has('Supplier') && !tables.some((m) => m.className === 'Supplier')) targets.push(['Supplier', supplierRows.map((r) => r.id)]);
      for (const [typename, ids] of targets) {
        if (!ids.length) continue;
        const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on ${typename} { id } } }`;
        const variables = { r: ids.map((id) => ({ __typename: typename, id })) };
        const [seenA, seenB] = await Promise.all([
          stack.subgraph(name, { caller: partnerA })(query, variables),
          stack.subgraph(name, { caller: asB })(query, variables),
        ]);
        const visible = (r: GraphqlResponse<any>) => new Set<string>((r.data?._entities ?? []).filter(Boolean).map((e: { id: string }) => e.id));
        const a = visible(seenA);
        const b = visible(seenB);
        const forbidden = (seenA.errors ?? []).filter((e) => e.extensions?.code === 'FORBIDDEN').length;
        const other = (seenA.errors ?? []).filter((e) => e.extensions?.code !== 'FORBIDDEN');
        expect({ typename, other }).toEqual({ typename, other: [] });
        report[`${name}.${typename}`] = {
          rows: ids.length, a: a.size, b: b.size, both: [...a].filter((id) => b.has(id)).length, unflagged: ids.length - a.size - forbidden,
        };
      }
    }
    if (process.env.ISOLATION_REPORT) process.stdout.write(`entities ${JSON.stringify(report)}\n`);
    const overlapping = Object.entries(report).filter(([, r]) => r.both > 0 || r.unflagged !== 0);
    expect(overlapping).toEqual([]);
    // A sees its own rows of many types (the suite fails if scoping hides everything)
    expect(Object.values(report).filter((r) => r.a > 0).length).toBeGreaterThanOrEqual(12);
  });
});

describe('partner A against partner B, on the alert subscription', () => {
  it("A's subscriber receives A's alerts and none of B's; B's receives all of B's", async () => {
    const feed = readFileSync(path.resolve(__dirname, '../schema/operations/subscriptions.graphql'), 'utf8');
    const alertFeed = print(parse(feed).definitions.find((d) => (d as OperationDefinitionNode).name?.value === 'AlertFeed')!);
    const clientA = subscriber(stack.gatewayUrl, { caller: { roles: ['PARTNER'], supplierId: A, sub: 'cm-a' } });
    const clientB = subscriber(stack.gatewayUrl, { caller: { roles: ['PARTNER'], supplierId: B, sub: 'cm-b' } });
    const since = new Date().toISOString();
    const subA = clientA.subscribe<any>(alertFeed, { since });
    const subB = clientB.subscribe<any>(alertFeed, { since });
    const raise = (supplierId: string, n: number) =>
      stack.gateway(`mutation($input: RaiseAlertInput!) { raiseAlert(input: $input) { id } }`, {
        input: { category: 'SUPPLIER', severity: 'WARNING', subjectType: 'Supplier', subjectId: supplierId, message: `isolation ${n}`, metric: `isolation-${n}` },
      });
    for (let n = 0; n < 3; n++) {
      dataOf(await raise(A, n));
      dataOf(await raise(B, n));
    }
    const gotB = await subB.take(3);
    const gotA = await subA.take(3);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(subA.buffered()).toBe(0); // nothing more came: B's three never reached A
    expect(gotB.map((e) => e.data.alertRaised.alert.supplier?.id)).toEqual([B, B, B]);
    expect(gotA.map((e) => e.data.alertRaised.alert.supplier?.id)).toEqual([A, A, A]);
    expect(supplierIds(gotA.map((e) => e.data)).filter((id) => id !== A)).toEqual([]);
    await Promise.all([clientA.dispose(), clientB.dispose()]);
  });
});

describe('partner A against partner B, in the data room (through the gateway)', () => {
  it("A reads and downloads what was shared with it, watermarked and logged; B gets nothing, and its attempt is logged", async () => {
    const csv = 'component,quantity\nPCB-7,1\nSCREW-M3,4\n';
    const { uploadDataRoomDocument: document } = dataOf(await stack.gateway(
      `mutation($input: UploadDataRoomDocumentInput!) { uploadDataRoomDocument(input: $input) { id } }`,
      { input: { title: 'BOM controller v7', kind: 'BOM', classification: 'CONFIDENTIAL', fileName: 'bom-v7.csv', contentType: 'text/csv', contentBase64: Buffer.from(csv).toString('base64') } },
    ));
    dataOf(await stack.gateway(
      `mutation($input: ShareDataRoomDocumentInput!) { shareDataRoomDocument(input: $input) { id } }`,
      { input: { documentId: document.id, supplierId: A, expiresAt: new Date(Date.now() + 86_400_000).toISOString() } },
    ));
    const asB = stack.as({ roles: ['PARTNER'], supplierId: B, sub: 'cm-b' });

    const listA = dataOf(await asA(doc('PortalDataRoomDocuments'), { first: 50 }));
    expect(listA.dataRoomDocuments.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([document.id]);
    const download = dataOf(await asA(doc('PortalDataRoomDownload'), { documentId: document.id })).dataRoomDownload;
    const delivered = Buffer.from(download.contentBase64, 'base64').toString('utf8');
    expect(delivered.split('\n')[0]).toBe(`# ${download.watermark}`);
    expect(download.watermark).toContain('subject=cm-a');
    expect(download.watermark).toContain(`supplier=${A}`);
    expect(delivered.slice(delivered.indexOf('\n') + 1)).toBe(csv);

    const listB = dataOf(await asB(doc('PortalDataRoomDocuments'), { first: 50 }));
    expect(listB.dataRoomDocuments.edges).toEqual([]);
    const denied = await asB(doc('PortalDataRoomDownload'), { documentId: document.id });
    expect(denied.data?.dataRoomDownload ?? null).toBeNull();
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const log = dataOf(await stack.gateway(
      `query($filter: DataRoomAccessFilter) { dataRoomAccessLog(first: 50, filter: $filter) { nodes { action subject supplierId address watermark } } }`,
      { filter: { documentId: document.id } },
    )).dataRoomAccessLog.nodes as { action: string; subject: string; supplierId: string | null; address: string | null; watermark: string | null }[];
    const by = (subject: string, action: string) => log.filter((row) => row.subject === subject && row.action === action);
    expect(by('cm-a', 'READ')).toHaveLength(1);
    expect(by('cm-a', 'DOWNLOAD')).toEqual([expect.objectContaining({ supplierId: A, watermark: download.watermark, address: expect.any(String) })]);
    expect(by('cm-b', 'DENIED')).toEqual([expect.objectContaining({ supplierId: B })]);
    expect(log.filter((row) => row.subject === 'cm-b' && row.action !== 'DENIED')).toEqual([]);
    // the log is the brand's: a partner cannot read it
    const snoop = await stack.subgraph('suppliers', { caller: { roles: ['PARTNER'], supplierId: A, sub: 'cm-a' } })(`{ dataRoomAccessLog(first: 5) { nodes { subject } } }`);
    expect(snoop.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
