import { doubleMetaphone } from 'double-metaphone';

/**
 * Fuzzy access keys for a token: its double-metaphone codes (sound) and its
 * consonant skeleton (spelling without vowels). The skeleton is what lets an
 * abjad transliteration ("hsyn", from Arabic that writes no short vowels) meet
 * the vowelled Latin spelling ("hussein").
 */
export function phoneticCodes(token: string): string[] {
  if (!/^[a-z]+$/.test(token) || token.length < 2) return [];
  const [primary, secondary] = doubleMetaphone(token);
  return primary === secondary || !secondary ? [primary] : [primary, secondary];
}

export function consonantSkeleton(token: string): string {
  const mapped = token
    .replace(/ck/g, 'k')
    // French spellings of North African names write j as "dj" ("DJAMEL" for جمال).
    .replace(/dj/g, 'j')
    .replace(/ph/g, 'f')
    .replace(/([dtkgs])h/g, '$1')
    .replace(/[qcg]/g, 'k')
    .replace(/v/g, 'w')
    .replace(/x/g, 'ks')
    .replace(/[^a-z]/g, '');
  let out = '';
  for (let i = 0; i < mapped.length; i++) {
    const ch = mapped[i]!;
    if ('aeiouyw'.includes(ch)) continue;
    if (out.endsWith(ch)) continue;
    out += ch;
  }
  return out;
}
