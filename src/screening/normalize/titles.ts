import { PERSON_TITLES } from './data/titles.js';

/** Per first word, the titles starting with it as word lists, longest first. */
const BY_FIRST_WORD = new Map<string, string[][]>();
for (const title of Object.values(PERSON_TITLES).flat()) {
  const words = title.split(' ');
  BY_FIRST_WORD.set(
    words[0]!,
    [...(BY_FIRST_WORD.get(words[0]!) ?? []), words].sort((a, b) => b.length - a.length),
  );
}

const SUFFIXES: ReadonlySet<string> = new Set(PERSON_TITLES['suffix']);
/** Articles that make the word after them a family name ("AL-SAYYID", "EL-HAJ"). */
const ARTICLES: ReadonlySet<string> = new Set(['al', 'el', 'ul']);

/**
 * How many words of `words`, from `start`, spell a person's title ("lieutenant colonel": 2); 0 if
 * none, or if the words stand where a title does not: after an article, or ending a longer name
 * (a title precedes the name it qualifies; only suffixes such as "jr" follow it).
 */
export function titleLengthAt(words: readonly string[], start: number): number {
  if (start > 0 && ARTICLES.has(words[start - 1]!)) return 0;
  for (const title of BY_FIRST_WORD.get(words[start]!) ?? []) {
    if (!title.every((w, k) => words[start + k] === w)) continue;
    const isLast = start + title.length === words.length;
    return isLast && start > 0 && !SUFFIXES.has(title.join(' ')) ? 0 : title.length;
  }
  return 0;
}
