import { describe, expect, it } from 'vitest';
import en from './locales/en.js';
import lt from './locales/lt.js';
import { translator } from './locale.js';
import { say, text } from './text.js';

describe('text kept as key and values', () => {
  it('says the same message in whichever language is current when shown', () => {
    const required = text('error.required');
    expect(say(translator(en), required)).toBe(en['error.required']);
    expect(say(translator(lt), required)).toBe(lt['error.required']);
  });

  it('translates a value that is itself a message (a role inside a sentence)', () => {
    const gap = text('review.roleMissing', { role: text('role.SHAREHOLDER') });
    expect(say(translator(lt), gap)).toBe(lt['review.roleMissing'].replace('{role}', lt['role.SHAREHOLDER']));
    expect(say(translator(en), text('ownership.deleteChildrenFirst', { name: 'Holding SIA' }))).toBe('Remove the owners listed under Holding SIA first.');
  });
});
