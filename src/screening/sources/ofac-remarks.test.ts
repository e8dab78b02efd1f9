import { describe, expect, it } from 'vitest';
import { parseOfacRemarks } from './ofac-remarks.js';

describe('parseOfacRemarks', () => {
  it('pulls every date of birth apart, with its precision, approximation and range', () => {
    const parsed = parseOfacRemarks('DOB 14 Mar 1974; alt. DOB Apr 1974; alt. DOB circa 1970; alt. DOB 1960 to 1962; POB Zanzibar, Tanzania.');
    expect(parsed.birthDates).toEqual([
      { value: '1974-03-14', precision: 'day', isApproximate: false, rangeTo: null },
      { value: '1974-04', precision: 'month', isApproximate: false, rangeTo: null },
      { value: '1970', precision: 'year', isApproximate: true, rangeTo: null },
      { value: '1960', precision: 'year', isApproximate: false, rangeTo: '1962' },
    ]);
    expect(parsed.birthPlaces).toEqual(['Zanzibar, Tanzania']);
  });

  it('reads nationality and citizenship as ISO codes', () => {
    expect(parseOfacRemarks('nationality Iran; citizen Korea, North; alt. nationality Russia.').countries).toEqual(['IR', 'KP', 'RU']);
  });

  it('reads identifiers with their type and issuing country, and skips contact details and links', () => {
    const parsed = parseOfacRemarks(
      'Passport A1234567 (Iran) expires 2020; Tax ID No. 7707083893 (Russia); SWIFT/BIC SABRRUMM; ' +
        'IMO 9187629; Website www.example.com; Email Address x@example.com; Linked To: SOME BANK; ' +
        'Digital Currency Address - XBT 1Kx7YcRpCdLXaJWj; Folio Mercantil No. 578 (Mexico).',
    );
    expect(parsed.identifiers).toEqual([
      { type: 'Passport', value: 'A1234567', country: 'IR' },
      { type: 'Tax ID No.', value: '7707083893', country: 'RU' },
      { type: 'SWIFT/BIC', value: 'SABRRUMM', country: null },
      { type: 'IMO', value: '9187629', country: null },
      { type: 'Digital Currency Address - XBT', value: '1Kx7YcRpCdLXaJWj', country: null },
      { type: 'Folio Mercantil No.', value: '578', country: 'MX' },
    ]);
  });

  it('treats quoted a.k.a. names as weak aliases, keeping apostrophes inside them', () => {
    expect(parseOfacRemarks("a.k.a. 'ABU YASIR'; a.k.a. ''ABD-AL-'IZ'; Gender Male.")).toMatchObject({
      weakAliases: ['ABU YASIR', "'ABD-AL-'IZ"],
      gender: 'male',
    });
  });

  it('returns empty fields for no remarks', () => {
    expect(parseOfacRemarks(null)).toEqual({ birthDates: [], birthPlaces: [], countries: [], identifiers: [], weakAliases: [], gender: null });
  });
});
