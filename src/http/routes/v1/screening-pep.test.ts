import { beforeAll, expect, it } from 'vitest';
import { api } from '../../../../test/api.js';
import { describeEachDialect } from '../../../../test/harness.js';
import { fixturePath } from '../../../../test/screening/data-dir.js';
import { importList } from '../../../core/screening/import-list.js';

describeEachDialect('screening against PEP data in FollowTheMoney form', (h) => {
  beforeAll(async () => {
    await importList({ ctx: h().ctx, input: { source: 'ftm', path: fixturePath('peps.ftm.jsonl') } });
    await h().screening.reload();
  });

  it('answers a search with the PEP tier and the fields that agreed', async () => {
    const partner = await h().partner();
    const res = await api(h()).call('POST', '/v1/screening/search', partner.auth, {
      name: 'Emmanuel Macron',
      kind: 'person',
      birthDate: '1977-12-21',
      countries: ['FR'],
    });
    expect(res.status).toBe(200);
    expect(res.json.hits[0]).toMatchObject({ entityId: 'ftm:pep-macron', pepTier: 'PEP_TIER_1', isAlert: true });
    expect(res.json.hits[0].qualifiers.map((q: { type: string; outcome: string }) => `${q.type}:${q.outcome}`)).toEqual([
      'birth-date:matched',
      'country:matched',
    ]);
  });

  it('lowers a namesake born in another year below the alert', async () => {
    const partner = await h().partner();
    const res = await api(h()).call('POST', '/v1/screening/search', partner.auth, { name: 'Anne Hidalgo', kind: 'person', birthDate: '1990', threshold: 0.5 });
    expect(res.status).toBe(200);
    const hit = res.json.hits.find((x: { entityId: string }) => x.entityId === 'ftm:pep-hidalgo');
    expect(hit).toMatchObject({ pepTier: 'PEP_TIER_3', qualifiers: [expect.objectContaining({ type: 'birth-date', outcome: 'mismatched' })] });
    expect(hit.score).toBeLessThan(hit.nameScore);
  });

  it('leaves the tier out of hits on entities that are no PEP', async () => {
    const partner = await h().partner();
    const res = await api(h()).call('POST', '/v1/screening/search', partner.auth, { name: 'Exemple Conseil SAS', kind: 'organisation' });
    expect(res.json.hits[0]?.entityId).toBe('ftm:org-not-a-pep');
    expect('pepTier' in res.json.hits[0]).toBe(false);
  });
});
