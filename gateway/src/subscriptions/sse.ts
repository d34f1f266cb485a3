// GraphQL over Server-Sent Events at /graphql/stream (graphql-sse, "distinct connections" mode: one
// text/event-stream response per operation), for clients that cannot keep a WebSocket — proxies that strip
// the Upgrade header, serverless edges, `curl -N`. The bearer token and identity are the HTTP ones
// (authenticateHttp runs first); what the operation becomes is operation.ts's, exactly as over graphql-ws:
// the same limits and trusted documents, the same shared upstreams and `after` resumption. Errors about
// the operation arrive as a `next` event with coded errors, then `complete` (an EventSource would give up
// on an error status); errors about the request itself (no event-stream Accept, no query) are coded JSON
// with their status. Closing the response unsubscribes.
import type { Request, RequestHandler, Response } from 'express';
import type { GraphQLFormattedError } from 'graphql';
import type { OperationResult } from 'graphql-sse';
import { createHandler } from 'graphql-sse/lib/use/express';
import { requestIdentity } from '../auth';
import { errorResult, type FormattedResult } from './errors';
import { acceptOperation, executeAccepted, internalError, isRefused, subscribeAccepted, type OperationDependencies } from './operation';
import { subscriptionScope } from './scope';

const EVENT_STREAM = 'text/event-stream';

export function sseHandler(deps: OperationDependencies): RequestHandler {
  const handler = createHandler<undefined>({
    // no reservation tokens: every operation is its own stream ("single connection mode" answers 404)
    authenticate: () => undefined,
    onSubscribe: async (req, params) => {
      try {
        const request = req.raw as Request;
        const identity = requestIdentity(request);
        const accepted = acceptOperation(deps, params, identity, () => subscriptionScope({ request, identity }));
        if (isRefused(accepted)) return single(errorResult(...accepted));
        if (accepted.kind === 'subscription') return subscribeAccepted(deps, accepted) as unknown as OperationResult;
        return single(await executeAccepted(deps, accepted));
      } catch (error) {
        deps.log.error({ err: error }, 'SSE operation could not be prepared');
        return single(errorResult(internalError()));
      }
    },
  });
  return async (req, res) => {
    const refused = refusal(req);
    if (refused) return void refuse(res, refused.status, refused.error);
    // graphql-sse recognises the event-stream request by this exact header
    req.headers.accept = EVENT_STREAM;
    // reverse proxies (nginx) would otherwise buffer the stream
    res.setHeader('x-accel-buffering', 'no');
    try {
      await handler(req, res);
    } catch (error) {
      deps.log.error({ err: error }, 'SSE stream failed');
      if (!res.headersSent) refuse(res, 500, { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
      else if (!res.writableEnded) res.end();
    }
  };
}

/** What is wrong with the request itself, before any operation is looked at. */
function refusal(req: Request): { status: number; error: GraphQLFormattedError } | undefined {
  const bad = (status: number, message: string) => ({ status, error: { message, extensions: { code: 'BAD_REQUEST' } } });
  if (!String(req.headers.accept ?? '').includes(EVENT_STREAM)) {
    return bad(406, `This endpoint streams Server-Sent Events: send \`Accept: ${EVENT_STREAM}\` (queries and mutations without a stream: POST /graphql).`);
  }
  if (req.method === 'GET') {
    const { query, variables } = req.query as Record<string, unknown>;
    if (typeof query !== 'string' || !query.trim()) return bad(400, 'Send the operation as the `query` parameter.');
    if (variables !== undefined && !isJsonObject(variables)) return bad(400, '`variables` must be a JSON object.');
    return undefined;
  }
  if (req.method === 'POST') {
    const body = req.body as Record<string, unknown> | undefined;
    if (!body || typeof body !== 'object' || Array.isArray(body)) return bad(400, 'Send a JSON object: { "query", "variables"?, "operationName"? }.');
    if (typeof body.query !== 'string' || !body.query.trim()) return bad(400, 'The body has no `query`.');
    if (body.variables !== undefined && body.variables !== null && (typeof body.variables !== 'object' || Array.isArray(body.variables))) {
      return bad(400, '`variables` must be an object.');
    }
    return undefined;
  }
  return bad(405, 'Use GET or POST.');
}

/** One result as graphql-sse takes it: it recognises a result by its `data` key (null beside request errors). */
function single(result: FormattedResult): OperationResult {
  return ('data' in result ? result : { data: null, ...result }) as unknown as OperationResult;
}

function isJsonObject(text: unknown): boolean {
  if (typeof text !== 'string') return false;
  try {
    const value: unknown = JSON.parse(text);
    return !!value && typeof value === 'object' && !Array.isArray(value);
  } catch {
    return false;
  }
}

function refuse(res: Response, status: number, error: GraphQLFormattedError): void {
  res.status(status).set('cache-control', 'no-store').json({ errors: [error] });
}
