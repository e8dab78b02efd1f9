import { describe, expect, it } from 'vitest';
import { ConditionSyntaxError, conditionRefs, evaluateCondition, parseCondition } from './condition.js';

const answers: Record<string, unknown> = {
  'a.cash': true,
  'a.share': 40,
  'a.size': 'large',
  'a.markets': ['LT', 'DE'],
  'a.note': '',
  'b.name': "O'Brien Ltd",
};
const evaluate = (source: string) => evaluateCondition(parseCondition(source), (ref) => answers[`${ref.section ?? 'a'}.${ref.question}`] ?? null);

describe('questionnaire conditions', () => {
  it.each([
    ['cash', true],
    ['note', false],
    ['missing', false],
    ['!note', true],
    ['not note', true],
    ['cash == true', true],
    ['cash != true', false],
    ['share > 30 && share <= 40', true],
    ['share >= 41', false],
    ['size == "large"', true],
    ["size == 'small' || size == 'large'", true],
    ['size in ["small", "medium"]', false],
    ['markets contains "LT"', true],
    ['markets contains "FR"', false],
    ['markets in ["FR", "DE"]', true],
    ['a.size == "large" and (share < 10 or cash)', true],
    ["b.name == 'O\\'Brien Ltd'", true],
    ['share == "40"', false],
    ['missing == null', true],
  ])('%s is %s', (source, expected) => {
    expect(evaluate(source)).toBe(expected);
  });

  it('lists the questions a condition reads', () => {
    expect(conditionRefs(parseCondition('a.x == 1 || !y'))).toEqual([
      { section: 'a', question: 'x' },
      { section: null, question: 'y' },
    ]);
  });

  it.each(['', 'cash ==', 'cash == == 1', '(cash', 'cash &&', 'size == large', 'size in [1,', 'true', 'cash # 1'])(
    'rejects "%s" with a syntax error',
    (source) => {
      expect(() => parseCondition(source)).toThrow(ConditionSyntaxError);
    },
  );
});
