import { expect, it } from 'vitest';
import { api } from '../../test/api.js';
import { createHarness, describeEachDialect, DIALECTS } from '../../test/harness.js';
import { countRows } from '../../test/rows.js';

describeEachDialect('error envelope', (h) => {
  const envelopeKeys = ['documentation', 'identifier', 'message', 'severity'];

  it('answers an unknown path with 404 NOT_FOUND, and a path without its trailing slash too', async () => {
    const partner = await h().partner();
    for (const url of ['/kyb/nothing/', '/kyb/tokens']) {
      const res = await api(h()).call('POST', url, partner.auth, {});
      expect(res.status).toBe(404);
      expect(Object.keys(res.json).sort()).toEqual(envelopeKeys);
      expect(res.json.identifier).toBe('NOT_FOUND');
    }
  });

  it('answers a known path with another method with 405 and Allow', async () => {
    const res = await api(h()).call('DELETE', '/kyb/tokens/abc/', null);
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('PUT, PATCH');
    expect(res.json.identifier).toBe('METHOD_NOT_ALLOWED');
  });

  it('answers a path that does not decode or has an over-long segment with 404 in the envelope (it names nothing)', async () => {
    const partner = await h().partner();
    for (const [url, status, identifier] of [
      ['/v1/themes/%ZZ/', 404, 'NOT_FOUND'],
      ['/kyb/forms/%/submit/', 404, 'NOT_FOUND'],
      ['/v1/themes/%C0%AE/', 404, 'NOT_FOUND'],
      [`/v1/themes/${'a'.repeat(101)}/`, 404, 'NOT_FOUND'],
    ] as const) {
      const res = await api(h()).call('GET', url, partner.auth);
      expect({ url, status: res.status, keys: Object.keys(res.json ?? {}).sort(), identifier: res.json?.identifier }).toEqual({
        url,
        status,
        keys: envelopeKeys,
        identifier,
      });
    }
  });

  it('reports an unknown field named like an Object method (hasOwnProperty, constructor) as 400, not 500', async () => {
    const partner = await h().partner();
    for (const key of ['hasOwnProperty', 'constructor', 'toString', 'valueOf']) {
      const res = await api(h()).call('POST', '/kyb/tokens/', partner.auth, `{"tokenType":"FORM","clientId":"c","${key}":"x"}`);
      expect({ key, status: res.status, message: res.json.message }).toEqual({ key, status: 400, message: { [key]: ['unknown field'] } });
    }
  });

  it('answers a body that is not JSON with 415, and an oversize body with 413', async () => {
    const partner = await h().partner();
    for (const type of ['application/xml', 'text/plain', 'application/x-www-form-urlencoded']) {
      const res = await h().app.inject({
        method: 'POST',
        url: '/kyb/tokens/',
        headers: { authorization: partner.auth, 'content-type': type },
        payload: 'tokenType=FORM',
      });
      expect(res.statusCode, type).toBe(415);
      expect(JSON.parse(res.body).identifier).toBe('ENCODING_ERROR');
    }
    const big = JSON.stringify({ tokenType: 'FORM', clientId: 'c', externalRef: 'x'.repeat(2 * 1024 * 1024) });
    const res = await api(h()).call('POST', '/kyb/tokens/', partner.auth, big);
    expect(res.status).toBe(413);
    expect(res.json.identifier).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers JSON declared in a charset other than UTF-8 or US-ASCII with 415 naming it, and creates nothing', async () => {
    const partner = await h().partner();
    const body = JSON.stringify({ tokenType: 'FORM', clientId: 'charset-client' });
    const post = (type: string, payload: string | Buffer = body) =>
      h().app.inject({ method: 'POST', url: '/kyb/tokens/', headers: { authorization: partner.auth, 'content-type': type }, payload });
    const before = await countRows(h(), 'kyb_tokens');
    const accented = JSON.stringify({ tokenType: 'FORM', clientId: 'charset-müller' });
    const refused: [string, string, Buffer][] = [
      ['application/json; charset=utf-16', 'utf-16', Buffer.from(body, 'utf16le')],
      ['application/json; charset=UTF-16LE', 'utf-16le', Buffer.from(body, 'utf16le')],
      // Latin-1 beyond ASCII would be misread as UTF-8.
      ['application/json;charset="iso-8859-1"', 'iso-8859-1', Buffer.from(accented, 'latin1')],
      ['application/json; charset=shift_jis', 'shift_jis', Buffer.from(body)],
    ];
    for (const [type, charset, payload] of refused) {
      const res = await post(type, payload);
      expect({ type, status: res.statusCode, body: JSON.parse(res.body) }).toEqual({
        type,
        status: 415,
        body: {
          message: `The charset "${charset}" is not supported: send the JSON body in UTF-8.`,
          identifier: 'ENCODING_ERROR',
          documentation: 'http://openkyb.test/docs/errors#ENCODING_ERROR',
          severity: 'NOT_SEVERE',
        },
      });
    }
    expect(await countRows(h(), 'kyb_tokens')).toBe(before);
    const accepted = [
      'application/json',
      'application/json; charset=utf-8',
      'application/json; charset=UTF-8',
      'Application/JSON; Charset="Utf-8"',
      'application/json; charset=us-ascii',
      // Not a registered name, but what some clients send for UTF-8.
      'application/json; charset=utf8',
      // ASCII alone reads the same in every charset that extends it.
      'application/json; charset=ISO-8859-1',
    ];
    for (const type of accepted) expect({ type, status: (await post(type)).statusCode }).toEqual({ type, status: 201 });
  });

  it('documents every identifier at the documentation link', async () => {
    const res = await api(h()).call('GET', '/kyb/nothing/', null);
    expect(res.json.documentation).toBe('http://openkyb.test/docs/errors#NOT_FOUND');
    const page = await api(h()).call('GET', '/docs/errors', null);
    expect(page.text).toContain('id="NOT_FOUND"');
    expect(page.text).toContain('id="VALIDATION_ERROR"');
  });
});

for (const dialect of DIALECTS) {
  it(`answers an internal failure with 500 INTERNAL_ERROR that leaks nothing [${dialect}]`, async () => {
    const { harness, cleanup } = await createHarness(dialect);
    const partner = await harness.partner();
    await harness.database.destroy();
    const res = await api(harness).createToken(partner, { tokenType: 'FORM', clientId: 'client-of-500' });
    expect(res.status).toBe(500);
    expect(res.json.identifier).toBe('INTERNAL_ERROR');
    expect(res.json.severity).toBe('SEVERE');
    const requestId = res.headers['x-request-id'] as string;
    expect(res.json.message).toBe(`Internal server error (request ${requestId}).`);
    expect(harness.logs.some((line) => line.includes(requestId) && line.includes('unhandled error'))).toBe(true);
    await cleanup().catch(() => {});
  });
}
