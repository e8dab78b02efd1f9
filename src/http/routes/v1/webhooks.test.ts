import { expect, it } from 'vitest';
import { api } from '../../../../test/api.js';
import { describeEachDialect, type Harness } from '../../../../test/harness.js';
import { enqueueEvent } from '../../../core/webhooks/enqueue-event.js';

const hook = (overrides: Record<string, unknown> = {}) => ({ url: 'https://hooks.example.com/kyb', eventTypes: ['COMPANY_SUBMIT'], ...overrides });

async function counts(h: Harness) {
  const db = h.database.db;
  const [endpoints, events, deliveries] = await Promise.all([
    db
      .selectFrom('webhook_endpoints')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('webhook_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('webhook_deliveries')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return [Number(endpoints.n), Number(events.n), Number(deliveries.n)];
}

describeEachDialect('/v1/webhooks/', (h) => {
  it('creates, lists, retrieves, changes and deletes a webhook; the signing key is shown only on creation', async () => {
    const partner = await h().partner();
    const call = api(h()).call;
    const created = await call('POST', '/v1/webhooks/', partner.auth, hook({ name: 'Main', headers: { Authorization: 'Bearer x' } }));
    expect(created.status).toBe(201);
    expect(created.json).toEqual({
      id: expect.any(String),
      url: 'https://hooks.example.com/kyb',
      name: 'Main',
      eventTypes: ['COMPANY_SUBMIT'],
      isActive: true,
      headers: { Authorization: 'Bearer x' },
      createdAt: '2026-11-26T10:00:00.000Z',
      updatedAt: '2026-11-26T10:00:00.000Z',
      signingKey: expect.stringMatching(/^whsec_/),
    });
    const { id, signingKey } = created.json;
    const listed = await call('GET', '/v1/webhooks/', partner.auth);
    expect(listed.json).toEqual([{ ...created.json, signingKey: undefined }].map(({ signingKey: _s, ...rest }) => rest));
    const fetched = await call('GET', `/v1/webhooks/${id}/`, partner.auth);
    expect(fetched.json.signingKey).toBeUndefined();
    const row = await h().database.db.selectFrom('webhook_endpoints').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(signingKey.slice(6));
    expect(JSON.stringify(row)).not.toContain('Bearer x');

    h().clock.advance(1000);
    const changed = await call('PATCH', `/v1/webhooks/${id}/`, partner.auth, { eventTypes: ['COMPANY_REVIEW', 'COMPANY_DELETE'], name: null, headers: {} });
    expect(changed.status).toBe(200);
    expect(changed.json).toMatchObject({
      url: 'https://hooks.example.com/kyb',
      name: null,
      eventTypes: ['COMPANY_REVIEW', 'COMPANY_DELETE'],
      headers: {},
      updatedAt: '2026-11-26T10:00:01.000Z',
    });
    expect((await call('DELETE', `/v1/webhooks/${id}/`, partner.auth)).status).toBe(204);
    expect((await call('GET', `/v1/webhooks/${id}/`, partner.auth)).status).toBe(404);
    expect((await call('GET', '/v1/webhooks/', partner.auth)).json).toEqual([]);
  });

  it('rotates the signing key to a new one or a given one, shown once in the answer', async () => {
    const partner = await h().partner();
    const call = api(h()).call;
    const created = await call('POST', '/v1/webhooks/', partner.auth, hook());
    const rotated = await call('POST', `/v1/webhooks/${created.json.id}/rotate-signing-key/`, partner.auth);
    expect(rotated.status).toBe(200);
    expect(rotated.json.signingKey).toMatch(/^whsec_/);
    expect(rotated.json.signingKey).not.toBe(created.json.signingKey);
    const given = await call('POST', `/v1/webhooks/${created.json.id}/rotate-signing-key/`, partner.auth, { signingKey: 'a-key-of-my-own-choosing' });
    expect(given.json.signingKey).toBe('a-key-of-my-own-choosing');
    const bad = await call('POST', `/v1/webhooks/${created.json.id}/rotate-signing-key/`, partner.auth, { signingKey: 'whsec_short' });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json.message)).toEqual(['signingKey']);
  });

  it.each([
    ['an unknown field', hook({ secret: 'x' }), 'secret'],
    ['no event types', hook({ eventTypes: [] }), 'eventTypes'],
    ['an unknown event type', hook({ eventTypes: ['COMPANY_CREATED'] }), 'eventTypes.0'],
    ['the test event type', hook({ eventTypes: ['WEBHOOK_TEST'] }), 'eventTypes.0'],
    ['a repeated event type', hook({ eventTypes: ['COMPANY_SUBMIT', 'COMPANY_SUBMIT'] }), 'eventTypes'],
    ['an ftp URL', hook({ url: 'ftp://hooks.example.com/' }), 'url'],
    ['a relative URL', hook({ url: '/kyb/hook' }), 'url'],
    ['credentials in the URL', hook({ url: 'https://user:pw@hooks.example.com/' }), 'url'],
    ['a header OpenKYB sets', hook({ headers: { 'Idenfy-Signature': 'x' } }), 'headers.Idenfy-Signature'],
    ['a Standard Webhooks header', hook({ headers: { 'webhook-id': 'x' } }), 'headers.webhook-id'],
    ['a content type', hook({ headers: { 'content-type': 'text/plain' } }), 'headers.content-type'],
    ['an invalid header name', hook({ headers: { 'X Bad': 'x' } }), 'headers.X Bad'],
    ['a header value with a line break', hook({ headers: { 'X-A': 'a\r\nX-B: b' } }), 'headers.X-A'],
    ['the same header twice', hook({ headers: { 'X-A': 'a', 'x-a': 'b' } }), 'headers.x-a'],
    ['a short signing key', hook({ signingKey: 'short' }), 'signingKey'],
    ['a whsec_ key that is not base64', hook({ signingKey: 'whsec_@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@' }), 'signingKey'],
    ['a string for isActive', hook({ isActive: 'true' }), 'isActive'],
  ])('rejects %s with 400 and changes nothing', async (_name, body, field) => {
    const partner = await h().partner();
    const before = await counts(h());
    const res = await api(h()).call('POST', '/v1/webhooks/', partner.auth, body);
    expect(res.status).toBe(400);
    expect(res.json.identifier).toBe('VALIDATION_ERROR');
    expect(Object.keys(res.json.message)).toContain(field);
    expect(await counts(h())).toEqual(before);
  });

  it('rejects an invalid change with 400 and keeps the webhook as it was', async () => {
    const partner = await h().partner();
    const call = api(h()).call;
    const created = await call('POST', '/v1/webhooks/', partner.auth, hook());
    for (const body of [{ url: 'gopher://x/' }, { signingKey: 'a-new-key-via-patch' }, { eventTypes: [] }, { headers: { Host: 'x' } }]) {
      expect((await call('PATCH', `/v1/webhooks/${created.json.id}/`, partner.auth, body)).status).toBe(400);
    }
    const { signingKey: _key, ...unchanged } = created.json;
    expect((await call('GET', `/v1/webhooks/${created.json.id}/`, partner.auth)).json).toEqual(unchanged);
  });

  it("answers 404 for another partner's webhook and delivery, and shows each partner only its own", async () => {
    const a = await h().partner('A');
    const b = await h().partner('B');
    const call = api(h()).call;
    const created = await call('POST', '/v1/webhooks/', a.auth, hook());
    const id = created.json.id;
    const test = await call('POST', `/v1/webhooks/${id}/test/`, a.auth);
    expect(test.status).toBe(202);
    const deliveryId = test.json.id;
    const before = await counts(h());
    for (const [method, url, body] of [
      ['GET', `/v1/webhooks/${id}/`],
      ['PATCH', `/v1/webhooks/${id}/`, { isActive: false }],
      ['DELETE', `/v1/webhooks/${id}/`],
      ['POST', `/v1/webhooks/${id}/rotate-signing-key/`],
      ['POST', `/v1/webhooks/${id}/test/`],
      ['GET', `/v1/webhooks/deliveries/${deliveryId}/`],
      ['POST', `/v1/webhooks/deliveries/${deliveryId}/resend/`],
    ] as const) {
      const res = await call(method, url, b.auth, body);
      expect(res.status, `${method} ${url}`).toBe(404);
      expect(res.json.identifier).toBe('NOT_FOUND');
    }
    expect(await counts(h())).toEqual(before);
    expect((await call('GET', '/v1/webhooks/', b.auth)).json).toEqual([]);
    expect((await call('GET', '/v1/webhooks/deliveries/', b.auth)).json).toEqual({ results: [], next: null });
    expect((await call('GET', `/v1/webhooks/deliveries/?webhook=${id}`, b.auth)).json.results).toEqual([]);
    expect((await call('GET', `/v1/webhooks/${id}/`, a.auth)).json.isActive).toBe(true);
  });

  it('requires the partner key pair', async () => {
    for (const [method, url] of [
      ['GET', '/v1/webhooks/'],
      ['POST', '/v1/webhooks/'],
      ['GET', '/v1/webhooks/deliveries/'],
    ] as const) {
      const res = await api(h()).call(method, url, null, method === 'POST' ? hook() : undefined);
      expect(res.status).toBe(401);
      expect(res.json.identifier).toBe('UNAUTHORIZED');
    }
  });

  it('queues a test event for one webhook, whatever it subscribes to, and refuses it for an inactive one', async () => {
    const partner = await h().partner();
    const call = api(h()).call;
    const created = await call('POST', '/v1/webhooks/', partner.auth, hook({ eventTypes: ['SOS_REPORT'] }));
    const test = await call('POST', `/v1/webhooks/${created.json.id}/test/`, partner.auth);
    expect(test.status).toBe(202);
    const now = new Date(h().clock.now()).toISOString();
    expect(test.json).toMatchObject({ webhook: created.json.id, eventType: 'WEBHOOK_TEST', status: 'pending', attemptCount: 0, nextAttemptAt: now });
    const event = await h().database.db.selectFrom('webhook_events').selectAll().where('id', '=', test.json.eventId).executeTakeFirstOrThrow();
    expect(JSON.parse(event.body)).toEqual({ webhook: created.json.id, date: now, message: 'Test event from OpenKYB.' });

    await call('PATCH', `/v1/webhooks/${created.json.id}/`, partner.auth, { isActive: false });
    const refused = await call('POST', `/v1/webhooks/${created.json.id}/test/`, partner.auth);
    expect(refused.status).toBe(409);
    expect(refused.json.identifier).toBe('CONFLICT');
  });

  it('lists deliveries newest first, filtered by status, event type and webhook, in pages', async () => {
    const partner = await h().partner();
    const call = api(h()).call;
    const first = (await call('POST', '/v1/webhooks/', partner.auth, hook({ eventTypes: ['COMPANY_SUBMIT', 'COMPANY_REVIEW'] }))).json.id;
    const second = (await call('POST', '/v1/webhooks/', partner.auth, hook({ eventTypes: ['COMPANY_REVIEW'] }))).json.id;
    for (let i = 0; i < 3; i += 1) {
      h().clock.advance(1000);
      await enqueueEvent(h().database.db, { partnerId: partner.partnerId, eventType: 'COMPANY_SUBMIT', payload: { i }, now: h().clock.now() });
      await enqueueEvent(h().database.db, { partnerId: partner.partnerId, eventType: 'COMPANY_REVIEW', payload: { i }, now: h().clock.now() });
    }
    await h().database.db.updateTable('webhook_deliveries').set({ status: 'failed', next_attempt_at: null }).where('endpoint_id', '=', second).execute();

    const all = await call('GET', '/v1/webhooks/deliveries/?limit=100', partner.auth);
    expect(all.json.results).toHaveLength(9);
    expect(all.json.next).toBeNull();
    const times = all.json.results.map((d: { createdAt: string }) => d.createdAt);
    expect([...times].sort().reverse()).toEqual(times);

    const pages: string[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await call('GET', `/v1/webhooks/deliveries/?limit=4${cursor ? `&cursor=${cursor}` : ''}`, partner.auth);
      expect(page.status).toBe(200);
      pages.push(...page.json.results.map((d: { id: string }) => d.id));
      cursor = page.json.next;
    } while (cursor);
    expect(pages).toEqual(all.json.results.map((d: { id: string }) => d.id));

    const only = async (query: string) => (await call('GET', `/v1/webhooks/deliveries/?limit=100&${query}`, partner.auth)).json.results;
    expect((await only(`webhook=${second}`)).every((d: any) => d.webhook === second)).toBe(true);
    expect(await only(`webhook=${second}`)).toHaveLength(3);
    expect(await only('status=failed')).toHaveLength(3);
    expect(await only('status=pending&eventType=COMPANY_REVIEW')).toHaveLength(3);
    expect((await only(`eventType=COMPANY_SUBMIT&webhook=${first}`)).map((d: any) => d.eventType)).toEqual([
      'COMPANY_SUBMIT',
      'COMPANY_SUBMIT',
      'COMPANY_SUBMIT',
    ]);

    for (const query of ['status=lost', 'limit=0', 'limit=101', 'eventType=NOPE', 'cursor=%21%21', 'webhook=not-a-uuid', 'colour=red']) {
      const res = await call('GET', `/v1/webhooks/deliveries/?${query}`, partner.auth);
      expect(res.status, query).toBe(400);
      expect(res.json.identifier).toBe('VALIDATION_ERROR');
    }
  });
});

describeEachDialect(
  '/v1/webhooks/ with private addresses refused',
  (h) => {
    /** Creating a webhook at `url` is refused with 400 naming why, and stores nothing. */
    const expectRefused = async (url: string, why: RegExp) => {
      const partner = await h().partner();
      const before = await counts(h());
      const res = await api(h()).call('POST', '/v1/webhooks/', partner.auth, hook({ url }));
      expect(res.status).toBe(400);
      expect(res.json.message.url[0]).toMatch(why);
      expect(await counts(h())).toEqual(before);
    };

    it.each([
      'http://127.0.0.1:8080/hook',
      'http://10.1.2.3/hook',
      'http://169.254.169.254/latest/meta-data/',
      'http://[::1]/hook',
      'http://192.168.0.10/hook',
      'http://[fe80::1]/hook',
      'http://100.64.1.1/',
      'http://0.0.0.0/',
      'http://localhost:8080/hook',
    ])('refuses %s with 400 and stores nothing', (url) => expectRefused(url, /points to .* \((loopback|private|link-local|carrier-grade NAT|unspecified)\)/));

    it.each([
      'http://[::127.0.0.1]/',
      'http://[::ffff:0:127.0.0.1]/',
      'http://[::a00:1]/',
      'http://[64:ff9b::a00:1]/',
      'http://[64:ff9b:1::a00:1]/',
      'http://[2002:a00:1::]/',
      'http://[2001::1]/',
    ])('refuses the IPv6 form %s that embeds or tunnels to IPv4, and stores nothing', (url) =>
      expectRefused(url, /points to .* \((IPv4-compatible|IPv4-translated|NAT64|6to4|Teredo)\)/),
    );

    it('refuses a private address on change too, and accepts a public one', async () => {
      const partner = await h().partner();
      const call = api(h()).call;
      const created = await call('POST', '/v1/webhooks/', partner.auth, hook({ url: 'https://93.184.216.34/hook' }));
      expect(created.status).toBe(201);
      const res = await call('PATCH', `/v1/webhooks/${created.json.id}/`, partner.auth, { url: 'http://172.20.0.5/hook' });
      expect(res.status).toBe(400);
      expect((await call('GET', `/v1/webhooks/${created.json.id}/`, partner.auth)).json.url).toBe('https://93.184.216.34/hook');
    });
  },
  { webhookAllowPrivateUrls: false },
);
