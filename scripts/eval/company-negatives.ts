import type { EvalCase } from './cases.js';
import { readEvalCsv } from './cases.js';
import { LEGAL_FORM_GROUPS } from './legal-form-spellings.js';
import { pick, seededRandom } from './prng.js';

/**
 * Clean company names, none of them listed, built from the patterns real
 * registers are full of: a family name and a trade ("Okafor Logistics Ltd"),
 * two partners ("Weber & Schmidt GmbH"), a place-like adjective ("Northern
 * Star Trading LLC"), an owner's full name, initials. Family and given names
 * come from the synthetic person negatives (real name distributions from
 * many countries), legal forms from the evaluation's own spellings.
 */
const TRADES = [
  'Trading',
  'Logistics',
  'Holdings',
  'Consulting',
  'Construction',
  'Engineering',
  'Shipping',
  'Services',
  'Technologies',
  'Solutions',
  'Investments',
  'Capital',
  'Partners',
  'Group',
  'Import Export',
  'Textiles',
  'Foods',
  'Pharma',
  'Energy',
  'Oil and Gas',
  'Motors',
  'Electronics',
  'Real Estate',
  'Properties',
  'Development',
  'Marketing',
  'Media',
  'Software',
  'Systems',
  'Industries',
  'Manufacturing',
  'Agro',
  'Transport',
  'Travel',
  'Hotels',
  'Bau',
  'Immobilien',
  'Handel',
  'Transportes',
  'Inmobiliaria',
  'Constructora',
  'Comercial',
  'Servicios',
  'Metals',
  'Chemicals',
  'Mining',
  'Security',
  'Finance',
  'Insurance',
  'Healthcare',
  'Dental',
  'Bakery',
  'Furniture',
];
const ADJECTIVES = [
  'Global',
  'United',
  'First',
  'National',
  'International',
  'Golden',
  'Green',
  'Royal',
  'Pacific',
  'Atlantic',
  'Eastern',
  'Western',
  'Northern',
  'Southern',
  'Central',
  'Premier',
  'Prime',
  'Alpha',
  'Delta',
  'Omega',
  'Blue',
  'Silver',
  'New',
  'Modern',
  'Smart',
  'Digital',
  'Star',
  'Sun',
  'Ocean',
  'River',
  'Mountain',
  'Crystal',
  'Eagle',
  'Lion',
  'Phoenix',
  'Horizon',
  'Summit',
  'Pioneer',
  'Liberty',
  'Unity',
];
const LETTERS = 'ABCDEFGHIJKLMNOPRSTUVW';

export function companyNegatives(dataDir: string, count: number, seed: number): EvalCase[] {
  const random = seededRandom(seed);
  const rows = readEvalCsv(dataDir, 'negatives_global_50k.csv') as unknown as { first_name: string; last_name: string }[];
  const latin = rows.filter((r) => /^[A-Za-z' -]+$/.test(`${r.first_name}${r.last_name}`) && r.last_name);
  const surname = () => pick(random, latin).last_name;
  const form = () => pick(random, pick(random, LEGAL_FORM_GROUPS));
  const patterns = [
    () => `${surname()} ${pick(random, TRADES)} ${form()}`,
    () => `${surname()} & ${surname()} ${form()}`,
    () => `${pick(random, ADJECTIVES)} ${pick(random, ADJECTIVES)} ${pick(random, TRADES)} ${form()}`,
    () => `${pick(random, ADJECTIVES)} ${pick(random, TRADES)} ${form()}`,
    () => {
      const owner = pick(random, latin);
      return `${owner.first_name} ${owner.last_name} ${pick(random, TRADES)} ${form()}`;
    },
    () => `${[0, 1, 2].map(() => pick(random, [...LETTERS])).join('')} ${pick(random, TRADES)} ${form()}`,
    () => `${surname()} ${pick(random, TRADES)}`,
  ];
  const seen = new Set<string>();
  const out: EvalCase[] = [];
  while (out.length < count) {
    const query = pick(random, patterns)();
    if (seen.has(query)) continue;
    seen.add(query);
    out.push({ query, kind: 'organisation', targetId: null, treatment: 'generated company', script: 'Latn' });
  }
  return out;
}
