// HTTP plumbing shared by subgraphs and the gateway: listening on a port (0 in tests) and closing
// every open connection on shutdown so a process never hangs on keep-alive sockets.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';

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
