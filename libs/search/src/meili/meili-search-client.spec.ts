import type { AppConfig } from '@pilotlink/core';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isIndexNotFound, isMeiliUnavailable, searchOr } from './meili-errors';
import { MeiliSearchClient } from './meili-search-client';

type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;

/** A stand-in Meilisearch on a free port: each test says how it answers. */
async function fakeMeili(handler: Handler): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => handler(req, body, res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

function clientFor(url: string): MeiliSearchClient {
  const values: Record<string, string | undefined> = { MEILI_URL: url, MEILI_MASTER_KEY: 'unit-test-master-key-0001' };
  return new MeiliSearchClient({ get: (key: string) => values[key] } as unknown as AppConfig);
}

describe('MeiliSearchClient', () => {
  let server: Server | undefined;
  let client: MeiliSearchClient | undefined;

  afterEach(async () => {
    client?.onModuleDestroy();
    if (server) await new Promise((resolve) => server!.close(resolve));
    server = client = undefined;
  });

  it('posts the search with the key and answers the parsed body', async () => {
    const seen: { url?: string; auth?: string; body?: unknown } = {};
    let url: string;
    ({ server, url } = await fakeMeili((req, body, res) => {
      Object.assign(seen, { url: req.url, auth: req.headers.authorization, body: JSON.parse(body) });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"hits":[{"id":"s1"}],"totalHits":1}');
    }));
    client = clientFor(url);
    const response = await client.search('bench services', '锂电池', { hitsPerPage: 5 });
    expect(response).toEqual({ hits: [{ id: 's1' }], totalHits: 1 });
    expect(seen).toEqual({
      url: '/indexes/bench%20services/search',
      auth: 'Bearer unit-test-master-key-0001',
      body: { q: '锂电池', hitsPerPage: 5 },
    });
  });

  it("answers Meilisearch's errors as the official client does: a missing index is an empty result", async () => {
    let url: string;
    ({ server, url } = await fakeMeili((_req, _body, res) => {
      res
        .writeHead(404, { 'content-type': 'application/json' })
        .end('{"message":"Index `x` not found.","code":"index_not_found","type":"invalid_request","link":""}');
    }));
    client = clientFor(url);
    const error: unknown = await client.multiSearch([{ indexUid: 'x', q: '' }]).catch((e: unknown) => e);
    expect(isIndexNotFound(error)).toBe(true);
    expect(isMeiliUnavailable(error)).toBe(false);
    await expect(searchOr('empty', () => client!.search('x', '', {}))).resolves.toBe('empty');
  });

  it('a 5xx or an unreachable Meilisearch is "unavailable" (503 SEARCH_UNAVAILABLE)', async () => {
    let url: string;
    ({ server, url } = await fakeMeili((_req, _body, res) => res.writeHead(503).end()));
    client = clientFor(url);
    expect(isMeiliUnavailable(await client.search('x', '', {}).catch((e: unknown) => e))).toBe(true);

    await new Promise((resolve) => server!.close(resolve));
    server = undefined;
    const refused: unknown = await client.search('x', '', {}).catch((e: unknown) => e);
    expect(isMeiliUnavailable(refused)).toBe(true);
    await expect(searchOr(null, () => client!.search('x', '', {}))).rejects.toMatchObject({
      code: 'SEARCH_UNAVAILABLE',
    });
  });
});
