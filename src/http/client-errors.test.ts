import net from 'node:net';
import { beforeAll, expect, it } from 'vitest';
import { ESCAPING_ASSET_PATHS, loudLogsSince } from '../../test/asset-escapes.js';
import { describeEachDialect } from '../../test/harness.js';

/** Sends raw bytes over a real socket and reads until the server closes or answers `Connection: close`. */
function rawRequest(port: number, bytes: string | Buffer): Promise<{ status: number; headers: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(bytes));
    let received = '';
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1');
    });
    socket.on('error', reject);
    socket.on('close', () => {
      const [head = '', body = ''] = received.split('\r\n\r\n');
      resolve({ status: Number(head.split(' ')[1]), headers: head, body: Buffer.from(body, 'latin1').toString('utf8') });
    });
  });
}

describeEachDialect('errors raised before any route runs', (h) => {
  let port = 0;
  beforeAll(async () => {
    await h().app.listen({ port: 0, host: '127.0.0.1' });
    port = (h().app.server.address() as net.AddressInfo).port;
  });

  it('answers headers over 16 KB with 431 HEADERS_TOO_LARGE in the envelope', async () => {
    const res = await rawRequest(port, `GET /livez HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(17 * 1024)}\r\n\r\n`);
    expect(res.status).toBe(431);
    expect(res.headers).toMatch(/content-type: application\/json/i);
    expect(JSON.parse(res.body)).toEqual({
      message: 'The request headers exceed 16 KB.',
      identifier: 'HEADERS_TOO_LARGE',
      documentation: 'http://openkyb.test/docs/errors#HEADERS_TOO_LARGE',
      severity: 'NOT_SEVERE',
    });
  });

  it('answers a NUL in a header with 400 BAD_REQUEST in the envelope', async () => {
    const res = await rawRequest(port, Buffer.from('GET /livez HTTP/1.1\r\nHost: x\r\nX-Id: a\u0000b\r\n\r\n', 'latin1'));
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ identifier: 'BAD_REQUEST', severity: 'NOT_SEVERE' });
  });

  it('answers asset paths that climb out of their folder with a 404 and logs nothing above info', async () => {
    const before = h().logs.length;
    for (const url of ESCAPING_ASSET_PATHS) {
      const res = await rawRequest(port, `GET ${url} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
      expect(res.status, url).toBe(404);
      expect(JSON.parse(res.body), url).toMatchObject({ identifier: 'NOT_FOUND', severity: 'NOT_SEVERE' });
    }
    expect(loudLogsSince(h(), before)).toEqual([]);
  });

  it('still serves a real asset over the socket', async () => {
    const page = await rawRequest(port, 'GET /welcome HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    const asset = /src="(\/form\/assets\/[^"]+\.js)"/.exec(page.body)?.[1];
    expect(asset).toBeDefined();
    expect((await rawRequest(port, `GET ${asset} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`)).status).toBe(200);
  });
});
