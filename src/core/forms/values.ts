import { isDate } from '../../shared/dates.js';
import { COUNTRIES } from '../../shared/enums.js';

const COUNTRY_SET = new Set<string>(COUNTRIES);

export interface ValueRules {
  choices?: { key: string }[] | undefined;
  maxLength?: number;
}

const isStringArray = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === 'string');

/**
 * Checks one custom-field or answer value of a type both share; returns a message or null.
 * null values are the caller's business (they mean "not answered").
 */
export function checkTypedValue(type: string, value: unknown, rules: ValueRules = {}): string | null {
  const choiceKeys = new Set((rules.choices ?? []).map((c) => c.key));
  switch (type) {
    case 'CHECKBOX':
      return typeof value === 'boolean' ? null : 'must be true or false';
    case 'COUNTRY':
      return typeof value === 'string' && COUNTRY_SET.has(value) ? null : 'must be an ISO 3166 country code such as "LT"';
    case 'COUNTRY_MULTI':
      return isStringArray(value) && value.every((v) => COUNTRY_SET.has(v)) && new Set(value).size === value.length
        ? null
        : 'must be a list of distinct ISO 3166 country codes';
    case 'DATE':
      return isDate(value) ? null : 'must be a date as YYYY-MM-DD';
    case 'INTEGER':
      return Number.isSafeInteger(value) ? null : 'must be a whole number';
    case 'FLOAT':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'must be a number';
    case 'SELECT':
    case 'RADIO':
      return typeof value === 'string' && choiceKeys.has(value) ? null : `must be one of: ${[...choiceKeys].join(', ')}`;
    case 'SELECT_MULTI':
      return isStringArray(value) && value.every((v) => choiceKeys.has(v)) && new Set(value).size === value.length
        ? null
        : `must be a list of distinct choices from: ${[...choiceKeys].join(', ')}`;
    case 'TEXT': {
      const max = rules.maxLength ?? 100;
      return typeof value === 'string' && value.length <= max ? null : `must be text of at most ${max} characters`;
    }
    default:
      return 'has an unsupported type';
  }
}
