import { createHash } from 'node:crypto';
import type { CompanyField } from '../shared/enums.js';
import { legalFormTable, transliterateWords } from '../screening/normalize/normalize-name.js';
import { nameKeys, numberKey } from './open-data/keys.js';
import type { RegistryAddress, RegistryPerson, RegistryProfile } from './provider.js';

export type DataMatch = 'MATCH' | 'NO_MATCH' | 'PARTIAL_MATCH';

/** One line of iDenfy's `companyComparison`: the form's value, the register's, and how they compare. */
export interface FieldComparison {
  field: CompanyField;
  systemValue: string | null;
  reportValue: string | null;
  /** Null when the form left the field empty: there is nothing to compare. */
  match: DataMatch | null;
}

/** The form's company fields this module reads (companies.info, StoredCompanyInfo). */
export interface FormCompany {
  companyName?: string | null;
  registrationNumber?: string | null;
  country?: string | null;
  type?: string | null;
  activityCode?: string | null;
  operatingAddress?: string | null;
  postalAddress?: string | null;
  postcode?: string | null;
  street?: string | null;
  city?: string | null;
}

const MAX_VALUE = 255;
const clip = (value: string) => (value.length > MAX_VALUE ? `${value.slice(0, MAX_VALUE - 1)}…` : value);
const given = (value: string | null | undefined): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

/** Case, accents, punctuation and script folded away: the screening normaliser's ASCII words. */
const words = (text: string) => transliterateWords(text, true).words;
const countryCode = (country: string) => (country.toUpperCase() === 'UK' ? 'GB' : country.toUpperCase());

function overlap(a: readonly string[], b: readonly string[]): number {
  const left = new Set(a);
  const right = new Set(b);
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const word of left) if (right.has(word)) shared += 1;
  return shared / (left.size + right.size - shared);
}

/** Equal words in order: MATCH; the same words in another order or most words shared: PARTIAL_MATCH. */
function compareText(form: string, register: string): DataMatch {
  const a = words(form);
  const b = words(register);
  if (a.join(' ') === b.join(' ')) return 'MATCH';
  return overlap(a, b) >= 0.5 ? 'PARTIAL_MATCH' : 'NO_MATCH';
}

/**
 * Company names through the register search's keys (the screening normaliser with its legal-form
 * catalogue): "ACME LIMITED" and "Acme Ltd." are the same words and the same legal form, a MATCH.
 * Same words with another (or no) legal form, or another order, is PARTIAL_MATCH; a name sharing
 * at least half its words is PARTIAL_MATCH too; anything else NO_MATCH.
 */
export function compareCompanyNames(form: string, register: string): DataMatch {
  const a = nameKeys(form);
  const b = nameKeys(register);
  const sameForms = [...new Set(a.legalForms)].sort().join(' ') === [...new Set(b.legalForms)].sort().join(' ');
  if (a.searchText === b.searchText && sameForms) return 'MATCH';
  if (a.nameKey === b.nameKey) return 'PARTIAL_MATCH';
  return overlap(a.searchText.split(' '), b.searchText.split(' ')) >= 0.5 ? 'PARTIAL_MATCH' : 'NO_MATCH';
}

/**
 * A legal form as every class of the catalogue its words spell, whole or in part ("Private limited
 * company" holds `ltd` through "private limited" and "limited"), else its words; two forms are the
 * same when they share a class.
 */
function legalFormClasses(text: string): string[] {
  const spelled = words(text);
  const classes = new Set<string>();
  for (let start = 0; start < spelled.length; start += 1) {
    for (let end = start + 1; end <= Math.min(spelled.length, start + 5); end += 1) {
      const kind = legalFormTable().classOf(spelled.slice(start, end).join(' '));
      if (kind) classes.add(kind);
    }
  }
  return classes.size > 0 ? [...classes] : [spelled.join(' ')];
}

function compareLegalForms(form: string, register: string): DataMatch {
  const theirs = legalFormClasses(register);
  return legalFormClasses(form).some((kind) => theirs.includes(kind)) ? 'MATCH' : 'NO_MATCH';
}

const codeDigits = (code: string) => code.toUpperCase().replace(/[^0-9A-Z]/g, '');

/** An activity code against the register's list: one of them exactly, or one a refinement of the other ("62.01" and "62.01Z"). */
function compareActivity(form: string, codes: readonly string[]): DataMatch {
  const mine = codeDigits(form);
  const theirs = codes.map(codeDigits);
  if (theirs.includes(mine)) return 'MATCH';
  return theirs.some((code) => code.length > 0 && (code.startsWith(mine) || mine.startsWith(code))) ? 'PARTIAL_MATCH' : 'NO_MATCH';
}

function addressText(address: RegistryAddress): string {
  return [...address.lines, [address.postCode, address.city].filter(Boolean).join(' '), address.country]
    .filter((part) => part && part.trim() !== '')
    .join(', ');
}

/**
 * An address as a whole: the same words (any order) MATCH, most words shared PARTIAL_MATCH. The
 * register's country counts only when the form names it too: the country is compared as a field
 * of its own, and an address line typed (or pre-filled from the register) without it is no less
 * the register's address.
 */
function compareAddress(form: string, register: RegistryAddress): DataMatch {
  const a = words(form);
  const country = new Set(words(register.country ?? ''));
  const b = words(addressText(register)).filter((word) => !country.has(word) || a.includes(word));
  const left = [...new Set(a)].sort().join(' ');
  const right = [...new Set(b)].sort().join(' ');
  if (left === right) return 'MATCH';
  const formInRegister = a.every((word) => b.includes(word));
  return formInRegister || overlap(a, b) >= 0.5 ? 'PARTIAL_MATCH' : 'NO_MATCH';
}

const postcodeKey = (code: string) => code.toUpperCase().replace(/[^0-9A-Z]/g, '');

/**
 * Each form field the register also gives, compared (iDenfy's `companyComparison`). Fields the
 * register does not give (region, phone, website, email, brand names, TIN, and an operating
 * address when the register holds only the registered one) are left out: there is no report value
 * to show, and a line without one would read as a mismatch. A field the form left empty is
 * shown with the register's value and a null `match`.
 */
export function compareWithRegister(form: FormCompany, profile: RegistryProfile): FieldComparison[] {
  const registered = profile.addresses.find((a) => a.kind === 'registered') ?? profile.address ?? profile.addresses[0];
  const business = profile.addresses.find((a) => a.kind === 'business');
  const lines: FieldComparison[] = [];
  const add = (field: CompanyField, systemValue: string | null | undefined, reportValue: string | undefined, compare: (form: string) => DataMatch) => {
    const report = given(reportValue);
    if (report === null) return;
    const system = given(systemValue);
    lines.push({ field, systemValue: system === null ? null : clip(system), reportValue: clip(report), match: system === null ? null : compare(system) });
  };
  add('COMPANY_NAME', form.companyName, profile.name, (value) => compareCompanyNames(value, profile.name));
  add('REGISTRATION_NUMBER', form.registrationNumber, profile.number, (value) => (numberKey(value) === numberKey(profile.number) ? 'MATCH' : 'NO_MATCH'));
  add('COUNTRY', form.country, profile.country, (value) => (countryCode(value) === countryCode(profile.country) ? 'MATCH' : 'NO_MATCH'));
  add('TYPE', form.type, profile.legalForm, (value) => compareLegalForms(value, profile.legalForm!));
  add('ACTIVITY_CODE', form.activityCode, profile.activityCodes.length > 0 ? profile.activityCodes.join(', ') : undefined, (value) =>
    compareActivity(value, profile.activityCodes),
  );
  if (business) add('OPERATING_ADDRESS', form.operatingAddress, addressText(business), (value) => compareAddress(value, business));
  if (registered) {
    add('POSTAL_ADDRESS', form.postalAddress, addressText(registered), (value) => compareAddress(value, registered));
    add('POSTCODE', form.postcode, registered.postCode, (value) => (postcodeKey(value) === postcodeKey(registered.postCode!) ? 'MATCH' : 'NO_MATCH'));
    add('STREET', form.street, registered.lines.join(', ') || undefined, (value) => compareText(value, registered.lines.join(' ')));
    add('CITY', form.city, registered.city, (value) => compareText(value, registered.city!));
  }
  return lines;
}

/** A person the client declared (a beneficiary): an individual's names, or an organisation's name. */
export type DeclaredPerson = { kind: 'individual'; name: string; surname: string } | { kind: 'company'; name: string };

/** A register officer or owner the client did not declare, with every role the register gives them. */
export interface UndeclaredPerson {
  /** Stable across fetches of the same register data: the screening subject id and the reviewer's handle. */
  key: string;
  kind: 'individual' | 'company';
  name: string;
  roles: Array<'officer' | 'owner'>;
  positions: string[];
  natureOfControl: string[];
  sharesMin?: number;
  sharesMax?: number;
  birthMonth?: string;
  nationality?: string;
  countryOfResidence?: string;
  registrationNumber?: string;
  registrationCountry?: string;
}

const personWords = (text: string) => [...new Set(transliterateWords(text, false).words)];
const registerPersonWords = (person: RegistryPerson) =>
  personWords(person.firstName && person.lastName ? `${person.firstName} ${person.lastName}` : person.name.replace(',', ' '));

/** One individual's names within the other's (a middle name or a second surname more is still the same person). */
function samePerson(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return false;
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  return shorter.length >= Math.min(2, longer.length) && shorter.every((word) => longer.includes(word));
}

const sameCompany = (a: string, b: string) => nameKeys(a).nameKey === nameKeys(b).nameKey;

/**
 * The register's current officers and owners that no declared beneficiary is, one entry per
 * person (an officer who is also an owner is one person with both roles). Individuals are the
 * same when one's name words are all in the other's (case, accents, order and a middle name
 * aside); organisations when their names are the same words, legal form aside.
 */
export function undeclaredPersons(profile: RegistryProfile, declared: readonly DeclaredPerson[]): UndeclaredPerson[] {
  const declaredPeople = declared.flatMap((d) => (d.kind === 'individual' ? [personWords(`${d.name} ${d.surname}`)] : []));
  const declaredCompanies = declared.flatMap((d) => (d.kind === 'company' ? [d.name] : []));
  const found = new Map<string, UndeclaredPerson>();
  for (const person of [...profile.officers, ...profile.owners]) {
    if (person.ceasedOn) continue;
    const isDeclared =
      person.kind === 'individual'
        ? declaredPeople.some((names) => samePerson(names, registerPersonWords(person)))
        : declaredCompanies.some((name) => sameCompany(name, person.name));
    if (isDeclared) continue;
    const identity = person.kind === 'individual' ? registerPersonWords(person).sort().join(' ') : nameKeys(person.name).nameKey;
    const key = `register-${createHash('sha256')
      .update(`${person.kind}\n${identity}\n${person.kind === 'individual' ? (person.birthMonth ?? '') : ''}`)
      .digest('hex')
      .slice(0, 24)}`;
    const entry = found.get(key) ?? { key, kind: person.kind, name: person.name, roles: [], positions: [], natureOfControl: [] };
    if (!entry.roles.includes(person.role)) entry.roles.push(person.role);
    if (person.position && !entry.positions.includes(person.position)) entry.positions.push(person.position);
    for (const nature of person.natureOfControl ?? []) if (!entry.natureOfControl.includes(nature)) entry.natureOfControl.push(nature);
    if (person.sharesMin !== undefined) entry.sharesMin = person.sharesMin;
    if (person.sharesMax !== undefined) entry.sharesMax = person.sharesMax;
    for (const field of ['birthMonth', 'nationality', 'countryOfResidence', 'registrationNumber', 'registrationCountry'] as const) {
      if (person[field] !== undefined && entry[field] === undefined) entry[field] = person[field];
    }
    found.set(key, entry);
  }
  return [...found.values()];
}
