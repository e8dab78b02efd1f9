import type { Dataset } from '../dataset.js';
import { addressOf, companyStatusOf, type CompanyData } from '../company-data.js';
import { nameKeys, numberKey } from '../keys.js';
import { csvRecords, dateInFileName } from '../read-file.js';

const REQUIRED = ['CompanyName', 'CompanyNumber', 'CompanyCategory', 'CompanyStatus', 'IncorporationDate', 'DissolutionDate', 'RegAddress.PostCode'];
const SIC = ['SICCode.SicText_1', 'SICCode.SicText_2', 'SICCode.SicText_3', 'SICCode.SicText_4'];
const PREVIOUS_NAMES = Array.from({ length: 10 }, (_, i) => `PreviousName_${i + 1}.CompanyName`);

/** "29/07/2020" as "2020-07-29"; "" as undefined; anything else rejects the file. */
export function ukDate(text: string | undefined, line: number, column: string): string | undefined {
  if (!text) return undefined;
  const match = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text);
  if (!match) throw new Error(`line ${line}: ${column} "${text}" is not a dd/mm/yyyy date`);
  return `${match[3]}-${match[2]}-${match[1]}`;
}

/**
 * Companies House "Free Company Data Product" (BasicCompanyDataAsOneFile-YYYY-MM-DD.csv, or one of
 * its parts): 55 quoted columns, some header names padded with a space, dd/mm/yyyy dates.
 */
export const ukBasicDataset: Dataset = {
  id: 'uk-basic',
  table: 'registry_companies',
  async *read(path, counter, state) {
    state.publishedAt = dateInFileName(path);
    for await (const { line, value: r } of csvRecords(path, counter, REQUIRED)) {
      const number = r('CompanyNumber');
      const name = r('CompanyName');
      if (!number || !name) throw new Error(`line ${line}: a company without a name or a number`);
      const keys = nameKeys(name);
      const address = addressOf(
        'registered',
        [
          r('RegAddress.CareOf') && `c/o ${r('RegAddress.CareOf')}`,
          r('RegAddress.POBox') && `PO Box ${r('RegAddress.POBox')}`,
          r('RegAddress.AddressLine1'),
          r('RegAddress.AddressLine2'),
          r('RegAddress.County'),
        ],
        r('RegAddress.PostTown'),
        r('RegAddress.PostCode'),
        r('RegAddress.Country'),
      );
      const data: CompanyData = {
        addresses: address ? [address] : [],
        activityCodes: SIC.map((column) => r(column)).filter((sic) => sic !== '' && sic !== 'None Supplied'),
      };
      const previousNames = PREVIOUS_NAMES.map((column) => r(column)).filter(Boolean);
      if (previousNames.length > 0) data.previousNames = previousNames;
      const dissolvedOn = ukDate(r('DissolutionDate'), line, 'DissolutionDate');
      if (dissolvedOn) data.dissolvedOn = dissolvedOn;
      yield {
        country: 'GB',
        number,
        number_key: numberKey(number),
        name,
        search_text: keys.searchText,
        name_key: keys.nameKey,
        status: companyStatusOf(r('CompanyStatus')),
        legal_form: r('CompanyCategory') || null,
        incorporated_on: ukDate(r('IncorporationDate'), line, 'IncorporationDate') ?? null,
        registered_number_key: null,
        data: JSON.stringify(data),
      };
    }
  },
};
