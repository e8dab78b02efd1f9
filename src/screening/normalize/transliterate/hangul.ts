/**
 * Hangul to Latin letters, one syllable a word (the normaliser spaces them).
 * Two spellings: the one North Korea's own romanisation and McCune-Reischauer
 * give without diacritics ("김정은" "kim jong un", as OFAC and the UN list DPRK
 * names), and the Revised Romanisation of South Korea ("gim jeong eun"), with
 * the conventional spelling of the commonest surnames ("Lee", "Park", "Choi").
 */

const INITIAL_MR = ['k', 'kk', 'n', 't', 'tt', 'r', 'm', 'p', 'pp', 's', 'ss', '', 'j', 'jj', 'ch', 'kh', 'th', 'ph', 'h'];
const INITIAL_RR = ['g', 'kk', 'n', 'd', 'tt', 'r', 'm', 'b', 'pp', 's', 'ss', '', 'j', 'jj', 'ch', 'k', 't', 'p', 'h'];
const VOWEL_MR = ['a', 'ae', 'ya', 'yae', 'o', 'e', 'yo', 'ye', 'o', 'wa', 'wae', 'oe', 'yo', 'u', 'wo', 'we', 'wi', 'yu', 'u', 'ui', 'i'];
const VOWEL_RR = ['a', 'ae', 'ya', 'yae', 'eo', 'e', 'yeo', 'ye', 'o', 'wa', 'wae', 'oe', 'yo', 'u', 'wo', 'we', 'wi', 'yu', 'eu', 'ui', 'i'];
// Finals as pronounced at the end of a syllable (both systems agree there).
const FINAL = ['', 'k', 'k', 'k', 'n', 'n', 'n', 't', 'l', 'k', 'm', 'l', 'l', 'l', 'p', 'l', 'm', 'p', 'p', 't', 't', 'ng', 't', 't', 'k', 't', 'p', 't'];

const SURNAMES_RR: ReadonlyMap<string, string> = new Map([
  ['김', 'kim'],
  ['이', 'lee'],
  ['박', 'park'],
  ['최', 'choi'],
  ['정', 'jung'],
  ['강', 'kang'],
  ['조', 'cho'],
  ['윤', 'yoon'],
  ['장', 'jang'],
  ['임', 'lim'],
  ['한', 'han'],
  ['오', 'oh'],
  ['신', 'shin'],
  ['권', 'kwon'],
  ['황', 'hwang'],
  ['안', 'ahn'],
  ['류', 'ryu'],
  ['노', 'roh'],
  ['문', 'moon'],
  ['손', 'son'],
  ['배', 'bae'],
  ['백', 'baek'],
  ['허', 'heo'],
  ['유', 'yoo'],
]);

const FIRST = 0xac00;
const LAST = 0xd7a3;

export function transliterateHangul(text: string): string[] {
  let mr = '';
  let rr = '';
  let isNameStart = true;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < FIRST || code > LAST) {
      mr += char;
      rr += char;
      if (/\s/.test(char)) isNameStart = mr.trim() === '';
      continue;
    }
    const offset = code - FIRST;
    const initial = Math.floor(offset / 588);
    const vowel = Math.floor((offset % 588) / 28);
    const final = offset % 28;
    // DPRK writes ㄹ at the start of a name as "r" ("Ri"), ㅇ+ㅣ stays "i".
    mr += INITIAL_MR[initial]! + VOWEL_MR[vowel]! + FINAL[final]!;
    rr += (isNameStart ? SURNAMES_RR.get(char) : undefined) ?? INITIAL_RR[initial]! + VOWEL_RR[vowel]! + FINAL[final]!;
    isNameStart = false;
  }
  return [mr, rr];
}
