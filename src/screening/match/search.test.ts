import { describe, expect, it } from 'vitest';
import { buildIndex } from '../index/build-index.js';
import { newEntity, type Entity } from '../model.js';
import { PRODUCTION_THRESHOLD } from './search.js';

function entity(id: string, kind: Entity['kind'], names: [string, Entity['names'][number]['kind']][], extra: Partial<Entity> = {}): Entity {
  return newEntity({ id, source: 'ofac-sdn', kind, names: names.map(([full, k]) => ({ full, kind: k, script: 'Latn', isFormer: false })), ...extra });
}

const index = buildIndex([
  entity('p:maduro', 'person', [['MADURO MOROS, Nicolas', 'primary']], {
    birthDates: [{ value: '1962-11-23', precision: 'day', isApproximate: false, rangeTo: null }],
    countries: ['VE'],
    identifiers: [{ type: 'Passport', value: 'V-5892464', country: 'VE' }],
  }),
  entity('p:habbash', 'person', [['HABBASH, George', 'primary']]),
  entity(
    'p:sasha',
    'person',
    [
      ['KUZNETSOV, Pavel Igorevich', 'primary'],
      ['ALEXANDER PETROV', 'weak-alias'],
    ],
    { identifiers: [{ type: 'Passport', value: '717637093', country: 'RU' }] },
  ),
  entity('o:11420', 'organisation', [['11420 CORP.', 'primary']]),
  entity('o:emma', 'organisation', [['EMMA LLC', 'primary']]),
  entity('o:argument', 'organisation', [['JSC ARGUMENT', 'primary']]),
  entity('o:bank', 'organisation', [
    ['BANCO NACIONAL DE CUBA', 'primary'],
    ['NATIONAL BANK OF CUBA', 'alias'],
  ]),
  entity('o:jordan', 'organisation', [['JORDAN TRADING COMPANY', 'primary']]),
  entity('p:jordan', 'person', [['JORDAN, Michael', 'primary']]),
  ...Array.from({ length: 40 }, (_, i) => entity(`filler:${i}`, 'person', [[`PERSON${i} FILLER${i % 7} CORP${i}`, 'primary']])),
]);
const top = (name: string, kind: 'person' | 'organisation' | 'any' = 'any') => index.search({ name, kind }, { threshold: 0 })[0];
const hitFor = (id: string, name: string, kind: 'person' | 'organisation' | 'any' = 'any') =>
  index.search({ name, kind }, { threshold: 0, limit: 50 }).find((h) => h.entityId === id);

describe('search: Watchman issue regressions', () => {
  it('does not alert "BELLETECH CORP" on "11420 CORP." (a shared legal form is not a match)', () => {
    expect(hitFor('o:11420', 'BELLETECH CORP')?.isAlert ?? false).toBe(false);
  });

  it('does not alert "emma daniels" on "EMMA LLC"', () => {
    expect(hitFor('o:emma', 'emma daniels')?.isAlert ?? false).toBe(false);
  });

  it('does not alert "George Bush" on "George Habbash"', () => {
    expect(hitFor('p:habbash', 'George Bush', 'person')?.isAlert ?? false).toBe(false);
  });

  it('alerts "JSCARGUMENT" on "JSC ARGUMENT" by splitting the glued token', () => {
    const hit = top('JSCARGUMENT');
    expect(hit).toMatchObject({ entityId: 'o:argument', isAlert: true });
    expect(hit!.tokenPairs.map((p) => p.listed).sort()).toEqual(['argument', 'jsc']);
  });

  it('alerts "Nicolas Maduro" on "MADURO MOROS, Nicolas" despite the dropped second surname', () => {
    expect(top('Nicolas Maduro', 'person')).toMatchObject({ entityId: 'p:maduro', isAlert: true });
  });
});

describe('search: scoring', () => {
  it('tolerates a typo and explains the token pairs', () => {
    const hit = top('Nicolas Madura', 'person')!;
    expect(hit.isAlert).toBe(true);
    expect(hit.tokenPairs).toContainEqual({ query: 'madura', listed: 'maduro', similarity: expect.any(Number), kind: 'edit' });
    expect(hit.unmatchedListed).toEqual(['moros']);
  });

  it('ranks a legal-form variant of a company name as an alert', () => {
    expect(top('Jordan Trading Co.', 'organisation')).toMatchObject({ entityId: 'o:jordan', isAlert: true });
  });

  it('never alerts on a weak alias alone', () => {
    const hit = hitFor('p:sasha', 'Alexander Petrov', 'person')!;
    expect(hit.nameKind).toBe('weak-alias');
    expect(hit.score).toBeGreaterThanOrEqual(PRODUCTION_THRESHOLD);
    expect(hit.isAlert).toBe(false);
  });

  it('lets a weak alias alert when an identifier confirms it', () => {
    const hit = index
      .search({ name: 'Alexander Petrov', kind: 'person', identifiers: ['717 637 093'] }, { threshold: 0 })
      .find((h) => h.entityId === 'p:sasha')!;
    expect(hit.isAlert).toBe(true);
    expect(hit.qualifiers).toContainEqual({ type: 'identifier', outcome: 'matched', detail: 'Passport 717637093' });
  });

  it('keeps people and organisations apart when the query says which it is', () => {
    expect(index.search({ name: 'Jordan Trading', kind: 'person' }, { threshold: 0 }).every((h) => h.entityKind === 'person')).toBe(true);
    expect(index.search({ name: 'Michael Jordan', kind: 'organisation' }, { threshold: 0 }).every((h) => h.entityKind !== 'person')).toBe(true);
  });

  it('lowers a hit whose date of birth differs and raises one whose date matches', () => {
    const same = index.search({ name: 'Nicolas Maduro', kind: 'person', birthDate: '1962-11-23' }, { threshold: 0 })[0]!;
    const other = index.search({ name: 'Nicolas Maduro', kind: 'person', birthDate: '1990' }, { threshold: 0 })[0]!;
    expect(same.score).toBeGreaterThan(same.nameScore);
    expect(other.score).toBeLessThan(other.nameScore);
    expect(other.qualifiers).toContainEqual({ type: 'birth-date', outcome: 'mismatched', detail: '1990 vs 1962-11-23' });
    expect(same.qualifiers.find((q) => q.type === 'birth-date')?.outcome).toBe('matched');
  });

  it('reports country agreement as a qualifier', () => {
    const hit = index.search({ name: 'Nicolas Maduro', kind: 'person', countries: ['ve'] }, { threshold: 0 })[0]!;
    expect(hit.qualifiers).toContainEqual({ type: 'country', outcome: 'matched', detail: 'VE' });
  });

  it('returns nothing for an empty or punctuation-only name', () => {
    expect(index.search({ name: ' ,.- ' })).toEqual([]);
  });

  it('respects threshold and limit', () => {
    expect(index.search({ name: 'Nicolas Maduro' }, { threshold: 0.99 })).toEqual([]);
    expect(index.search({ name: 'filler1 corp1' }, { threshold: 0, limit: 2 })).toHaveLength(2);
  });
});
