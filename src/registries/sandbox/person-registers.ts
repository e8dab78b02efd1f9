import type { RegistryCenterQuery, SosReport, SosReportQuery } from '../provider.js';
import type { SandboxOutcome } from './registers.js';
import { sandboxPdf } from './sandbox-pdf.js';
import { recordFrom } from '../../shared/records.js';

/**
 * The sandbox's Secretary-of-State and registry-center answers. Outcomes follow the same codes
 * as the company registers: a postal code, personal number or MRZ ending in 404, 408, 500 or
 * 502 is not found, silent, failing or garbage; last names "Unknown", "Timeout", "Failure" and
 * "Garbage" do the same for the name-based UK and US checks (docs/registries.md).
 */
const ENDINGS: Readonly<Record<string, SandboxOutcome>> = { '404': 'notFound', '408': 'timeout', '500': 'failure', '502': 'garbage' };
const LAST_NAMES: Readonly<Record<string, SandboxOutcome>> = { unknown: 'notFound', timeout: 'timeout', failure: 'failure', garbage: 'garbage' };

export function sosOutcome(postalCode: string): SandboxOutcome {
  return ENDINGS[postalCode.slice(-3)] ?? 'found';
}

export async function sosReport(query: SosReportQuery): Promise<SosReport> {
  const name = query.companyName.trim().toUpperCase();
  const entityType = /\b(LLC|L\.L\.C\.)$/.test(name) ? 'LLC' : /\b(LP|LLP|PARTNERSHIP)$/.test(name) ? 'PARTNERSHIP' : 'CORPORATION';
  // A name with "SANCTION" in it is on a watchlist, so integrators can see a hit.
  const watchlistHitsCount = name.includes('SANCTION') ? 1 : 0;
  const data = {
    source: 'OpenKYB sandbox Secretary of State',
    state: query.state,
    entityName: name,
    entityType,
    formationDate: '2012-05-04',
    status: 'ACTIVE',
    registeredAgent: { name: 'Sandbox Agents LLC', street: query.street, city: query.city, state: query.state, postalCode: query.postalCode },
    watchlistHits: watchlistHitsCount ? [{ list: 'SANDBOX-WATCHLIST', name }] : [],
  };
  const report = await sandboxPdf(`Secretary of State report: ${name}`, [`State: ${query.state}`, `Entity type: ${entityType}`, 'Formed 2012-05-04, active']);
  return { companyName: name, formationDate: '2012-05-04', entityType, watchlistHitsCount, data, report };
}

type Fields = Readonly<Record<string, unknown>>;

export function registryCenterResult(query: RegistryCenterQuery): { outcome: SandboxOutcome; result: Record<string, unknown> } {
  const { database, fields } = query;
  const key = database === 'LT' ? fields.checkedPersonalNumber : database === 'HU' ? fields.checkedMrz : null;
  const outcome = typeof key === 'string' ? (ENDINGS[key.slice(-3)] ?? 'found') : (LAST_NAMES[String(fields.lastName).toLowerCase()] ?? 'found');
  const isFound = outcome === 'found';
  if (database === 'LT') return { outcome, result: lithuania(fields, isFound) };
  if (database === 'HU') return { outcome, result: hungary(isFound) };
  if (database === 'UK') return { outcome, result: unitedKingdom(fields, isFound) };
  return { outcome, result: unitedStates(fields, isFound) };
}

function lithuania(fields: Fields, isFound: boolean): Record<string, unknown> {
  return {
    personalNumber: isFound ? fields.checkedPersonalNumber : null,
    name: isFound ? 'JONAS' : null,
    surname: isFound ? 'SMĖLIS' : null,
    documentNumber: isFound ? '12345678' : null,
    documentExpiration: isFound ? '2031-05-31' : null,
    facePhoto: null,
  };
}

function hungary(isFound: boolean): Record<string, unknown> {
  if (!isFound) {
    const none = { firstName: null, lastName: null, maidenName: null, mothersMaidenName: null, birthDate: null, birthPlace: null, nationality: null };
    return { ...none, address: {}, residentialAddress: {}, idCard: {}, passport: {}, additionalData: {} };
  }
  return {
    firstName: 'Anna',
    lastName: 'Próba',
    maidenName: null,
    mothersMaidenName: 'Minta Mária',
    birthDate: '1985-07-14',
    birthPlace: 'Budapest',
    nationality: 'HU',
    address: { postCode: '1051', city: 'Budapest', street: 'Homok utca 1' },
    residentialAddress: { postCode: '1051', city: 'Budapest', street: 'Homok utca 1' },
    idCard: { number: '123456AB', expiresOn: '2030-01-31' },
    passport: {},
    additionalData: {},
  };
}

/** The one person the sandbox's UK register holds. */
const UK_PERSON = { firstName: 'jane', lastName: 'sample', dateOfBirth: '1980-04-02', postCode: 'EC1A1BB' };

function unitedKingdom(fields: Fields, isFound: boolean): Record<string, unknown> {
  if (!isFound) return { firstNameStatus: 'NO_DATA', lastNameStatus: 'NO_DATA', dateOfBirthStatus: 'NO_DATA', addressStatus: 'NO_DATA', addressStatusScore: 0 };
  const address = (fields.address ?? {}) as Fields;
  const postCode = String(address.postCode ?? '')
    .replace(/\s/g, '')
    .toUpperCase();
  const isAddressMatch = postCode === UK_PERSON.postCode;
  return {
    firstNameStatus: same(fields.firstName, UK_PERSON.firstName),
    lastNameStatus: same(fields.lastName, UK_PERSON.lastName),
    dateOfBirthStatus: fields.dateOfBirth === UK_PERSON.dateOfBirth ? 'MATCH' : 'NO_MATCH',
    addressStatus: isAddressMatch ? 'MATCH' : 'NO_MATCH',
    addressStatusScore: isAddressMatch ? 1 : 0,
  };
}

/** The one person the sandbox's US_15 register holds. */
const US_PERSON: Readonly<Record<string, string | number>> = {
  firstName: 'john',
  lastName: 'sample',
  middleName: 'q',
  dob: '1970-01-01',
  yob: 1970,
  address1: '1 sandbox avenue',
  address2: '',
  city: 'wilmington',
  state: 'de',
  zip: '19801',
  idNum: '123456789',
  phone: '+13025550100',
  email: 'john.sample@example.com',
};

function unitedStates(fields: Fields, isFound: boolean): Record<string, unknown> {
  return recordFrom<unknown>(
    Object.entries(US_PERSON).map(([field, expected]) => {
      const given = fields[field];
      return [`${field}Status`, given === undefined || given === null ? 'NO_INPUT' : !isFound ? 'NO_DATA' : same(given, expected)] as const;
    }),
  );
}

function same(given: unknown, expected: string | number): 'MATCH' | 'NO_MATCH' {
  return String(given).trim().toLowerCase() === String(expected) ? 'MATCH' : 'NO_MATCH';
}
