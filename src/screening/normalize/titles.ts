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

/** How many words of `words`, from `start`, spell a person's title ("lieutenant colonel": 2); 0 if none. */
export function titleLengthAt(words: readonly string[], start: number): number {
  for (const title of BY_FIRST_WORD.get(words[start]!) ?? []) {
    if (title.every((w, k) => words[start + k] === w)) return title.length;
  }
  return 0;
}
