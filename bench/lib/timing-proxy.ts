// A pass-through HTTP proxy put between a gateway and one subgraph, recording how long each subgraph
// request took and what it asked (`_entities` with how many representations, or a root query). It shows
// which contributor of a federated answer costs what, measured on the very requests the gateway plans.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SubgraphFetch {
  subgraph: string;
  /** Time from the request's arrival at the proxy to the subgraph's last byte. */
  ms: number;
  kind: 'entities' | 'root';
  representations: number;
  status: number;
  bytes: number;
}

export interface TimingProxy {
  url: string;
  fetches: SubgraphFetch[];
  close(): Promise<void>;
}

const agent = new http.Agent({ keepAlive: true });

export async function timingProxy(subgraph: string, target: string): Promise<TimingProxy> {
  const upstream = new URL(target);
  const fetches: SubgraphFetch[] = [];
  const server = http.createServer((req, res) => {
    const started = performance.now();
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      let representations = 0;
      let kind: SubgraphFetch['kind'] = 'root';
      try {
        const parsed = JSON.parse(body.toString('utf8')) as { query?: string; variables?: { representations?: unknown[] } };
        if (parsed.query?.includes('_entities')) {
          kind = 'entities';
          representations = parsed.variables?.representations?.length ?? 0;
        }
      } catch {
        // not JSON: forwarded as it is, counted as a root request
      }
      const forward = http.request(
        { host: upstream.hostname, port: upstream.port, path: upstream.pathname, method: req.method, headers: { ...req.headers, host: upstream.host }, agent },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          let bytes = 0;
          answer.on('data', (chunk: Buffer) => {
            bytes += chunk.length;
            res.write(chunk);
          });
          answer.on('end', () => {
            res.end();
            fetches.push({ subgraph, ms: performance.now() - started, kind, representations, status: answer.statusCode ?? 0, bytes });
          });
        },
      );
      forward.on('error', (error) => {
        res.writeHead(502).end(String(error));
      });
      forward.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${upstream.pathname}`,
    fetches,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
