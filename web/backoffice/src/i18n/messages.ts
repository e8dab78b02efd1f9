import type en from './locales/en.js';

/** English is the reference: every locale file is a `Messages`, so a missing key fails the type-check. */
export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
