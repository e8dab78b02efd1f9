import { describe, expect, it } from 'vitest';
import { consonantSkeleton } from './keys.js';
import { legalFormTable, normalizeName } from './normalize-name.js';

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

describe('normalizeName: acronyms, titles, initials and legal forms (issue 13)', () => {
  it('keeps a dotted acronym one word and the legal form after it a legal form', () => {
    expect(tags('INMOBILIARIA U.M.V. S.A.')).toEqual(['inmobiliaria/word', 'umv/word', 'sa/legal']);
    expect(texts('Inmobiliaria UMV Sociedad Anonima')).toEqual(texts('INMOBILIARIA U.M.V. S.A.'));
    expect(tags('J.R. Smith', true)).toEqual(['j/initial', 'r/initial', 'smith/word']);
  });

  it('splits a dotted acronym glued to the word before it, so the legal form after it is still read', () => {
    expect(tags('GADS.A.')).toEqual(['gad/word', 'sa/legal']);
    expect(tags('HD COLLECTION, S.A. DEC.V.')).toEqual(tags('HD COLLECTION, S.A. DE C.V.'));
    expect(tags('CONSTRUCTORAH.L.T.')).toEqual(['constructora/word', 'hlt/word']);
    expect(tags('A.B. Smith', true)).toEqual(['a/initial', 'b/initial', 'smith/word']);
  });

  it('reads a title after an article or ending a name as a family name, a suffix as a particle', () => {
    expect(tags('AL-SAYYID, Ibrahim Amin', true)).toEqual(['al/stop', 'sayyid/word', 'ibrahim/word', 'amin/word']);
    expect(tags('SADUDDIN SAYYED', true)).toEqual(['saduddin/word', 'sayyed/word']);
    expect(tags('NASRALLAH, Sayyed Hassan', true)).toEqual(['nasrallah/word', 'sayyed/stop', 'hassan/word']);
    expect(tags('John Smith Jr', true)).toEqual(['john/word', 'smith/word', 'jr/stop']);
  });

  it('tags military, political, religious and honorific titles as particles in a person name only', () => {
    expect(tags('Lieutenant Colonel Muammar al-Qaddafi', true)).toEqual(['lieutenant/stop', 'colonel/stop', 'muammar/word', 'al/stop', 'qaddafi/word']);
    expect(tags('Sayyed Hassan Nasrallah', true)[0]).toBe('sayyed/stop');
    expect(tags('Presidente Nicolas Maduro', true)[0]).toBe('presidente/stop');
    expect(tags('General Trading LLC')).toEqual(['general/word', 'trading/word', 'llc/legal']);
  });

  it('reads a single letter as an initial only in a person name written in an alphabet', () => {
    expect(tags('I Logistics GmbH')).toEqual(['i/word', 'logistics/word', 'gmbh/legal']);
    expect(tags('이민호', true)).toEqual(['i/word', 'min/word', 'ho/word']);
  });

  it('recognises legal forms in the languages and transliterations of the ISO 20275 list', () => {
    expect(texts('ACME Gesellschaft mit beschraenkter Haftung')).toEqual(texts('ACME GmbH'));
    expect(texts('ACME Gesellschaft mit beschränkter Haftung')).toEqual(texts('ACME GmbH'));
    expect(texts('Acme Spółka z ograniczoną odpowiedzialnością')).toEqual(texts('Acme LLC'));
    expect(texts('ACME Ανώνυμη Εταιρία')).toEqual(texts('Acme Anónimi Etería'));
    expect(texts('Acme eingetragener Verein')).toEqual(texts('Acme e.V.'));
    expect(texts('Acme Besloten vennootschap')).toEqual(texts('Acme B.V.'));
    expect(tags('Acme Osakeyhtiö')).toEqual(['acme/word', 'kg/legal']);
  });
});

describe('consonantSkeleton', () => {
  it('lets an abjad transliteration meet its vowelled Latin spelling', () => {
    expect(consonantSkeleton('hsyn')).toBe(consonantSkeleton('hussein'));
    expect(consonantSkeleton('tkryty')).toBe(consonantSkeleton('tikriti'));
    expect(consonantSkeleton('qadhafi')).toBe(consonantSkeleton('gaddafi'));
  });
});

describe('legal-form typos', () => {
  it('checks a word for legal-form typos against the long words within their budget of its length, in list order', () => {
    const table = legalFormTable();
    for (let length = 6; length <= 24; length++) {
      const expected = table.longWords
        .filter(([spelling]) => Math.abs(spelling.length - length) <= (spelling.length >= 9 ? 2 : 1))
        .map(([spelling, canonical]) => `${spelling}/${canonical}`);
      expect(table.longWordsNear(length).map(([spelling, canonical]) => `${spelling}/${canonical}`)).toEqual(expected);
    }
    expect(tags('Acme Limtied')).toEqual(['acme/word', 'ltd/legal']);
  });
});
