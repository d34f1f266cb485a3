// One export, page by page: each page is an operation run through the gateway's own Apollo Server (the
// caller's identity, the same plugins: trusted documents, depth and cost), its nodes flattened into rows
// and written at once; the next page is asked for only once the socket has taken the last one ('drain'),
// so the gateway holds one page at most however slow the reader. A client that goes away stops the
// paging. The first page is fetched before anything is sent, so a refusal is still a coded JSON error
// with its status; a failure later ends the stream with the format's marker line, and is logged.
import { randomBytes } from 'node:crypto';
import type { Response } from 'express';
import type { GraphQLFormattedError } from 'graphql';
import type { Identity, Logger } from '@cmgraph/platform/src/lean';
import type { ExportShape } from './document';
import { openSink, type ContentCoding, type ExportSink } from './encoding';
import { EgressError, sendErrors, statusOfCode } from './errors';
import type { TabularFormat } from './formats';
import { RowFlattener, type Column } from './rows';

/** An operation as the export runs it, once per page. */
export interface PageRequest {
  query: string;
  operationName: string | null;
  variables: Record<string, unknown>;
}

export interface PageResult {
  /** The HTTP status /graphql would have answered (200 unless the request was refused as a whole). */
  status: number;
  headers: Record<string, string>;
  data?: Record<string, unknown> | null;
  errors?: readonly GraphQLFormattedError[];
}

/** Runs one page for `identity`; `firstPage` is false for the pages after the first (no new rate-limit token). */
export type PageExecutor = (request: PageRequest, identity: Identity, firstPage: boolean) => Promise<PageResult>;

export interface ExportJob {
  /** The report's name, or the operation's for POST /export: names the file and the log lines. */
  name: string;
  identity: Identity;
  request: PageRequest;
  shape: ExportShape;
  columns: Column[];
  format: TabularFormat;
  pageSize: number;
  /** Where to start (a previous export's cursor), or null. */
  after: string | null;
  bom: boolean;
  /** CSV: write text a spreadsheet would run as a formula verbatim (formats.ts). */
  keepFormulas: boolean;
  /** gzip when the client accepts it (encoding.ts). */
  coding: ContentCoding;
}

export interface EgressStats {
  /** Exports streaming now. */
  active: number;
  started: number;
  completed: number;
  failed: number;
  /** Ended because the client went away. */
  aborted: number;
  /** Page operations executed, all exports together. */
  pages: number;
  rows: number;
}

export function emptyStats(): EgressStats {
  return { active: 0, started: 0, completed: 0, failed: 0, aborted: 0, pages: 0, rows: 0 };
}

export interface StreamOptions {
  log: Logger;
  stats: EgressStats;
  /** A progress line every this many milliseconds (default 10 s)… */
  progressEveryMs?: number;
  /** …and every this many rows (default 100,000). */
  progressEveryRows?: number;
}

type Outcome = 'completed' | 'failed' | 'aborted';

export async function streamExport(job: ExportJob, execute: PageExecutor, res: Response, options: StreamOptions): Promise<void> {
  const { log, stats } = options;
  const id = randomBytes(6).toString('hex');
  const context = { export: id, name: job.name, format: job.format.name, coding: job.coding, subject: job.identity.subject };
  const flattener = new RowFlattener(job.columns);
  const progress = { rows: 0, pages: 0, bytes: 0, startedAt: Date.now() };
  const everyRows = options.progressEveryRows ?? 100_000;
  let nextProgressRows = everyRows;
  const report = (message: string, extra: Record<string, unknown> = {}) => {
    const seconds = (Date.now() - progress.startedAt) / 1000;
    const memory = process.memoryUsage();
    log.info(
      {
        ...context,
        rows: progress.rows,
        pages: progress.pages,
        mb: round(progress.bytes / 1048576),
        seconds: round(seconds),
        rowsPerSecond: Math.round(progress.rows / Math.max(seconds, 0.001)),
        // the process's, not this export's: shows whether memory stays flat over a long export
        rssMb: round(memory.rss / 1048576),
        heapUsedMb: round(memory.heapUsed / 1048576),
        ...extra,
      },
      message,
    );
  };
  let gone = false;
  res.once('close', () => (gone = !res.writableFinished));
  /** The body, once the first page has set the headers. */
  let sink: ExportSink | undefined;
  stats.active += 1;
  stats.started += 1;
  const timer = setInterval(() => report('export progress'), options.progressEveryMs ?? 10_000);
  timer.unref();
  log.info({ ...context, pageSize: job.pageSize, columns: job.columns.length }, 'export started');

  const fetchPage = async (after: string | null, first: boolean): Promise<PageResult> => {
    const variables = { ...job.request.variables, [job.shape.firstVariable]: job.pageSize, [job.shape.afterVariable]: after };
    try {
      return await execute({ ...job.request, variables }, job.identity, first);
    } catch (error) {
      log.error({ ...context, err: error }, 'export page failed');
      return { status: 500, headers: {}, errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] };
    } finally {
      stats.pages += 1;
      progress.pages += 1;
    }
  };
  // Flattens, formats and writes one page, synchronously: the page's objects are garbage once it returns,
  // before the loop waits for the socket (nothing of it stays reachable across that wait).
  const writePage = (result: PageResult, first: boolean): 'aborted' | 'failed' | { flowing: boolean; next: string | null } => {
    if (gone) return 'aborted';
    const connection = result.errors?.length ? undefined : connectionOf(result.data, job.shape);
    if (!connection) {
      // no error, no list: an object on the way to it is null (e.g. an unknown supplier id)
      const errors = result.errors?.length ? result.errors : [{ message: `\`${job.shape.listPath.join('.')}\` is null in the answer: nothing to export`, extensions: { code: 'NOT_FOUND' } }];
      fail(res, sink, result, errors, progress.rows, job.format);
      report('export failed', { code: errors[0]!.extensions?.code, error: errors[0]!.message, headersSent: !first });
      return 'failed';
    }
    const rows: unknown[][] = [];
    for (const node of connection.nodes) flattener.flatten(node, rows);
    const chunks = job.format.rows(rows, job.columns, { keepFormulas: job.keepFormulas });
    if (first) {
      res.status(200).set({
        'content-type': job.format.contentType,
        'content-disposition': `attachment; filename="${fileName(job.name)}.${job.format.extension}"`,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      });
      sink = openSink(res, job.coding);
      chunks.unshift(job.format.header(job.columns, job.bom));
    }
    const body = sink!;
    progress.rows += rows.length;
    stats.rows += rows.length;
    let flowing = true;
    for (const chunk of chunks) {
      progress.bytes += Buffer.byteLength(chunk);
      flowing = body.write(chunk);
    }
    body.flush();
    if (progress.rows >= nextProgressRows) {
      report('export progress');
      nextProgressRows = (Math.floor(progress.rows / everyRows) + 1) * everyRows;
    }
    if (connection.hasNextPage && !connection.endCursor) throw new Error('a page with hasNextPage carried no endCursor');
    return { flowing, next: connection.hasNextPage ? connection.endCursor : null };
  };

  let outcome: Outcome = 'completed';
  try {
    let after = job.after;
    for (let page = 0; ; page++) {
      if (gone) return void (outcome = 'aborted');
      const step = writePage(await fetchPage(after, page === 0), page === 0);
      if (typeof step === 'string') return void (outcome = step);
      if (step.next === null) break;
      after = step.next;
      if (!step.flowing) await sink!.drained();
    }
    sink!.end();
  } catch (error) {
    outcome = 'failed';
    const refusal = error instanceof EgressError ? error : undefined;
    if (refusal) report('export failed', { code: refusal.code, error: refusal.message });
    else log.error({ ...context, err: error }, 'export failed');
    const errors = [refusal?.toFormatted() ?? { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }];
    fail(res, sink, refusal && { status: refusal.status, headers: {} }, errors, progress.rows, job.format);
  } finally {
    clearInterval(timer);
    stats.active -= 1;
    stats[outcome] += 1;
    if (outcome !== 'failed') report(outcome === 'aborted' ? 'export aborted: the client went away' : 'export completed');
  }
}

/** Refuses before the first byte (a coded JSON error), or ends a started stream with the marker line. */
function fail(
  res: Response,
  sink: ExportSink | undefined,
  result: PageResult | undefined,
  errors: readonly GraphQLFormattedError[],
  rowsWritten: number,
  format: TabularFormat,
): void {
  if (res.destroyed || res.writableEnded) return;
  if (!sink) {
    const status = result && result.status >= 400 ? result.status : statusOfCode(errors[0]?.extensions?.code);
    sendErrors(res, status, errors, result?.headers);
    return;
  }
  const [first] = errors;
  sink.end(format.errorMarker(String(first?.extensions?.code ?? 'INTERNAL_SERVER_ERROR'), first?.message ?? 'export failed', rowsWritten));
}

interface Connection {
  nodes: unknown[];
  hasNextPage: boolean;
  endCursor: string | null;
}

function connectionOf(data: Record<string, unknown> | null | undefined, shape: ExportShape): Connection | undefined {
  let value: unknown = data;
  for (const key of shape.listPath) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      if (Array.isArray(value)) throw new EgressError('BAD_USER_INPUT', `not exportable: \`${shape.listPath.join('.')}\` is inside a list`, { field: 'query' });
      return undefined;
    }
    value = (value as Record<string, unknown>)[key];
  }
  if (value === null || typeof value !== 'object') return undefined;
  const connection = value as Record<string, unknown>;
  const pageInfo = connection[shape.pageInfo.key] as Record<string, unknown> | null | undefined;
  const [listKey, nodeKey] = shape.nodesPath;
  const list = connection[listKey!];
  if (!pageInfo || !Array.isArray(list)) return undefined;
  const nodes = nodeKey ? list.map((edge) => (edge as Record<string, unknown> | null)?.[nodeKey]) : list;
  const endCursor = pageInfo[shape.pageInfo.endCursor];
  return { nodes, hasNextPage: pageInfo[shape.pageInfo.hasNextPage] === true, endCursor: typeof endCursor === 'string' ? endCursor : null };
}

function fileName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'export';
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
