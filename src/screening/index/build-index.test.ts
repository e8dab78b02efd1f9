import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { screeningDataDir } from '../../../test/screening/data-dir.js';
import { newEntity, type Entity } from '../model.js';
import { normalizeName } from '../normalize/normalize-name.js';
import { parseList } from '../sources/parse-list.js';
import { buildIndex, withoutOwnAcronym } from './build-index.js';
import { termKey, type IndexData } from './index-data.js';
import { hashKey, oneDeletions, type KeyTable } from './key-table.js';

/**
 * The build is tuned for speed at a million names; what it holds must stay what the plain reading
 * gives: each entity's names normalised (an organisation's also without its own acronym), a name
 * skipped when its words repeat an earlier name of the same entity, terms numbered in order of first use.
 */
function plainReading(entities: readonly Entity[]) {
  const names: { entity: number; full: string; terms: string[] }[] = [];
  const vocabulary: string[] = [];
  const known = new Set<string>();
  entities.forEach((entity, index) => {
    const seen = new Set<string>();
    for (const name of entity.names) {
      const { tokens } = normalizeName(name.full, { isPerson: entity.kind === 'person' });
      const spelledOut = entity.kind === 'person' ? undefined : withoutOwnAcronym(tokens);
      for (const read of spelledOut ? [tokens, spelledOut] : [tokens]) {
        const signature = read.map((t) => t.text).join(' ');
        if (read.length === 0 || seen.has(signature)) continue;
        seen.add(signature);
        const terms = read.map((t) => termKey(t.tag, t.text));
        for (const term of terms) {
          if (known.has(term)) continue;
          known.add(term);
          vocabulary.push(term);
        }
        names.push({ entity: index, full: name.full, terms });
      }
    }
  });
  return { names, vocabulary };
}

function indexed(entities: readonly Entity[]) {
  const data = (buildIndex(entities) as unknown as { data: IndexData }).data;
  const vocabulary = data.terms.map((t) => termKey(t.tag, t.text));
  const names = data.nameFull.map((full, n) => ({
    entity: data.nameEntity[n]!,
    full,
    terms: [...data.tokenTerm.subarray(data.nameTokenStart[n], data.nameTokenStart[n + 1])].map((id) => vocabulary[id]!),
  }));
  return { names, vocabulary, termIds: [...data.termIds.entries()] };
}

function expectPlainReading(entities: readonly Entity[]): void {
  const built = indexed(entities);
  const plain = plainReading(entities);
  expect(built.names).toEqual(plain.names);
  expect(built.vocabulary).toEqual(plain.vocabulary);
  expect(built.termIds).toEqual(plain.vocabulary.map((key, id) => [key, id]));
}

const named = (id: string, kind: Entity['kind'], ...full: string[]) =>
  newEntity({ id, source: 'un', kind, names: full.map((f) => ({ full: f, kind: 'alias', script: 'Latn', isFormer: false })) });

describe('buildIndex holds what the plain reading of the names gives', () => {
  it('skips a name whose words repeat an earlier name of the same entity, not of another entity', () => {
    const entities = [
      named('a', 'person', 'Ivan PETROV', 'Petrov, Ivan', 'ivan petrov', 'I. Petrov', 'Ivan  Petrov.'),
      named('b', 'organisation', 'Acme Trading LLC', 'ACME TRADING L.L.C.', 'Acme Trading', '---'),
      named('c', 'person', 'Ivan Petrov'),
    ];
    expectPlainReading(entities);
    expect(indexed(entities).names.map((n) => n.full)).toEqual(['Ivan PETROV', 'Petrov, Ivan', 'I. Petrov', 'Acme Trading LLC', 'Acme Trading', 'Ivan Petrov']);
  });

  describe('on the provided lists', () => {
    let entities: Entity[];
    beforeAll(async () => {
      const dir = screeningDataDir();
      const lists = await Promise.all([parseList('ofac-sdn', { path: join(dir, 'ofac-sdn') }), parseList('un', { path: join(dir, 'un/consolidated.xml') })]);
      entities = lists.flatMap((l) => l.entities);
    }, 120_000);

    it('gives the same names, tokens and vocabulary', () => expectPlainReading(entities), 120_000);

    it('finds each term under each of its keys, and holds each (key, term) once', () => {
      const data = (buildIndex(entities) as unknown as { data: IndexData }).data;
      const expectHolds = (table: KeyTable, entries: [string, number][]) => {
        for (const [key, id] of entries) {
          const found: number[] = [];
          table.forEach(key, (termId) => found.push(termId));
          expect(found, key).toContain(id);
        }
        expect(table.size).toBe(new Set(entries.map(([key, id]) => `${hashKey(key)}:${id}`)).size);
      };
      const words = data.terms.flatMap((t, id) => (t.tag === 'word' && t.text.length >= 4 ? [[t.text, id] as const] : []));
      expectHolds(
        data.deletionKeys,
        words.flatMap(([text, id]) => [text, ...oneDeletions(text)].map((key): [string, number] => [key, id])),
      );
      expectHolds(
        data.phoneticKeys,
        data.terms.flatMap((t, id) => t.codes.map((code): [string, number] => [code, id])),
      );
      expectHolds(
        data.skeletonKeys,
        data.terms.flatMap((t, id): [string, number][] => (t.skeleton.length >= 2 ? [[t.skeleton, id]] : [])),
      );
    }, 120_000);
  });
});

describe('withoutOwnAcronym', () => {
  const tokensOf = (full: string) => normalizeName(full, { isPerson: false }).tokens;
  const texts = (full: string) =>
    withoutOwnAcronym(tokensOf(full))
      ?.map((t) => t.text)
      .join(' ');

  it('drops a word spelling the initials of the other words, particles counted or not', () => {
    expect(texts('AL-ITIHAAD AL-ISLAMIYA / AIAI')).toBe('al itihaad al islamiya');
    expect(texts('MUHAMMAD JAMAL NETWORK (MJN)')).toBe('muhammad jamal network');
    expect(texts('RAJAH SOLAIMAN ISLAMIC MOVEMENT (RSIM)')).toBe('rajah solaiman islamic movement');
  });

  it('keeps names without one', () => {
    expect(texts('ISLAMIC STATE IN IRAQ AND THE LEVANT')).toBeUndefined();
    expect(texts('AMAL TRADING CENTRE (ATP)')).toBeUndefined();
    expect(texts('SBC TELEVISION')).toBeUndefined();
  });
});
