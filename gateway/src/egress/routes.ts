// The HTTP face of tabular egress, behind the same authentication as /graphql:
//   GET  /reports                               the named reports, their parameters and columns (JSON)
//   GET  /reports/<name>.csv|.ndjson?<param>=…  a named report (reports.ts); also pageSize, after, bom, keepFormulas
//   POST /export  { query | extensions.persistedQuery.sha256Hash, operationName?, variables?,
//                   format: "csv" | "ndjson", columns?: { "<header>": "<path>" }, pageSize?, bom?, keepFormulas? }
// A PARTNER may export trusted documents only (OPERATION_NOT_TRUSTED otherwise, before anything runs).
// Both answer gzip to a client that accepts it (Accept-Encoding; encoding.ts).
import express, { type Request, type RequestHandler, type Response } from 'express';
import { GraphQLError, parse, type DocumentNode } from 'graphql';
import type { Identity, Logger } from '@cmgraph/platform/src/lean';
import { requestIdentity } from '../auth';
import { isPartner, sha256, type TrustedDocuments } from '../limits';
import { exportShape } from './document';
import { contentCodingOf } from './encoding';
import { EgressError, badParam, egressError, sendErrors } from './errors';
import { formatNamed } from './formats';
import { cursorOf, flagOf, pageSizeOf, variablesFromQuery } from './params';
import type { ReportRegistry } from './registry';
import { resolveColumns, type ColumnMap } from './rows';
import { streamExport, type EgressStats, type ExportJob, type PageExecutor } from './stream';

export interface EgressRoutesOptions {
  /** The same authentication as /graphql. */
  authenticate: RequestHandler;
  /** The same body limit and JSON parser as /graphql. */
  jsonBody: RequestHandler;
  reports: ReportRegistry;
  trustedDocuments: TrustedDocuments;
  execute: PageExecutor;
  log: Logger;
  stats: EgressStats;
}

export function egressRoutes(options: EgressRoutesOptions): express.Router {
  const { reports, trustedDocuments, execute, log, stats } = options;
  const router = express.Router();
  const run = (build: (req: Request, identity: Identity) => ExportJob): RequestHandler => async (req, res) => {
    try {
      const job = build(req, requestIdentity(req));
      await streamExport(job, execute, res, { log, stats });
    } catch (error) {
      refuse(res, error, log);
    }
  };

  router.get('/reports', options.authenticate, (_req, res) => {
    res.set('cache-control', 'no-store').json({ reports: reports.describe() });
  });

  router.get(
    '/reports/:file',
    options.authenticate,
    run((req, identity) => {
      const match = /^(.+)\.([A-Za-z0-9]+)$/.exec(String(req.params.file));
      const report = match ? reports.get(match[1]!) : undefined;
      if (!match || !report) throw egressError('NOT_FOUND', `report ${match?.[1] ?? req.params.file} does not exist (GET /reports lists them)`, { type: 'Report', id: match?.[1] ?? req.params.file });
      const format = formatNamed(match[2]);
      if (!format) throw egressError('NOT_FOUND', `reports are served as .csv or .ndjson, not .${match[2]}`, { type: 'Report', id: req.params.file });
      const query = req.query as Record<string, unknown>;
      return {
        name: report.definition.name,
        identity,
        request: { query: report.query, operationName: report.shape.operationName, variables: variablesFromQuery(report.definition.params ?? {}, query) },
        shape: report.shape,
        columns: report.columns,
        format,
        pageSize: pageSizeOf(single(query.pageSize, 'pageSize')),
        after: cursorOf(single(query.after, 'after')),
        bom: flagOf(single(query.bom, 'bom'), 'bom'),
        keepFormulas: flagOf(single(query.keepFormulas, 'keepFormulas'), 'keepFormulas'),
        coding: contentCodingOf(req),
      };
    }),
  );

  router.post(
    '/export',
    options.authenticate,
    options.jsonBody,
    run((req, identity) => {
      const body = req.body as Record<string, unknown> | undefined;
      if (!body || typeof body !== 'object' || Array.isArray(body)) throw badParam('body', 'send a JSON object');
      const format = formatNamed(body.format);
      if (!format) throw badParam('format', 'must be "csv" or "ndjson"');
      const query = documentText(body, trustedDocuments);
      const operationName = optionalString(body.operationName, 'operationName');
      const variables = body.variables ?? {};
      if (typeof variables !== 'object' || variables === null || Array.isArray(variables)) throw badParam('variables', 'must be an object');
      const document = parseDocument(query);
      if (isPartner(identity) && !trustedDocuments.trusts(document, operationName)) {
        throw egressError('OPERATION_NOT_TRUSTED', 'This caller may export only trusted documents: send the `extensions.persistedQuery.sha256Hash` of a document in the manifest, or that document itself.');
      }
      const shape = exportShape(document, operationName);
      const columns = body.columns;
      if (columns !== undefined && (typeof columns !== 'object' || columns === null)) throw badParam('columns', 'must map headers to leaf paths');
      const given = variables as Record<string, unknown>;
      return {
        name: shape.operationName ?? 'export',
        identity,
        request: { query, operationName: shape.operationName, variables: given },
        shape,
        columns: resolveColumns(shape.leafPaths, columns as ColumnMap | undefined),
        format,
        pageSize: body.pageSize !== undefined ? pageSizeOf(body.pageSize) : pageSizeOf(given[shape.firstVariable], `variables.${shape.firstVariable}`),
        after: cursorOf(given[shape.afterVariable], `variables.${shape.afterVariable}`),
        bom: flagOf(body.bom, 'bom'),
        keepFormulas: flagOf(body.keepFormulas, 'keepFormulas'),
        coding: contentCodingOf(req),
      };
    }),
  );
  return router;
}

/** The query sent, or the trusted document its sha256Hash names. */
function documentText(body: Record<string, unknown>, trustedDocuments: TrustedDocuments): string {
  const hash = (body.extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined)?.persistedQuery?.sha256Hash;
  if (hash !== undefined && typeof hash !== 'string') throw badParam('extensions.persistedQuery.sha256Hash', 'must be a string');
  if (body.query !== undefined && typeof body.query !== 'string') throw badParam('query', 'must be a string');
  if (typeof body.query === 'string') {
    if (hash && sha256(body.query) !== hash && trustedDocuments.documentOf(hash) !== body.query) {
      throw badParam('extensions.persistedQuery.sha256Hash', 'does not match the query');
    }
    return body.query;
  }
  if (!hash) throw badParam('query', 'send a query or extensions.persistedQuery.sha256Hash');
  const trusted = trustedDocuments.documentOf(hash);
  if (!trusted) throw egressError('PERSISTED_QUERY_NOT_FOUND', 'No trusted document has this sha256Hash.');
  return trusted;
}

function parseDocument(query: string): DocumentNode {
  try {
    return parse(query);
  } catch (error) {
    if (error instanceof GraphQLError) throw egressError('GRAPHQL_PARSE_FAILED', error.message);
    throw error;
  }
}

function optionalString(value: unknown, field: string): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw badParam(field, 'must be a string');
  return value;
}

function single(value: unknown, field: string): unknown {
  if (Array.isArray(value)) throw badParam(field, 'give it once');
  return value;
}

function refuse(res: Response, error: unknown, log: Logger): void {
  if (res.headersSent) {
    if (!res.writableEnded) res.end();
    return;
  }
  if (error instanceof EgressError) {
    sendErrors(res, error.status, [error.toFormatted()]);
    return;
  }
  log.error({ err: error }, 'export refused by an internal error');
  sendErrors(res, 500, [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
}
