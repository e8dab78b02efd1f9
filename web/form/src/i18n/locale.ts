import { LOCALES } from '../../../../src/shared/enums.js';
import type { KybLocale } from '../api/types.js';
import { translator as sharedTranslator, type Translator } from '../../../shared/i18n/translator.js';
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

export type Translate = Translator<MessageKey>;

/** The shared translator (web/shared), typed with the form's messages. */
export const translator: (messages: Messages) => Translate = sharedTranslator;
