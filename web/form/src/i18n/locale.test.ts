import { describe, expect, it } from 'vitest';
import en from './locales/en.js';
import { initialLocale, translator } from './locale.js';

describe('initialLocale', () => {
  it('takes the token locale first', () => {
    expect(initialLocale('lt', ['de-DE'])).toBe('lt');
  });

  it('else the first browser language the form has, by its base language', () => {
    expect(initialLocale(null, ['sv-SE', 'pt-BR', 'de'])).toBe('pt');
    expect(initialLocale(undefined, ['JA'])).toBe('ja');
  });

  it('else English, also for a locale the enum does not know', () => {
    expect(initialLocale('xx', ['sv', 'fi'])).toBe('en');
  });
});

describe('translator', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    const t = translator(en);
    expect(t('app.stepOf', { n: 2, total: 5 })).toBe('Step 2 of 5');
    expect(t('app.stepOf', { n: 2 })).toBe('Step 2 of {total}');
  });
});
