import { afterEach, describe, expect, it } from 'vitest';
import { ownValue } from '../../../../src/shared/records.js';
import type { AnswerValues, Questionnaire } from '../api/types.js';
import { answerOf, applicability, applicableAnswers, unanswered, withAnswer } from './questionnaire-logic.js';

// Keys a partner may have chosen before the server refused reserved names (or a record stored since).
const questionnaire = (section: string, question: string, condition?: string) =>
  ({
    id: 'q1',
    key: 'aml',
    sections: [
      {
        key: section,
        title: 'S',
        questions: [
          { key: question, title: 'Q', type: 'TEXT', required: true },
          { key: 'follow', title: 'F', type: 'TEXT', required: true, condition },
        ],
      },
    ],
  }) as unknown as Questionnaire;

const answersFromServer = (json: string) => JSON.parse(json) as AnswerValues;

afterEach(() => {
  delete (Object.prototype as Record<string, unknown>).planted;
});

describe('questionnaire answers keyed by the partner', () => {
  it('keeps an answer of a section named __proto__ as an own entry and never writes to Object.prototype', () => {
    const q = questionnaire('__proto__', 'planted');
    const answers = answersFromServer('{"__proto__":{"planted":{"value":"cash"}}}');
    const sent = applicableAnswers(q, answers);
    expect(Object.hasOwn(sent, '__proto__')).toBe(true);
    expect(JSON.stringify({ sections: sent })).toBe('{"sections":{"__proto__":{"planted":{"value":"cash"}}}}');
    expect(({} as Record<string, unknown>).planted).toBeUndefined();
  });

  it('reads no inherited built-in as an answer or as "applies" (toString, constructor, valueOf)', () => {
    const q = questionnaire('toString', 'constructor', 'valueOf');
    const empty = answersFromServer('{}');
    expect(answerOf(empty, 'toString', 'constructor')).toBeUndefined();
    expect(answerOf(answersFromServer('{"s":{}}'), 's', 'constructor')).toBeUndefined();
    // "follow" depends on a question that does not exist: a bare ref to it never holds.
    const applies = applicability(q, empty);
    expect(ownValue(ownValue(applies, 'toString'), 'follow')).toBe(false);
    expect(unanswered(q, empty)).toEqual([{ section: 'toString', question: 'constructor' }]);
  });

  it('sets an answer under any key as an own property, on copies without a prototype', () => {
    const first = withAnswer(answersFromServer('{}'), '__proto__', 'toString', 'yes');
    const second = withAnswer(first, '__proto__', 'valueOf', 2);
    expect(Object.getPrototypeOf(second)).toBeNull();
    expect(Object.keys(second)).toEqual(['__proto__']);
    expect(answerOf(second, '__proto__', 'toString')).toEqual({ value: 'yes' });
    expect(answerOf(second, '__proto__', 'valueOf')).toEqual({ value: 2 });
    expect(answerOf(first, '__proto__', 'valueOf')).toBeUndefined();
    expect(({} as Record<string, unknown>).toString).toBe(Object.prototype.toString);
  });
});
