import { expect, it } from 'vitest';
import { api } from '../../../../../test/api.js';
import { contractErrors } from '../../../../../test/contract.js';
import { describeEachDialect } from '../../../../../test/harness.js';

describeEachDialect('PUT and PATCH /kyb/tokens/{tokenString}/', (h) => {
  async function token(tags = ['a', 'b'], scanRefs: string[] | null = ['s1']) {
    const partner = await h().partner();
    const res = await api(h()).createToken(partner, { tokenType: 'FORM', clientId: 'c', tags, scanRefs });
    return { partner, tokenString: res.json.tokenString as string, url: `/kyb/tokens/${res.json.tokenString}/` };
  }

  it('PATCH changes only the fields it names', async () => {
    const { partner, url } = await token();
    const res = await api(h()).call('PATCH', url, partner.auth, { scanRefs: ['s2', 's3'] });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ tags: ['a', 'b'], scanRefs: ['s2', 's3'] });
    expect(contractErrors('KybTokenUpdate', res.json)).toEqual([]);
    const tagsOnly = await api(h()).call('PATCH', url, partner.auth, { tags: [] });
    expect(tagsOnly.json).toEqual({ tags: [], scanRefs: ['s2', 's3'] });
  });

  it('PUT replaces both fields, resetting the ones it leaves out', async () => {
    const { partner, url } = await token();
    const res = await api(h()).call('PUT', url, partner.auth, { tags: ['t'.repeat(32)] });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ tags: ['t'.repeat(32)], scanRefs: null });
    expect(contractErrors('KybTokenUpdate', res.json)).toEqual([]);
  });

  it('persists the change', async () => {
    const { partner, url } = await token();
    await api(h()).call('PATCH', url, partner.auth, { tags: ['kept'] });
    const row = await h().database.db.selectFrom('kyb_tokens').select('tags').where('partner_id', '=', partner.partnerId).executeTakeFirstOrThrow();
    expect(JSON.parse(row.tags)).toEqual(['kept']);
  });

  it.each([
    [{ tags: ['a', 'b', 'c', 'd', 'e', 'f'] }, 'tags', 'must have at most 5 items'],
    [{ tags: ['a,b'] }, 'tags.0', 'must not contain commas'],
    [{ tags: ['t'.repeat(33)] }, 'tags.0', 'must be at most 32 characters'],
    [{ scanRefs: ['s'.repeat(41)] }, 'scanRefs.0', 'must be at most 40 characters'],
    [{ scanRefs: 'abc' }, 'scanRefs', 'must be of type array'],
    [{ tokenType: 'FORM' }, 'tokenType', 'unknown field'],
  ])('rejects %j and changes nothing', async (body, field, message) => {
    const { partner, url } = await token();
    for (const method of ['PUT', 'PATCH']) {
      const res = await api(h()).call(method, url, partner.auth, body);
      expect(res.status).toBe(400);
      expect(res.json.message[field]).toContain(message);
    }
    const row = await h()
      .database.db.selectFrom('kyb_tokens')
      .select(['tags', 'scan_refs'])
      .where('partner_id', '=', partner.partnerId)
      .executeTakeFirstOrThrow();
    expect([JSON.parse(row.tags), JSON.parse(row.scan_refs)]).toEqual([['a', 'b'], ['s1']]);
  });

  it('answers 404 to another partner, and to an unknown token, changing nothing', async () => {
    const { url } = await token();
    const other = await h().partner('Other');
    const res = await api(h()).call('PATCH', url, other.auth, { tags: ['stolen'] });
    expect(res.status).toBe(404);
    expect(res.json.identifier).toBe('NOT_FOUND');
    expect((await api(h()).call('PUT', '/kyb/tokens/unknown/', other.auth, {})).status).toBe(404);
  });

  it('requires the partner key pair: a Bearer token is refused', async () => {
    const { tokenString, url } = await token();
    const res = await api(h()).call('PATCH', url, `Bearer ${tokenString}`, { tags: [] });
    expect(res.status).toBe(401);
    expect(res.json.identifier).toBe('UNAUTHORIZED');
  });
});
