import type { RegistryCenterDatabase } from '../../shared/gov-checks.js';

/** Request fields in the list filter's spelling (`checkedFields`: first_name, date_of_birth...). */
const FILTER_NAMES: Readonly<Record<string, string>> = {
  firstName: 'first_name',
  lastName: 'last_name',
  middleName: 'middle_name',
  dateOfBirth: 'date_of_birth',
  dob: 'dob',
  yob: 'yob',
  address: 'address',
  address1: 'address1',
  address2: 'address2',
  city: 'city',
  state: 'state',
  zip: 'zip',
  idNum: 'id_num',
  phone: 'phone',
  email: 'email',
};

export function checkedFieldsOf(fields: Readonly<Record<string, unknown>>): string[] {
  return Object.keys(FILTER_NAMES)
    .filter((field) => fields[field] !== undefined && fields[field] !== null)
    .map((field) => FILTER_NAMES[field]!);
}

/** The person's name and surname, from the request (UK, US) or the register's answer (LT, HU). */
export function personNames(check: Readonly<Record<string, unknown>>): { name: string | null; surname: string | null } {
  const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : null);
  if (check.database === 'LT') return { name: text(check.name), surname: text(check.surname) };
  return { name: text(check.firstName), surname: text(check.lastName) };
}

/**
 * One status over a check (the list's `status` filter): LT and HU are MATCH when the register
 * holds the person, NO_DATA otherwise; UK and US fold their per-field statuses, ignoring
 * fields not asked (NO_INPUT).
 */
export function overallStatus(database: RegistryCenterDatabase, result: Readonly<Record<string, unknown>>): string {
  if (database === 'LT') return result.personalNumber ? 'MATCH' : 'NO_DATA';
  if (database === 'HU') return result.firstName ? 'MATCH' : 'NO_DATA';
  const statuses = Object.entries(result)
    .filter(([key, value]) => key.endsWith('Status') && value !== 'NO_INPUT' && value !== null)
    .map(([, value]) => value);
  if (statuses.length === 0 || statuses.every((s) => s === 'NO_DATA')) return 'NO_DATA';
  if (statuses.every((s) => s === 'MATCH')) return 'MATCH';
  return statuses.some((s) => s === 'MATCH' || s === 'PARTIAL_MATCH') ? 'PARTIAL_MATCH' : 'NO_MATCH';
}
