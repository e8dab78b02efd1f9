import type { BirthDate, Identifier } from '../model.js';
import { toCountryCode } from './countries.js';
import { parseLooseDate } from './dates.js';

/** What the OFAC remarks field holds once pulled apart. */
export interface OfacRemarks {
  birthDates: BirthDate[];
  birthPlaces: string[];
  countries: string[];
  identifiers: Identifier[];
  weakAliases: string[];
  gender: 'male' | 'female' | null;
}

// OFAC prints identifiers as "<type> <value> (<issuer>)"; these types carry no
// "No."/"Number" suffix the generic pattern below would recognise.
const NAMED_ID_TYPES = [
  'Passport',
  'SWIFT/BIC',
  'IMO',
  'MMSI',
  'C.U.R.P.',
  'R.F.C.',
  'NIT #',
  'RUC #',
  'D.N.I.',
  'SSN',
  'Cedula No.',
  'Legal Entity Number',
  'Vessel Registration Identification',
  "Aircraft Manufacturer's Serial Number (MSN)",
  'Aircraft Tail Number',
  'Aircraft Construction Number',
  'Unified Social Credit Code (USCC)',
  'Personal ID Card',
  'Tax ID No.',
  'National ID No.',
];
const GENERIC_ID_TYPE = /^([A-Z][A-Za-z.'/&-]*(?: [A-Za-z.'/&()-]+){0,6}? (?:No\.|Number|ID|#|Code))\s+(.+)$/;
const DIGITAL_CURRENCY = /^(Digital Currency Address - [A-Z0-9]+)\s+(\S+)$/;
const IGNORED_ID_TYPES = /^(Website|Email Address|Phone Number|Fax|Telephone)/i;

export function parseOfacRemarks(remarks: string | null): OfacRemarks {
  const out: OfacRemarks = {
    birthDates: [],
    birthPlaces: [],
    countries: [],
    identifiers: [],
    weakAliases: [],
    gender: null,
  };
  if (!remarks) return out;
  for (const rawPart of remarks.replace(/\.\s*$/, '').split(/;\s+/)) {
    const part = rawPart.trim().replace(/^alt\.\s+/i, '');
    readPart(part, out);
  }
  return out;
}

function readPart(part: string, out: OfacRemarks): void {
  let m: RegExpExecArray | null;
  if ((m = /^DOB\s+(.+)$/.exec(part))) {
    const date = parseLooseDate(m[1]!);
    if (date) out.birthDates.push(date);
  } else if ((m = /^POB\s+(.+)$/.exec(part))) {
    out.birthPlaces.push(m[1]!.trim());
  } else if ((m = /^(?:nationality|citizen)\s+(.+)$/i.exec(part))) {
    const code = toCountryCode(m[1]!);
    if (code && !out.countries.includes(code)) out.countries.push(code);
  } else if ((m = /^Gender\s+(Male|Female)$/i.exec(part))) {
    out.gender = m[1]!.toLowerCase() === 'male' ? 'male' : 'female';
  } else if ((m = /^[afn]\.k\.a\.,?\s+'(.+)'$/i.exec(part))) {
    out.weakAliases.push(m[1]!.trim());
  } else if (!IGNORED_ID_TYPES.test(part) && !/^Linked To:/i.test(part)) {
    const identifier = readIdentifier(part);
    if (identifier) out.identifiers.push(identifier);
  }
}

function readIdentifier(part: string): Identifier | null {
  const currency = DIGITAL_CURRENCY.exec(part);
  if (currency) return { type: currency[1]!, value: currency[2]!, country: null };
  let type: string | undefined;
  let rest: string | undefined;
  for (const named of NAMED_ID_TYPES) {
    if (part.startsWith(named + ' ')) {
      type = named;
      rest = part.slice(named.length + 1);
      break;
    }
  }
  if (!type) {
    const generic = GENERIC_ID_TYPE.exec(part);
    if (!generic) return null;
    [type, rest] = [generic[1]!, generic[2]!];
  }
  const withIssuer = /^(.+?)\s+\(([^)]+)\)(?:\s.*)?$/.exec(rest!);
  const value = (withIssuer ? withIssuer[1]! : rest!).trim();
  // A value must look like an identifier, not like prose that happened to follow "Number".
  if (!/\d/.test(value) && !/^[A-Z0-9]{6,11}$/.test(value)) return null;
  if (value.split(' ').length > 4) return null;
  return { type, value, country: withIssuer ? toCountryCode(withIssuer[2]!) : null };
}
