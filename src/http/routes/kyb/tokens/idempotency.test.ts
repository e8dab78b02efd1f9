import { expect, it } from 'vitest';
import { api } from '../../../../../test/api.js';
import { describeEachDialect } from '../../../../../test/harness.js';

describeEachDialect('Idempotency-Key on POST /kyb/tokens/', (h) => {
  const body = { tokenType: 'FORM', clientId: 'client-7', tags: ['x'] };

  it('replays the original response for the same key and body, creating one token', async () => {
    const partner = await h().partner();
    const first = await api(h()).createToken(partner, body, { 'idempotency-key': 'order-1' });
    // Same body with other key order and whitespace is the same request.
    const second = await api(h()).createToken(partner, `{ "tags": ["x"], "clientId": "client-7",  "tokenType": "FORM" }`, { 'idempotency-key': 'order-1' });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.json).toEqual(first.json);
    expect(second.headers['idempotent-replayed']).toBe('true');
    const tokens = await h().database.db.selectFrom('kyb_tokens').select('id').where('partner_id', '=', partner.partnerId).execute();
    expect(tokens).toHaveLength(1);
    expect((await api(h()).info(second.json.tokenString)).status).toBe(200);
  });

  it('refuses the same key with a different body, creating nothing', async () => {
    const partner = await h().partner();
    await api(h()).createToken(partner, body, { 'idempotency-key': 'order-2' });
    const res = await api(h()).createToken(partner, { ...body, clientId: 'other' }, { 'idempotency-key': 'order-2' });
    expect(res.status).toBe(422);
    expect(res.json.identifier).toBe('IDEMPOTENCY_KEY_REUSED');
    const tokens = await h().database.db.selectFrom('kyb_tokens').select('id').where('partner_id', '=', partner.partnerId).execute();
    expect(tokens).toHaveLength(1);
  });

  it('keeps keys per partner, and forgets them after 24 hours', async () => {
    const a = await h().partner('A');
    const b = await h().partner('B');
    const fromA = await api(h()).createToken(a, body, { 'idempotency-key': 'shared' });
    const fromB = await api(h()).createToken(b, body, { 'idempotency-key': 'shared' });
    expect(fromB.json.companyId).not.toBe(fromA.json.companyId);
    h().clock.advance(24 * 3600_000 + 1);
    const later = await api(h()).createToken(a, body, { 'idempotency-key': 'shared' });
    expect(later.json.companyId).not.toBe(fromA.json.companyId);
    expect(later.headers['idempotent-replayed']).toBeUndefined();
  });

  it('stores the replayable response encrypted, never the token string in clear', async () => {
    const partner = await h().partner();
    const res = await api(h()).createToken(partner, body, { 'idempotency-key': 'enc' });
    const row = await h().database.db.selectFrom('idempotency_keys').selectAll().where('partner_id', '=', partner.partnerId).executeTakeFirstOrThrow();
    expect(row.response).not.toContain(res.json.tokenString);
  });

  it('creates one token when two requests with the same key race', async () => {
    const partner = await h().partner();
    const [x, y] = await Promise.all([
      api(h()).createToken(partner, body, { 'idempotency-key': 'race' }),
      api(h()).createToken(partner, body, { 'idempotency-key': 'race' }),
    ]);
    expect([x.status, y.status]).toEqual([201, 201]);
    expect(x.json.tokenString).toBe(y.json.tokenString);
    const tokens = await h().database.db.selectFrom('kyb_tokens').select('id').where('partner_id', '=', partner.partnerId).execute();
    expect(tokens).toHaveLength(1);
  });

  it('rejects an idempotency key with control characters or over 255 characters', async () => {
    const partner = await h().partner();
    const long = await api(h()).createToken(partner, body, { 'idempotency-key': 'k'.repeat(256) });
    expect(long.status).toBe(400);
    expect(Object.keys(long.json.message)).toEqual(['headers.idempotency-key']);
  });
});
