import { createContext, useContext } from 'react';
import { LOCALES } from '../../../../src/schemas/enums.js';
import type { KybLocale } from '../api/types.js';
import type { MessageKey, Messages } from './messages.js';

export { LOCALES };
export type { MessageKey, Messages };

// One chunk per locale, fetched only when chosen: the initial load carries no strings.
const loaders = import.meta.glob<{ default: Messages }>('./locales/[a-z][a-z].ts');

export function loadMessages(locale: KybLocale): Promise<Messages> {
  const load = loaders[`./locales/${locale}.ts`];
  if (!load) return Promise.reject(new Error(`no messages for ${locale}`));
  return load().then((module) => module.default);
}

export function isLocale(value: unknown): value is KybLocale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The token's locale first, else the first browser language we have, else English. */
export function initialLocale(tokenLocale: string | null | undefined, browser: readonly string[]): KybLocale {
  if (isLocale(tokenLocale)) return tokenLocale;
  for (const tag of browser) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLocale(base)) return base;
  }
  return 'en';
}

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function translator(messages: Messages): Translate {
  return (key, vars) => {
    const text = messages[key] ?? key;
    return vars ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole)) : text;
  };
}

export interface I18n {
  locale: KybLocale;
  t: Translate;
  setLocale(locale: KybLocale): void;
}

export const I18nContext = createContext<I18n | null>(null);

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nContext');
  return value;
}
