import { COUNTRIES } from '../../../src/shared/enums.js';

/** Locale-aware names and formats from the browser's Intl data: nothing to translate by hand. */
const cache = new Map<string, unknown>();
function memo<T>(key: string, make: () => T): T {
  if (!cache.has(key)) cache.set(key, make());
  return cache.get(key) as T;
}

export function countryName(locale: string, code: string): string {
  // Kosovo (XK) is a user-assigned code: some Intl builds lack a name for it.
  const names = memo(`region:${locale}`, () => new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' }));
  return names.of(code) ?? code;
}

export function countryOptions(locale: string): Array<{ code: string; name: string }> {
  return memo(`countries:${locale}`, () => {
    const collator = new Intl.Collator(locale);
    return COUNTRIES.map((code) => ({ code, name: countryName(locale, code) })).sort((a, b) => collator.compare(a.name, b.name));
  });
}

/** The language's own name, as a language switcher should show it. */
export function languageName(code: string): string {
  const name = new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
  return name.charAt(0).toLocaleUpperCase(code) + name.slice(1);
}

export function formatDate(locale: string, isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return isoDate;
  // Built as UTC noon and formatted in UTC, so no time zone can move the day.
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12));
  return memo(`date:${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' })).format(date);
}

export function formatDateTime(locale: string, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return memo(`datetime:${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' })).format(date);
}

export function formatNumber(locale: string, value: number): string {
  return memo(`number:${locale}`, () => new Intl.NumberFormat(locale, { maximumFractionDigits: 4 })).format(value);
}

export function formatPercent(locale: string, value: number): string {
  return memo(`percent:${locale}`, () => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 })).format(value / 100);
}
