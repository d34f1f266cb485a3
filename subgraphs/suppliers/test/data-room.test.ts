// The data room: documents uploaded by the brand (a PDF made here with pdf-lib, a CSV), shared with CM A
// until a time; A lists, reads and downloads them — every read a row of the access log with A's subject,
// supplier and address, every download watermarked with the same — while CM B sees nothing and its
// attempts are logged DENIED; expiry and revocation end A's access at once; only ADMIN reads the log, and
// the database itself refuses to change it; bad input writes nothing.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PDFArray, PDFDocument, PDFRawStream, StandardFonts, decodePDFRawStream, type PDFStream } from 'pdf-lib';
import { newId, type Identity } from '@cmgraph/platform';
import { dataOf, startEntitiesStub, startStack, type EntitiesStub, type GraphqlClient, type Stack } from '@cmgraph/testkit';

let stack: Stack;
let inventory: EntitiesStub;
const productId = newId();
let A: string;
let B: string;
const partner = (supplierId: string, subject: string, address: string): Identity => ({ subject, roles: ['PARTNER'], supplierId, address });
let asA: GraphqlClient;
let asB: GraphqlClient;
let buyer: GraphqlClient;

beforeAll(async () => {
  inventory = await startEntitiesStub([productId]);
  stack = await startStack(['suppliers'], { peers: { inventory: inventory.url } });
  const create = async (code: string) =>
    dataOf(await stack.gateway(`mutation { createSupplier(input: { code: "${code}", name: "CM ${code}", type: CM, country: "MX" }) { id } }`)).createSupplier.id as string;
  A = await create('CM-0A');
  B = await create('CM-0B');
  // partners straight at the subgraph (as the gateway would call it), each from its own address
  asA = stack.subgraph('suppliers', { caller: partner(A, 'alice@cm-a', '203.0.113.10') });
  asB = stack.subgraph('suppliers', { caller: partner(B, 'bob@cm-b', '198.51.100.20') });
  buyer = stack.subgraph('suppliers', { caller: { subject: 'buyer-1', roles: ['BUYER'], supplierId: null, address: '192.0.2.5' } });
});
afterAll(async () => {
  await stack?.stop();
  await inventory?.close();
});

const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []) =>
  stack.subgraphs.suppliers!.server.orm.em.fork().execute<T[]>(query, params);

async function makePdf(pages: number): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < pages; i++) pdf.addPage([595, 842]).drawText(`Drawing sheet ${i + 1}`, { x: 50, y: 700, size: 14, font });
  pdf.setKeywords(['drawing']);
  return Buffer.from(await pdf.save());
}

/** The text each page shows (pdf-lib writes strings as hex `<…> Tj`), read back from the content streams. */
async function pageTexts(bytes: Uint8Array): Promise<string[]> {
  const pdf = await PDFDocument.load(bytes);
  return pdf.getPages().map((page) => {
    const contents = page.node.Contents()!;
    const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => pdf.context.lookup(ref) as PDFStream) : [contents];
    const ops = streams.map((s) => Buffer.from(decodePDFRawStream(s as PDFRawStream).decode()).toString('latin1')).join('\n');
    return [...ops.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)].map((m) => Buffer.from(m[1]!, 'hex').toString('latin1')).join('\n');
  });
}

const UPLOAD = `mutation($input: UploadDataRoomDocumentInput!) { uploadDataRoomDocument(input: $input) { id title size sha256 uploadedBy contentType } }`;
const SHARE = `mutation($input: ShareDataRoomDocumentInput!) { shareDataRoomDocument(input: $input) { id active expiresAt sharedBy supplier { id } } }`;
const REVOKE = `mutation($id: ID!) { revokeDataRoomShare(id: $id) { id active revokedAt revokedBy } }`;
const LIST = `{ dataRoomDocuments(first: 100) { totalCount nodes { id title } } }`;
const BY_ID = `query($id: ID!) { dataRoomDocument(id: $id) { id title } }`;
const DOWNLOAD = `query($id: ID!) { dataRoomDownload(documentId: $id) { fileName contentType contentBase64 watermark accessId document { id } } }`;
const LOG = `query($filter: DataRoomAccessFilter, $first: Int, $after: String) {
  dataRoomAccessLog(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { id documentId action subject roles supplierId address at watermark deliveredSha256 }
  }
}`;
const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();

async function upload(client: GraphqlClient, fields: Record<string, unknown>) {
  return client(UPLOAD, { input: { title: 'Doc', kind: 'OTHER', classification: 'CONFIDENTIAL', fileName: 'doc.txt', contentType: 'text/plain', contentBase64: Buffer.from('hello\n').toString('base64'), ...fields } });
}

const log = async (filter: Record<string, unknown>, first = 1000) =>
  dataOf(await stack.gateway(LOG, { filter, first })).dataRoomAccessLog as { totalCount: number; nodes: Record<string, any>[] };

describe('data room', () => {
  let pdfId: string;
  let csvId: string;
  let pdfShare: string;
  let csvShare: string;
  const csv = 'part,qty\r\nPCB-1,2\r\nCASE-9,1\r\n';

  beforeAll(async () => {
    const pdf = dataOf(await buyer(UPLOAD, {
      input: { title: 'Housing drawing', kind: 'DRAWING', classification: 'RESTRICTED', productId, fileName: 'housing.pdf', contentType: 'application/pdf', contentBase64: (await makePdf(3)).toString('base64') },
    })).uploadDataRoomDocument;
    pdfId = pdf.id;
    csvId = dataOf(await buyer(UPLOAD, {
      input: { title: 'Main BOM', kind: 'BOM', classification: 'CONFIDENTIAL', fileName: 'bom.csv', contentType: 'text/csv', contentBase64: Buffer.from(csv).toString('base64') },
    })).uploadDataRoomDocument.id;
    pdfShare = dataOf(await buyer(SHARE, { input: { documentId: pdfId, supplierId: A, expiresAt: inAnHour() } })).shareDataRoomDocument.id;
    csvShare = dataOf(await buyer(SHARE, { input: { documentId: csvId, supplierId: A, expiresAt: inAnHour() } })).shareDataRoomDocument.id;
  });

  it('stores an upload with its size, hash and uploader, and shares it with a supplier until a time', async () => {
    const doc = dataOf(await stack.gateway(`query($id: ID!) { dataRoomDocument(id: $id) { kind classification fileName contentType size sha256 uploadedBy product { id } shares { supplier { id } sharedBy active } } }`, { id: csvId })).dataRoomDocument;
    expect(doc).toEqual({
      kind: 'BOM', classification: 'CONFIDENTIAL', fileName: 'bom.csv', contentType: 'text/csv', size: Buffer.byteLength(csv),
      sha256: require('node:crypto').createHash('sha256').update(csv).digest('hex'), uploadedBy: 'buyer-1', product: null,
      shares: [{ supplier: { id: A }, sharedBy: 'buyer-1', active: true }],
    });
    expect(dataOf(await stack.gateway(BY_ID.replace('title', 'title product { id }'), { id: pdfId })).dataRoomDocument.product).toEqual({ id: productId });
  });

  it('lets partner A list and read the documents shared with it, each read logged with its subject, supplier and address', async () => {
    const listed = dataOf(await asA(`query($id: ID!) { dataRoomDocuments { totalCount nodes { id } edges { node { id } } } dataRoomDocument(id: $id) { id } }`, { id: pdfId }));
    expect(listed.dataRoomDocuments.nodes.map((d: { id: string }) => d.id).sort()).toEqual([pdfId, csvId].sort());
    expect(listed.dataRoomDocuments.totalCount).toBe(2);
    expect(listed.dataRoomDocument).toEqual({ id: pdfId });
    // one READ per document for the whole request, though it was listed twice and asked by id
    const reads = await log({ subject: 'alice@cm-a', actions: ['READ'] });
    expect(reads.nodes).toHaveLength(2);
    for (const row of reads.nodes) {
      expect(row).toMatchObject({ action: 'READ', subject: 'alice@cm-a', roles: ['PARTNER'], supplierId: A, address: '203.0.113.10', watermark: null });
    }
    expect(reads.nodes.map((r) => r.documentId).sort()).toEqual([pdfId, csvId].sort());
  });

  it('watermarks a PDF download on every page and in its metadata with the reader, and logs it as a DOWNLOAD', async () => {
    const download = dataOf(await asA(DOWNLOAD, { id: pdfId })).dataRoomDownload;
    expect(download).toMatchObject({ fileName: 'housing.pdf', contentType: 'application/pdf', document: { id: pdfId } });
    expect(download.watermark).toMatch(new RegExp(`^CMGRAPH-WATERMARK subject=alice@cm-a; supplier=${A}; at=\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z; access=${download.accessId}$`));
    const bytes = Buffer.from(download.contentBase64, 'base64');
    const texts = await pageTexts(bytes);
    expect(texts).toHaveLength(3);
    texts.forEach((text, i) => {
      expect(text).toContain(`Drawing sheet ${i + 1}`);
      expect(text).toContain(download.watermark);
    });
    const parsed = await PDFDocument.load(bytes);
    expect(parsed.getKeywords()).toContain(download.watermark);
    expect(parsed.getKeywords()).toContain('drawing');
    const [row] = (await log({ documentId: pdfId, actions: ['DOWNLOAD'] })).nodes;
    expect(row).toMatchObject({
      id: download.accessId, subject: 'alice@cm-a', supplierId: A, address: '203.0.113.10', watermark: download.watermark,
      deliveredSha256: require('node:crypto').createHash('sha256').update(bytes).digest('hex'),
    });
  });

  it('puts the watermark on the first line of a CSV download, with the file\'s own line ending', async () => {
    const download = dataOf(await asA(DOWNLOAD, { id: csvId })).dataRoomDownload;
    const text = Buffer.from(download.contentBase64, 'base64').toString('utf8');
    expect(text).toBe(`# ${download.watermark}\r\n${csv}`);
    expect(download.watermark).toContain(`access=${download.accessId}`);
    // the content is loaded for a download also when the request has read the document already
    const both = dataOf(await asA(`query($id: ID!) { dataRoomDocuments { nodes { id } } dataRoomDownload(documentId: $id) { contentBase64 watermark } }`, { id: csvId }));
    expect(Buffer.from(both.dataRoomDownload.contentBase64, 'base64').toString('utf8')).toBe(`# ${both.dataRoomDownload.watermark}\r\n${csv}`);
  });

  it('one download per document per request: aliases share the watermark and write one row', async () => {
    const before = (await log({ documentId: csvId, actions: ['DOWNLOAD'] })).totalCount;
    const both = dataOf(await asA(`query($id: ID!) { a: dataRoomDownload(documentId: $id) { accessId } b: dataRoomDownload(documentId: $id) { accessId } }`, { id: csvId }));
    expect(both.a.accessId).toBe(both.b.accessId);
    expect((await log({ documentId: csvId, actions: ['DOWNLOAD'] })).totalCount).toBe(before + 1);
  });

  it('shows partner B nothing, answers FORBIDDEN to each of its attempts and logs them DENIED', async () => {
    expect(dataOf(await asB(LIST)).dataRoomDocuments).toEqual({ totalCount: 0, nodes: [] });
    const byId = await asB(BY_ID, { id: pdfId });
    expect(byId.data?.dataRoomDocument).toBeNull();
    expect(byId.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    const download = await asB(DOWNLOAD, { id: csvId });
    expect(download.data?.dataRoomDownload).toBeNull();
    expect(download.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect(JSON.stringify(download)).not.toContain('part,qty');
    const entities = await asB(`query($r: [_Any!]!) { _entities(representations: $r) { ... on DataRoomDocument { id title } } }`, { r: [{ __typename: 'DataRoomDocument', id: pdfId }] });
    expect(entities.data?._entities).toEqual([null]);
    expect(entities.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    // the same answer for an id that is no document at all
    const unknown = await asB(BY_ID, { id: newId() });
    expect(unknown.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    const denied = await log({ subject: 'bob@cm-b' });
    expect(denied.nodes.every((row) => row.action === 'DENIED' && row.supplierId === B && row.address === '198.51.100.20')).toBe(true);
    expect(denied.nodes.filter((row) => row.documentId === pdfId)).toHaveLength(2); // by id, and the reference (separate requests)
    expect(denied.nodes.filter((row) => row.documentId === csvId)).toHaveLength(1);
    expect(denied.totalCount).toBe(4);
  });

  it('hides who else holds a document from a partner: `shares` is null with FORBIDDEN', async () => {
    const result = await asA(`query($id: ID!) { dataRoomDocument(id: $id) { id shares { supplier { id } } } }`, { id: pdfId });
    expect(result.data?.dataRoomDocument).toEqual({ id: pdfId, shares: null });
    expect(result.errors?.[0]).toMatchObject({ path: ['dataRoomDocument', 'shares'], extensions: { code: 'FORBIDDEN' } });
  });

  it('ends A\'s access when a share expires or is revoked, and logs its later attempts DENIED', async () => {
    // the expiry moved into the past, as time would move it
    await sql(`update data_room_share set expires_at = now() - interval '1 second' where id = ?`, [csvShare]);
    const [expired] = await sql<{ active: boolean }>(`select expires_at < now() as active from data_room_share where id = ?`, [csvShare]);
    expect(expired!.active).toBe(true);
    const revoked = dataOf(await buyer(REVOKE, { id: pdfShare })).revokeDataRoomShare;
    expect(revoked).toMatchObject({ id: pdfShare, active: false, revokedBy: 'buyer-1' });
    expect(dataOf(await asA(LIST)).dataRoomDocuments).toEqual({ totalCount: 0, nodes: [] });
    for (const id of [pdfId, csvId]) {
      const download = await asA(DOWNLOAD, { id });
      expect(download.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    }
    expect((await log({ subject: 'alice@cm-a', actions: ['DENIED'] })).totalCount).toBe(2);
    // sharing again gives access back
    dataOf(await buyer(SHARE, { input: { documentId: csvId, supplierId: A, expiresAt: inAnHour() } }));
    expect(dataOf(await asA(LIST)).dataRoomDocuments.nodes).toEqual([{ id: csvId, title: 'Main BOM' }]);
    // revoking twice changes nothing
    expect(dataOf(await buyer(REVOKE, { id: pdfShare })).revokeDataRoomShare.revokedAt).toBe(revoked.revokedAt);
  });

  it('sharing again while a share is active sets its expiry rather than adding a second share', async () => {
    const later = new Date(Date.now() + 7_200_000).toISOString();
    const first = dataOf(await buyer(SHARE, { input: { documentId: pdfId, supplierId: B, expiresAt: inAnHour() } })).shareDataRoomDocument;
    const again = dataOf(await buyer(SHARE, { input: { documentId: pdfId, supplierId: B, expiresAt: later } })).shareDataRoomDocument;
    expect(again).toMatchObject({ id: first.id, expiresAt: later });
    expect(dataOf(await asB(LIST)).dataRoomDocuments.nodes).toEqual([{ id: pdfId, title: 'Housing drawing' }]);
    dataOf(await buyer(REVOKE, { id: first.id }));
  });

  it('lets every internal role read and download (ANALYST too), logged with no supplier', async () => {
    const analyst = stack.subgraph('suppliers', { caller: { subject: 'analyst-1', roles: ['ANALYST'], supplierId: null } });
    const download = dataOf(await analyst(DOWNLOAD, { id: csvId })).dataRoomDownload;
    expect(download.watermark).toContain('subject=analyst-1; supplier=-;');
    const [row] = (await log({ subject: 'analyst-1' })).nodes;
    expect(row).toMatchObject({ action: 'DOWNLOAD', supplierId: null, roles: ['ANALYST'] });
  });

  it('records the client address the gateway saw for callers coming through it', async () => {
    dataOf(await stack.as({ roles: ['QUALITY'], sub: 'quality-gw' })(BY_ID, { id: csvId }));
    const [row] = (await log({ subject: 'quality-gw' })).nodes;
    expect(row!.address).toMatch(/127\.0\.0\.1|::1/);
  });

  it('writes the reads of a whole page in one statement: a page of 30 costs what a page of 3 costs', async () => {
    const page = (n: number) => `{ dataRoomDocuments(first: ${n}) { nodes { id } } }`;
    for (let i = 0; i < 30; i++) dataOf(await upload(buyer, { title: `Spec ${i}` }));
    const reader = (sub: string) => stack.subgraph('suppliers', { caller: { subject: sub, roles: ['PLANNER'], supplierId: null } });
    const cost = async (n: number, sub: string) => {
      stack.resetStatementCounts();
      expect(dataOf(await reader(sub)(page(n))).dataRoomDocuments.nodes).toHaveLength(n);
      return stack.subgraphs.suppliers!.statements;
    };
    const small = await cost(3, 'planner-small');
    const large = await cost(30, 'planner-large');
    expect(large).toBe(small);
    expect((await log({ subject: 'planner-large' })).totalCount).toBe(30);
  });

  it('answers the log to ADMIN only, newest first, page by page', async () => {
    for (const caller of [{ roles: ['BUYER'] }, { roles: ['ANALYST'] }, { roles: ['QUALITY'] }] as const) {
      const refused = await stack.as({ roles: [...caller.roles] })(LOG, { filter: {} });
      expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    }
    const partnerRefused = await asA(LOG, { filter: {} });
    expect(partnerRefused.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    const first = dataOf(await stack.gateway(LOG, { filter: { supplierId: A }, first: 2 })).dataRoomAccessLog;
    expect(first.nodes).toHaveLength(2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const next = dataOf(await stack.gateway(LOG, { filter: { supplierId: A }, first: 1000, after: first.pageInfo.endCursor })).dataRoomAccessLog;
    const all = [...first.nodes, ...next.nodes];
    expect(all).toHaveLength(first.totalCount);
    const times = all.map((row) => Date.parse(row.at));
    expect([...times].sort((x, y) => y - x)).toEqual(times);
    const window = await log({ from: all.at(-1)!.at, to: all[0]!.at, supplierId: A });
    expect(window.totalCount).toBeLessThan(first.totalCount); // [from, to): the newest is outside
  });

  it('refuses to update, delete or truncate the access log, in the database itself', async () => {
    const [row] = await sql<{ id: string }>('select id from data_room_access limit 1');
    await expect(sql(`update data_room_access set subject = 'someone-else' where id = ?`, [row!.id])).rejects.toThrow(/append-only/);
    await expect(sql('delete from data_room_access where id = ?', [row!.id])).rejects.toThrow(/append-only/);
    await expect(sql('truncate data_room_access')).rejects.toThrow(/append-only/);
    const [still] = await sql<{ n: number }>('select count(*)::int as n from data_room_access where id = ? and subject <> ?', [row!.id, 'someone-else']);
    expect(still!.n).toBe(1);
  });
});

describe('data room input and roles', () => {
  let documentId: string;
  beforeAll(async () => {
    documentId = dataOf(await upload(buyer, { title: 'Rules' })).uploadDataRoomDocument.id;
  });
  const counts = async () => (await sql<{ d: number; s: number }>('select (select count(*) from data_room_document)::int as d, (select count(*) from data_room_share)::int as s'))[0]!;

  it.each([
    ['malformed base64', { contentBase64: 'not*base64!' }, 'contentBase64'],
    ['base64 with bad padding', { contentBase64: 'aGVsbG8' }, 'contentBase64'],
    ['an empty file', { contentBase64: '' }, 'contentBase64'],
    ['a content type outside the list', { contentType: 'application/zip' }, 'contentType'],
    ['HTML', { contentType: 'text/html' }, 'contentType'],
    ['a "PDF" that is not one', { contentType: 'application/pdf', contentBase64: Buffer.from('%PDF-1.7 nonsense').toString('base64') }, 'contentBase64'],
    ['text that is not UTF-8', { contentBase64: Buffer.from([0xff, 0xfe, 0x00, 0x41]).toString('base64') }, 'contentBase64'],
    ['a file larger than 1 MiB', { contentBase64: Buffer.alloc(1024 * 1024 + 1, 65).toString('base64') }, 'contentBase64'],
    ['a path as file name', { fileName: '../etc/passwd' }, 'fileName'],
    ['a malformed product id', { productId: '42' }, 'productId'],
  ])('refuses an upload with %s (BAD_USER_INPUT) and writes nothing', async (_what, fields, field) => {
    const before = await counts();
    const result = await upload(buyer, fields);
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field } });
    expect(await counts()).toEqual(before);
  });

  it('refuses an unknown product (NOT_FOUND) and writes nothing', async () => {
    const before = await counts();
    const result = await upload(buyer, { productId: newId() });
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND', field: 'productId' } });
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['an expiry in the past', () => ({ documentId, supplierId: A, expiresAt: new Date(Date.now() - 1000).toISOString() }), 'BAD_USER_INPUT', 'expiresAt'],
    ['an unknown supplier', () => ({ documentId, supplierId: newId(), expiresAt: inAnHour() }), 'NOT_FOUND', 'supplierId'],
    ['an unknown document', () => ({ documentId: newId(), supplierId: A, expiresAt: inAnHour() }), 'NOT_FOUND', 'documentId'],
    ['a malformed document id', () => ({ documentId: 'x', supplierId: A, expiresAt: inAnHour() }), 'BAD_USER_INPUT', 'documentId'],
  ])('refuses a share with %s and writes nothing', async (_what, input, code, field) => {
    const before = await counts();
    const result = await buyer(SHARE, { input: input() });
    expect(result.errors?.[0]).toMatchObject({ extensions: { code, field } });
    expect(await counts()).toEqual(before);
  });

  it('answers NOT_FOUND to a download of an unknown document for the brand\'s users', async () => {
    const result = await buyer(DOWNLOAD, { id: newId() });
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND', field: 'documentId' } });
  });

  it('lets ADMIN, BUYER, PLANNER and QUALITY write; refuses ANALYST, SUSTAINABILITY and PARTNER, writing nothing', async () => {
    const share = () => ({ documentId, supplierId: A, expiresAt: inAnHour() });
    for (const roles of [['ANALYST'], ['SUSTAINABILITY'], ['PARTNER']] as const) {
      const client = stack.subgraph('suppliers', { caller: { roles: [...roles], supplierId: roles[0] === 'PARTNER' ? A : null } });
      const before = await counts();
      expect((await upload(client, {})).errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
      expect((await client(SHARE, { input: share() })).errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
      expect((await client(REVOKE, { id: newId() })).errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
      expect(await counts()).toEqual(before);
    }
    for (const roles of [['ADMIN'], ['BUYER'], ['PLANNER'], ['QUALITY']] as const) {
      const client = stack.subgraph('suppliers', { caller: { roles: [...roles] } });
      const uploaded = dataOf(await upload(client, { title: `By ${roles[0]}` })).uploadDataRoomDocument;
      const shared = dataOf(await client(SHARE, { input: { documentId: uploaded.id, supplierId: B, expiresAt: inAnHour() } })).shareDataRoomDocument;
      expect(dataOf(await client(REVOKE, { id: shared.id })).revokeDataRoomShare.active).toBe(false);
    }
  });
});
