import { LOCALES } from '../../../../src/shared/enums.js';
import type { KybLocale } from '../api/types.js';
import type { MessageKey, Messages } from './messages.js';

export { LOCALES };

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

/** `{name}` placeholders are filled from `vars`; an unknown one is left visible rather than dropped. */
export function translator(messages: Messages): Translate {
  return (key, vars) => {
    const text = messages[key] ?? key;
    return vars ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole)) : text;
  };
}
