import type { RegistryFiling, RegistryPerson, RegistryProfile } from '../provider.js';

/**
 * The sandbox's seeded registers. Every country has the same set of magic numbers: a fixed
 * prefix and a three-digit outcome code (docs/registries.md lists them all). A number in the
 * country's format with any other code is "not found"; a number outside the format is rejected.
 */
export interface SandboxCountry {
  country: string;
  /** The register's number format, after spaces and dashes are removed (upper case). */
  format: RegExp;
  /** Magic numbers are `prefix + code`. */
  prefix: string;
  legalForm: string;
  /** The suffix a company name carries in this country. */
  suffix: string;
  city: string;
  postCode: string;
  street: string;
  activityCodes: string[];
  /** Whether this register's filing history is free (Companies House's is). */
  freeFilings: boolean;
  currency: string;
}

export const SANDBOX_COUNTRIES: readonly SandboxCountry[] = [
  {
    country: 'GB',
    format: /^[A-Z0-9]{8}$/,
    prefix: '09000',
    legalForm: 'ltd',
    suffix: 'Ltd',
    city: 'London',
    postCode: 'EC1A 1BB',
    street: '1 Sandbox Street',
    activityCodes: ['62020'],
    freeFilings: true,
    currency: 'GBP',
  },
  {
    country: 'LT',
    format: /^\d{9}$/,
    prefix: '300000',
    legalForm: 'UAB',
    suffix: 'UAB',
    city: 'Vilnius',
    postCode: 'LT-01103',
    street: 'Smėlio g. 1',
    activityCodes: ['62.01'],
    freeFilings: false,
    currency: 'EUR',
  },
  {
    country: 'DE',
    format: /^HR[AB]\d{3,6}$/,
    prefix: 'HRB100',
    legalForm: 'GmbH',
    suffix: 'GmbH',
    city: 'Berlin',
    postCode: '10115',
    street: 'Sandkastenweg 1',
    activityCodes: ['62.01'],
    freeFilings: false,
    currency: 'EUR',
  },
  {
    country: 'HU',
    format: /^\d{10}$/,
    prefix: '0109000',
    legalForm: 'Kft.',
    suffix: 'Kft.',
    city: 'Budapest',
    postCode: '1051',
    street: 'Homok utca 1',
    activityCodes: ['6201'],
    freeFilings: false,
    currency: 'EUR',
  },
  {
    country: 'US',
    format: /^\d{7}$/,
    prefix: '7000',
    legalForm: 'Corporation',
    suffix: 'Inc.',
    city: 'Wilmington',
    postCode: '19801',
    street: '1 Sandbox Avenue',
    activityCodes: ['541511'],
    freeFilings: false,
    currency: 'USD',
  },
  {
    country: 'FR',
    format: /^\d{9}$/,
    prefix: '900000',
    legalForm: 'SAS',
    suffix: 'SAS',
    city: 'Paris',
    postCode: '75001',
    street: '1 rue du Bac à Sable',
    activityCodes: ['62.01Z'],
    freeFilings: false,
    currency: 'EUR',
  },
];

/** What a magic number's three-digit code does. */
export type SandboxOutcome = 'found' | 'nameMismatch' | 'dissolved' | 'slowDocument' | 'notFound' | 'timeout' | 'failure' | 'garbage';

export const OUTCOME_CODES: Readonly<Record<string, SandboxOutcome>> = {
  '001': 'found',
  '002': 'nameMismatch',
  '003': 'dissolved',
  '004': 'slowDocument',
  '404': 'notFound',
  '408': 'timeout',
  '500': 'failure',
  '502': 'garbage',
};

/** The names the register holds; `nameMismatch` is the one whose client usually types its former name. */
const NAMES: Readonly<Record<string, string>> = {
  found: 'Sandbox Trading',
  nameMismatch: 'Meridian Consulting Group',
  dissolved: 'Closed Doors Trading',
  slowDocument: 'Slow Archive Holdings',
};

/** The former name of the `nameMismatch` company: what a client who fills in the form from memory types. */
export const FORMER_NAME = 'Meridian Advisory';

/** A filing id that never delivers (the register fails each time) and one the register never answers. */
export const FAILING_FILING = 'doc-fails';
export const SILENT_FILING = 'doc-silent';
/** The slow document's delivery time. */
export const SLOW_DELIVERY_MINUTES = 30;

export function sandboxProfile(spec: SandboxCountry, number: string, outcome: SandboxOutcome, asOf: string): RegistryProfile {
  const name = `${NAMES[outcome] ?? NAMES.found} ${spec.suffix}`;
  const address = { kind: 'registered' as const, lines: [spec.street], city: spec.city, postCode: spec.postCode, country: spec.country };
  return {
    provider: 'sandbox',
    country: spec.country,
    number,
    name,
    status: outcome === 'dissolved' ? 'dissolved' : 'active',
    legalForm: spec.legalForm,
    incorporatedOn: '2015-03-12',
    address,
    addresses: [address],
    activityCodes: spec.activityCodes,
    officers: OFFICERS,
    owners: owners(spec),
    parents: [],
    asOf,
  };
}

const OFFICERS: RegistryPerson[] = [
  {
    kind: 'individual',
    role: 'officer',
    name: 'Jane Sample',
    firstName: 'Jane',
    lastName: 'Sample',
    position: 'director',
    appointedOn: '2015-03-12',
    birthMonth: '1980-04',
    nationality: 'GB',
    countryOfResidence: 'GB',
  },
  {
    kind: 'individual',
    role: 'officer',
    name: 'Tom Example',
    firstName: 'Tom',
    lastName: 'Example',
    position: 'secretary',
    appointedOn: '2018-09-01',
    birthMonth: '1975-11',
    nationality: 'LT',
  },
];

/**
 * Jane Sample owns the majority; Victor Hidden holds the right to appoint the board without
 * owning shares (the owner a client rarely declares); a holding company owns the rest.
 */
function owners(spec: SandboxCountry): RegistryPerson[] {
  return [
    {
      kind: 'individual',
      role: 'owner',
      name: 'Jane Sample',
      firstName: 'Jane',
      lastName: 'Sample',
      birthMonth: '1980-04',
      nationality: 'GB',
      natureOfControl: ['ownership-of-shares-50-to-75-percent', 'voting-rights-50-to-75-percent'],
      sharesMin: 50,
      sharesMax: 75,
    },
    {
      kind: 'individual',
      role: 'owner',
      name: 'Victor Hidden',
      firstName: 'Victor',
      lastName: 'Hidden',
      birthMonth: '1969-02',
      nationality: 'CY',
      countryOfResidence: 'AE',
      natureOfControl: ['right-to-appoint-and-remove-directors'],
    },
    {
      kind: 'company',
      role: 'owner',
      name: `Sandbox Holdings ${spec.suffix}`,
      natureOfControl: ['ownership-of-shares-25-to-50-percent'],
      sharesMin: 25,
      sharesMax: 50,
      registrationNumber: `${spec.prefix}999`,
      registrationCountry: spec.country,
    },
  ];
}

export function sandboxFilings(spec: SandboxCountry, outcome: SandboxOutcome): RegistryFiling[] {
  const price = (minor: number) => (spec.freeFilings ? 0 : minor);
  const filings: RegistryFiling[] = [
    {
      id: 'doc-incorporation',
      date: '2015-03-12',
      type: 'NEWINC',
      description: 'Certificate of incorporation',
      price: 0,
      currency: spec.currency,
      deliveryMinutes: 0,
    },
    {
      id: 'doc-accounts-2025',
      date: '2025-09-30',
      type: 'AA',
      description: 'Annual accounts 2025',
      price: price(1500),
      currency: spec.currency,
      deliveryMinutes: 0,
    },
    {
      id: FAILING_FILING,
      date: '2024-06-01',
      type: 'CS01',
      description: 'Confirmation statement (the register fails to deliver it)',
      price: price(500),
      currency: spec.currency,
      deliveryMinutes: 0,
    },
    {
      id: SILENT_FILING,
      date: '2023-06-01',
      type: 'CS01',
      description: 'Confirmation statement (the register never answers)',
      price: price(500),
      currency: spec.currency,
      deliveryMinutes: 0,
    },
  ];
  if (outcome === 'slowDocument') {
    filings.push({
      id: 'doc-archive',
      date: '1999-01-01',
      type: 'ARCHIVE',
      description: 'Archived register extract (delivered after 30 minutes)',
      price: price(2500),
      currency: spec.currency,
      deliveryMinutes: SLOW_DELIVERY_MINUTES,
    });
  }
  return filings;
}
