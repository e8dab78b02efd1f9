/**
 * Name particles and honorifics: kept and tagged so they count for little,
 * since "AL" or "DE" matching says almost nothing and missing says nothing.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  'al', 'el', 'ul', 'bin', 'ibn', 'bint', 'ben', 'ould', 'wuld', 'de', 'da', 'di', 'do', 'dos', 'das', 'del', 'della',
  'der', 'den', 'van', 'von', 'la', 'le', 'les', 'lo', 'y', 'e', 'the', 'of', 'and', 'for', 'und', 'et', 'a', 'an',
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sir', 'sheikh', 'shaykh', 'shaikh', 'haji', 'hajji', 'hadji', 'mullah', 'mulla',
  'maulavi', 'mawlawi', 'maulvi', 'qari',
]);
