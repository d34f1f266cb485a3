// HTTP plumbing shared by subgraphs and the gateway: listening on a port (0 in tests) and closing
// every open connection on shutdown so a process never hangs on keep-alive sockets; and the answers
// outside GraphQL (an unknown path, a body the JSON parser refuses, an error no route handled) as coded
// JSON, never Express's own page, which outside production carries a stack trace.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ErrorRequestHandler, Express, RequestHandler } from 'express';
import type { Logger } from './logger';

export interface RunningServer {
  url: string;
  port: number;
  httpServer: http.Server;
  close(): Promise<void>;
}

export interface ListenOptions {
  /** Share the port with other sockets that set it too (SO_REUSEPORT: the kernel spreads connections over them). */
  reusePort?: boolean;
}

export async function listen(app: Express, port: number, host = '127.0.0.1', path = '/graphql', options: ListenOptions = {}): Promise<RunningServer> {
  const httpServer = http.createServer(app);
  httpServer.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen({ port, host, reusePort: options.reusePort ?? false }, () => resolve());
  });
  const actual = (httpServer.address() as AddressInfo).port;
  return {
    url: `http://${host}:${actual}${path}`,
    port: actual,
    httpServer,
    close: () =>
      new Promise<void>((resolve) => {
        httpServer.close(() => resolve());
        httpServer.closeAllConnections();
      }),
  };
}

/** The last two handlers of an app: 404 NOT_FOUND for an unknown path, and coded answers for errors. */
export function finalHandlers(log: Logger): [RequestHandler, ErrorRequestHandler] {
  const notFound: RequestHandler = (req, res) => {
    res.status(404).json({ errors: [{ message: `Nothing is served at ${req.method} ${req.path}.`, extensions: { code: 'NOT_FOUND' } }] });
  };
  const failed: ErrorRequestHandler = (error: unknown, _req, res, next) => {
    if (res.headersSent) return next(error);
    const status = (error as { status?: unknown }).status;
    if (status === 413) {
      res.status(413).json({ errors: [{ message: 'The request body is too large.', extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
    } else if (typeof status === 'number' && status >= 400 && status < 500) {
      res.status(400).json({ errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }] });
    } else {
      log.error({ err: error }, 'request failed');
      res.status(500).json({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    }
  };
  return [notFound, failed];
}
