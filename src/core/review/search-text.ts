import anyAscii from 'any-ascii';

/**
 * Text folded for search: transliterated to ASCII (accents dropped, other scripts spelled in
 * Latin letters), lower case, runs of spaces collapsed. Stored and queried alike, so `q`
 * finds "Šiaulių bankas" with "siauliu".
 */
export function foldSearch(text: string): string {
  return anyAscii(text.normalize('NFKC')).toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * The company columns the list filters on, computed whenever the company info is written
 * (create and update of the form), so the list never parses the info JSON.
 */
export function companySearchColumns(info: { companyName: string; registrationNumber?: string | null }): {
  search_text: string;
  registration_number: string | null;
} {
  const registrationNumber = info.registrationNumber?.trim() || null;
  return {
    search_text: [foldSearch(info.companyName), registrationNumber ? foldSearch(registrationNumber) : ''].join(' ').trim(),
    registration_number: registrationNumber,
  };
}
