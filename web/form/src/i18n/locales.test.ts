import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../../src/shared/enums.js';
import en from './locales/en.js';

const DIR = path.join(import.meta.dirname, 'locales');

/**
 * Values that may equal the English one because they hold no words: a pure format string.
 * Per locale, the words that really are spelled the same (listed here one by one, on purpose).
 */
const SAME_EVERYWHERE = new Set(['review.missingItem']);
const SAME_IN: Partial<Record<string, string[]>> = {
  es: ['value.no'], // "No"
  it: ['value.no', 'value.savedFile'], // "No"; "File {n}" (Italian uses the English loanword)
  fr: ['step.questionnaire'], // "Questionnaire"
  nl: ['field.company.WEBSITE', 'field.company.POSTCODE', 'field.person.POSTCODE'], // "Website", "Postcode"
};

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('translations', () => {
  it('has one file per locale of KybLocaleEnum, and no other', () => {
    const files = readdirSync(DIR)
      .filter((f) => /^[a-z]{2}\.ts$/.test(f))
      .map((f) => f.slice(0, 2))
      .sort();
    expect(files).toEqual([...LOCALES].sort());
  });

  for (const locale of LOCALES.filter((l) => l !== 'en')) {
    it(`${locale}: translates every key, keeps every placeholder, leaves nothing in English`, async () => {
      const messages = (await import(`./locales/${locale}.ts`)).default as Record<string, string>;
      expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort());
      const allowed = new Set([...SAME_EVERYWHERE, ...(SAME_IN[locale] ?? [])]);
      const english = Object.entries(en)
        .filter(([key, value]) => messages[key] === value && !allowed.has(key))
        .map(([key]) => key);
      expect(english, `${locale} values identical to English`).toEqual([]);
      const broken = Object.entries(en)
        .filter(([key, value]) => JSON.stringify(placeholders(messages[key] ?? '')) !== JSON.stringify(placeholders(value)))
        .map(([key]) => key);
      expect(broken, `${locale} values whose {placeholders} differ from English`).toEqual([]);
      expect(
        Object.entries(messages)
          .filter(([, value]) => !value.trim())
          .map(([key]) => key),
      ).toEqual([]);
    });
  }
});
