import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../test/harness.js';

describeEachDialect('response compression', (h) => {
  it('compresses a large JSON answer for a client that accepts it, and says so with Vary', async () => {
    const plain = await h().app.inject({ url: '/openapi.json' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(1024);

    const br = await h().app.inject({ url: '/openapi.json', headers: { 'accept-encoding': 'br, gzip' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['vary']).toMatch(/accept-encoding/i);
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 4);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body);

    const gzip = await h().app.inject({ url: '/openapi.json', headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(plain.body);
  });

  it('leaves small answers and errors as they are, still in the envelope', async () => {
    const small = await h().app.inject({ url: '/livez', headers: { 'accept-encoding': 'br' } });
    expect(small.headers['content-encoding']).toBeUndefined();
    const error = await h().app.inject({ url: '/kyb/companies/', headers: { 'accept-encoding': 'br' } });
    expect(error.statusCode).toBe(401);
    expect(error.json()).toMatchObject({ identifier: 'UNAUTHORIZED' });
  });

  it('never inflates a request body: a gzip-encoded token request is refused and creates nothing', async () => {
    const partner = await h().partner();
    const tokens = () =>
      h()
        .database.db.selectFrom('kyb_tokens')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
    const before = await tokens();
    const body = gzipSync(JSON.stringify({ clientId: 'gzip-client' }));
    const res = await h().app.inject({
      method: 'POST',
      url: '/kyb/tokens/',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip', authorization: partner.auth },
      payload: body,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ identifier: 'JSON_ERROR' });
    expect(await tokens()).toEqual(before);
  });
});
