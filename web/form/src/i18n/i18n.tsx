import { createContext, useContext } from 'react';
import type { KybLocale } from '../api/types.js';
import { initialLocale, isLocale, LOCALES, translator, type Translate } from './locale.js';
import type { MessageKey, Messages } from './messages.js';
import { messagesLoader } from '../../../shared/i18n/load-messages.js';

export { initialLocale, isLocale, LOCALES, translator };
export type { MessageKey, Messages, Translate };

// One chunk per locale, fetched only when chosen: the initial load carries no strings.
const loaders = import.meta.glob<{ default: Messages }>('./locales/[a-z][a-z].ts');

export const loadMessages: (locale: KybLocale) => Promise<Messages> = messagesLoader(loaders);

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
