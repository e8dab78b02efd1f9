import { describe, expect, it } from 'vitest';
import { consonantSkeleton } from './keys.js';
import { normalizeName } from './normalize-name.js';

const texts = (name: string, isPerson = false) => normalizeName(name, { isPerson }).tokens.map((t) => t.text);
const tags = (name: string, isPerson = false) => normalizeName(name, { isPerson }).tokens.map((t) => `${t.text}/${t.tag}`);

describe('normalizeName', () => {
  it('applies NFKC so full-width and ligature forms read as plain letters', () => {
    expect(texts('ＡＢＣ Ｔｒａｄｉｎｇ')).toEqual(['abc', 'trading']);
    expect(texts('ﬁrst')).toEqual(['first']);
  });

  it('transliterates Cyrillic to ASCII', () => {
    expect(texts('Владимир Путин')).toEqual(['vladimir', 'putin']);
    expect(normalizeName('Владимир Путин').script).toBe('Cyrl');
  });

  it('drops Arabic vowel marks and splits the article before transliterating', () => {
    expect(tags('صدّام حسين التكريتي')).toEqual(['sdam/word', 'hsin/word', 'al/stop', 'tkriti/word']);
  });

  it('gives one token per CJK or Hangul syllable', () => {
    expect(texts('習近平')).toEqual(['xi', 'jin', 'ping']);
    expect(texts('김정은')).toEqual(['kim', 'jong', 'un']);
    expect(normalizeName('김정은').alternatives?.[0]?.map((t) => t.text)).toEqual(['kim', 'jeong', 'eun']);
  });

  it('strips diacritics and apostrophes, and splits on hyphens', () => {
    expect(texts('‘ABD AL-RAHMAN BIN ‘UMAYR AL-NU’AYMI')).toEqual(['abd', 'al', 'rahman', 'bin', 'umayr', 'al', 'nuaymi']);
    expect(texts('Ðorđe Šćepanović')).toEqual(['dorde', 'scepanovic']);
  });

  it('tags legal forms with their canonical class instead of deleting them', () => {
    expect(tags('Joint Stock Company Argument')).toEqual(['jsc/legal', 'argument/word']);
    expect(tags('MI FEL, S. DE R.L. DE C.V.')).toEqual(['mi/word', 'fel/word', 'sa/legal']);
    expect(tags('ACME Limited Liability Company')).toEqual(['acme/word', 'llc/legal']);
    expect(texts('OOO Romashka')).toEqual(texts('Romashka LLC').reverse());
  });

  it('keeps a name made only of a legal-form word as a word', () => {
    expect(tags('CORP')).toEqual(['corp/word']);
  });

  it('does not read legal forms into a person name', () => {
    expect(tags('Ao Sa', true)).toEqual(['ao/word', 'sa/word']);
  });

  it('tags particles as stop words and single letters as initials', () => {
    expect(tags('Juan M. de la Cruz', true)).toEqual(['juan/word', 'm/initial', 'de/stop', 'la/stop', 'cruz/word']);
  });
});

describe('consonantSkeleton', () => {
  it('lets an abjad transliteration meet its vowelled Latin spelling', () => {
    expect(consonantSkeleton('hsyn')).toBe(consonantSkeleton('hussein'));
    expect(consonantSkeleton('tkryty')).toBe(consonantSkeleton('tikriti'));
    expect(consonantSkeleton('qadhafi')).toBe(consonantSkeleton('gaddafi'));
  });
});
