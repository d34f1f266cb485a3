// A stand-in for another subgraph in reference checks: answers `_entities` with the ids it was told
// exist (of any typename) and null for the rest, over real HTTP on port 0.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface EntitiesStub {
  url: string;
  /** Ids the stub resolves; add to it as a test creates "remote" records. */
  known: Set<string>;
  close(): Promise<void>;
}

export async function startEntitiesStub(known: Iterable<string> = []): Promise<EntitiesStub> {
  const ids = new Set(known);
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const { variables } = JSON.parse(body) as { variables: { r: { __typename: string; id: string }[] } };
      const entities = variables.r.map((ref) => (ids.has(ref.id) ? { __typename: ref.__typename, id: ref.id } : null));
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ data: { _entities: entities } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    known: ids,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
