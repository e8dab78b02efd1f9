import { describe, expect, it } from 'vitest';
import { fixturePath } from '../../../test/screening/data-dir.js';
import { buildIndex } from '../index/build-index.js';
import { parseList } from './parse-list.js';

/**
 * test/fixtures/screening/peps.ftm.jsonl: PEP data in the FollowTheMoney layout
 * OpenSanctions and Wikidata-derived PEP sets publish (Person with topics,
 * Position with level topics, Occupancy joining them), written by hand from
 * public Wikidata facts (CC0); one record is an operator's own, without office.
 */
describe('FollowTheMoney PEP data', () => {
  const parsed = parseList('ftm', { path: fixturePath('peps.ftm.jsonl') });
  const tierOf = async (id: string) => (await parsed).entities.find((e) => e.id === `ftm:${id}`)?.pepTier;

  it('imports people and organisations, not positions or occupancies', async () => {
    const { entities } = await parsed;
    expect(entities.map((e) => e.id).sort()).toEqual(
      ['pep-brigitte-macron', 'pep-hidalgo', 'pep-macron', 'pep-scholz', 'pep-soeder', 'pep-unplaced', 'org-not-a-pep'].map((id) => `ftm:${id}`).sort(),
    );
  });

  it.each([
    ['pep-macron', 'PEP_TIER_1', 'head of state (occupancy listed before its holder)'],
    ['pep-scholz', 'PEP_TIER_1', 'national legislator'],
    ['pep-soeder', 'PEP_TIER_2', 'regional head of government'],
    ['pep-hidalgo', 'PEP_TIER_3', 'mayor'],
    ['pep-brigitte-macron', 'PEP_TIER_3', 'relative or close associate'],
    ['pep-unplaced', 'PEP_TIER_2', 'PEP whose office the data does not give'],
  ])('gives %s the tier %s (%s)', async (id, tier) => {
    expect(await tierOf(id)).toBe(tier);
  });

  it('gives no tier to an entity that is no PEP, and leaves the field out', async () => {
    const company = (await parsed).entities.find((e) => e.id === 'ftm:org-not-a-pep')!;
    expect(company).toBeDefined();
    expect('pepTier' in company).toBe(false);
  });

  it('carries the tier on a hit, with the qualifiers that agreed', async () => {
    const index = buildIndex((await parsed).entities);
    const [hit] = index.search({ name: 'Emanuel Macron', kind: 'person', birthDate: '1977-12-21', countries: ['FR'] });
    expect(hit).toMatchObject({ entityId: 'ftm:pep-macron', pepTier: 'PEP_TIER_1', isAlert: true });
    expect(hit!.qualifiers.map((q) => `${q.type}:${q.outcome}`)).toEqual(['birth-date:matched', 'country:matched']);
    // Written in Cyrillic, against the Latin name: found through the transliteration or the alias.
    const [cyrillic] = index.search({ name: 'Эммануэль Макрон', kind: 'person' });
    expect(cyrillic?.entityId).toBe('ftm:pep-macron');
  });
});
