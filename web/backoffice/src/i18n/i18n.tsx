import { createContext, useContext } from 'react';
import { translator as sharedTranslator, type Translator } from '../../../shared/i18n/translator.js';
import type { MessageKey, Messages } from './messages.js';
import { messagesLoader } from '../../../shared/i18n/load-messages.js';

export type { MessageKey, Messages };
export type Translate = Translator<MessageKey>;
export const translator: (messages: Messages) => Translate = sharedTranslator;

// The hosted form's mechanism: one chunk per locale, fetched only when chosen. English first.
const loaders = import.meta.glob<{ default: Messages }>('./locales/[a-z][a-z].ts');
export const BACKOFFICE_LOCALES = Object.keys(loaders).map((file) => file.slice('./locales/'.length, -'.ts'.length));

/** The first browser language the back office has, else English. */
export function initialLocale(browser: readonly string[]): string {
  for (const tag of browser) {
    const base = tag.toLowerCase().split('-')[0] ?? '';
    if (BACKOFFICE_LOCALES.includes(base)) return base;
  }
  return 'en';
}

export const loadMessages: (locale: string) => Promise<Messages> = messagesLoader(loaders);

export interface I18n {
  locale: string;
  t: Translate;
}

export const I18nContext = createContext<I18n | null>(null);

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nContext');
  return value;
}
